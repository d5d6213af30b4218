import { Button, Col, Flex, Form, Input, Row, Typography } from 'antd';
import { useFieldArray, useWatch } from 'react-hook-form';
import { TaskFacts } from '../../TaskFacts';
import { useTranslation } from 'react-i18next';
import { RuleResults } from '../../../components/RuleResults';
import { FormField } from '../../../forms/FormField';
import { currentLanguage } from '../../../i18n';
import { electionCandidatesForm } from '../../../../../domain/forms/election';
import { checkCandidates } from '../../../../../domain/rules/election';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { ruleLine } from '../ruleLines';
import { candidatesContext, taskContext } from '../taskContext';

/** election.candidates (EL-CANDIDATES): the committee records the candidates, more than the seats (差额选举). */
export function CandidatesForm({ task, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { seats, registeredVoters } = taskContext(candidatesContext, task);
  const { control, submitWith, setServerFieldError, formState } = useServerForm({
    schema: electionCandidatesForm,
    defaultValues: { candidates: Array.from({ length: Math.min((seats ?? 1) + 1, 100) }, () => ({ name: '' })) },
  });
  const list = useFieldArray({ control, name: 'candidates' });
  const candidates = useWatch({ control, name: 'candidates' });
  const named = (candidates ?? []).filter((c) => c.name.trim() !== '').length;
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
      <TaskFacts
        items={[
          { key: 'seats', label: t('election.fields.seats'), children: seats ?? '—' },
          { key: 'voters', label: t('election.fields.registeredVoters'), children: registeredVoters ?? '—' },
        ]}
      />
      <fieldset className="form-fieldset">
        <legend>
          <Typography.Text strong>{t('election.forms.candidates.list')}</Typography.Text>
        </legend>
        <Row gutter={12}>
          {list.fields.map((candidate, index) => (
            <Col xs={24} md={12} key={candidate.id}>
              <Flex gap={8} align="flex-end">
                <div style={{ flex: 1, minWidth: 0 }}>
                  <FormField
                    control={control}
                    name={`candidates.${index}.name`}
                    label={t('election.forms.candidates.name', { n: index + 1 })}
                    required
                  >
                    {(field, input) => <Input {...field} {...input} maxLength={50} />}
                  </FormField>
                </div>
                <Form.Item>
                  <Button
                    onClick={() => list.remove(index)}
                    disabled={disabled || list.fields.length <= 1}
                    aria-label={t('election.forms.candidates.remove', { n: index + 1 })}
                  >
                    {t('election.forms.remove')}
                  </Button>
                </Form.Item>
              </Flex>
            </Col>
          ))}
        </Row>
        <Button
          onClick={() => list.append({ name: '' })}
          disabled={disabled || list.fields.length >= 100}
          style={{ marginBottom: 16 }}
        >
          {t('election.forms.candidates.add')}
        </Button>
      </fieldset>
      <Typography.Paragraph strong>{t('election.forms.liveRules')}</Typography.Paragraph>
      <RuleResults
        label={t('election.forms.liveRules')}
        rules={[
          ruleLine('EL-CANDIDATES', seats !== undefined && named > 0 ? checkCandidates(named, seats) : undefined, language),
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <FormActions submitting={formState.isSubmitting} disabled={disabled} />
      </div>
    </ServerForm>
  );
}
