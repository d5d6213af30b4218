import { Alert, Button, Col, Descriptions, Flex, Form, Row, Typography } from 'antd';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RuleResults } from '../../../components/RuleResults';
import { currentLanguage } from '../../../i18n';
import { electionResultsForm } from '../../../../../domain/forms/election';
import { evaluateResults } from '../../../../../domain/rules/election';
import { FormActions } from '../../FormActions';
import { NumberField } from '../../NumberField';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { ruleLine, ruleLines } from '../ruleLines';
import { resultsContext, taskContext } from '../taskContext';

/**
 * election.results (first round, EL-TURNOUT and EL-WIN) and election.runoff (EL-RUNOFF): the count of one round —
 * ballots cast and each candidate's votes. The outcome is previewed with the workflow's own counting function; a
 * tie for the last seat is shown, not decided.
 */
export function ResultsForm({ task, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { round, seats, registeredVoters, candidates: pool, electionDate } = taskContext(resultsContext, task);
  const { control, submitWith, setServerFieldError, formState } = useServerForm({
    schema: electionResultsForm,
    defaultValues: { candidates: pool.map((name) => ({ name })) },
  });
  const list = useFieldArray({ control, name: 'candidates' });
  const [votesCast, counted] = useWatch({ control, name: ['votesCast', 'candidates'] });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));

  const complete =
    typeof votesCast === 'number' &&
    seats !== undefined &&
    registeredVoters !== undefined &&
    (counted ?? []).length > 0 &&
    (counted ?? []).every((c) => typeof c.votes === 'number');
  const preview = complete
    ? evaluateResults({
        registeredVoters,
        votesCast,
        seats,
        round,
        candidates: (counted ?? []).map((c) => ({ name: c.name, votes: c.votes })),
      })
    : undefined;
  const pending = [
    ruleLine('EL-TURNOUT', undefined, language),
    ruleLine('EL-CANDIDATES', undefined, language),
    ruleLine(round === 'runoff' ? 'EL-RUNOFF' : 'EL-WIN', undefined, language),
  ];

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'round', label: t('election.forms.results.round'), children: t(`election.forms.results.rounds.${round}`) },
          { key: 'date', label: t('election.fields.electionDate'), children: electionDate ?? '—' },
          { key: 'seats', label: t('election.forms.results.seats'), children: seats ?? '—' },
          { key: 'voters', label: t('election.fields.registeredVoters'), children: registeredVoters ?? '—' },
        ]}
      />
      <NumberField control={control} name="votesCast" label={t('election.forms.results.votesCast')} required />
      <fieldset className="form-fieldset">
        <legend>
          <Typography.Text strong>{t('election.forms.results.votes')}</Typography.Text>
        </legend>
        <Row gutter={12}>
          {list.fields.map((candidate, index) => (
            <Col xs={24} md={12} key={candidate.id}>
              <Flex gap={8} align="flex-end">
                <div style={{ flex: 1, minWidth: 0 }}>
                  <NumberField
                    control={control}
                    name={`candidates.${index}.votes`}
                    label={t('election.forms.results.candidateVotes', { name: candidate.name })}
                    required
                  />
                </div>
                {round === 'runoff' && (
                  <Form.Item>
                    <Button
                      onClick={() => list.remove(index)}
                      disabled={disabled || list.fields.length <= 1}
                      aria-label={t('election.forms.results.notStanding', { name: candidate.name })}
                    >
                      {t('election.forms.remove')}
                    </Button>
                  </Form.Item>
                )}
              </Flex>
            </Col>
          ))}
        </Row>
      </fieldset>
      <Typography.Paragraph strong>{t('election.forms.results.preview')}</Typography.Paragraph>
      <div role="status" aria-live="polite">
        {preview && (
          <Alert
            type={preview.valid && preview.unfilledSeats === 0 ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={
              preview.valid
                ? t('election.forms.results.outcome', {
                    elected: preview.elected.join('、') || t('election.forms.results.nobody'),
                    unfilled: preview.unfilledSeats,
                  })
                : t('election.forms.results.invalid')
            }
            description={
              preview.tiedForLastSeat.length > 0
                ? t('election.forms.results.tie', { names: preview.tiedForLastSeat.join('、') })
                : undefined
            }
          />
        )}
      </div>
      <RuleResults label={t('election.forms.results.preview')} rules={preview ? ruleLines(preview.rules, language) : pending} />
      <div style={{ marginTop: 16 }}>
        <FormActions submitting={formState.isSubmitting} disabled={disabled} />
      </div>
    </ServerForm>
  );
}
