import { Button, Card, Col, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RuleResults, type RuleLine } from '../../../components/RuleResults';
import { FormField } from '../../../forms/FormField';
import { GroupField } from '../../../forms/GroupField';
import { currentLanguage } from '../../../i18n';
import { electionSetupForm } from '../../../../../domain/forms/election';
import {
  checkCommitteeSize,
  checkMethod,
  ELECTION_METHODS,
  ELECTION_RULE_SET,
  electionMethodName,
  latestListPublicationDate,
} from '../../../../../domain/rules/election';
import { isValidIsoDate } from '../../../../../domain/clock';
import { DateField } from '../../DateField';
import { FormActions } from '../../FormActions';
import { NumberField } from '../../NumberField';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { lawName } from '../labels';
import { ruleLine } from '../ruleLines';
import { setupContext, taskContext } from '../taskContext';

type Values = z.input<typeof electionSetupForm>;

const POSITIONS = ['chair', 'vice-chair', 'member'] as const;

/** An empty note is no note. */
function prepare(values: Values): Values {
  return { ...values, note: values.note?.trim() ? values.note : undefined };
}

/**
 * election.setup: the township or sub-district office sets the election up — the date, the seats (EL-SIZE under the
 * law EL-LAW chose), the method (EL-METHOD) and the election committee's members. The rules are shown live with the
 * same functions the workflow uses to refuse an unlawful set-up.
 */
export function SetupForm({ task, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { law } = taskContext(setupContext, task);
  const { control, submitWith, setServerFieldError, formState } = useServerForm({
    schema: electionSetupForm,
    prepare: prepare,
    defaultValues: { electionDate: '', committeeMembers: [{ name: '', position: 'chair' }], note: '' },
  });
  const members = useFieldArray({ control, name: 'committeeMembers' });
  const [seats, method, electionDate] = useWatch({ control, name: ['seats', 'method', 'electionDate'] });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));

  const size = law ? ELECTION_RULE_SET.committeeSize[law] : undefined;
  const seatsKnown = typeof seats === 'number' && Number.isInteger(seats);
  const rules: RuleLine[] = [
    ruleLine('EL-SIZE', law && seatsKnown ? checkCommitteeSize(seats, law) : undefined, language),
    ruleLine('EL-METHOD', method ? checkMethod(method) : undefined, language),
  ];

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
      {law && (
        <Typography.Paragraph>
          {t('election.forms.setup.law', { law: lawName(law, t) })}
          {size && `${language === 'en' ? ' ' : ''}${t('election.forms.setup.sizeRange', { min: size.min, max: size.max })}`}
        </Typography.Paragraph>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <DateField
            control={control}
            name="electionDate"
            label={t('election.fields.electionDate')}
            extra={
              electionDate && isValidIsoDate(electionDate)
                ? t('election.forms.setup.listDue', { date: latestListPublicationDate(electionDate) })
                : t('election.forms.setup.electionDateHelp')
            }
            required
          />
        </Col>
        <Col xs={24} md={12}>
          <NumberField control={control} name="seats" label={t('election.fields.seats')} min={1} required />
        </Col>
      </Row>
      <GroupField control={control} name="method" label={t('election.fields.method')} required>
        {(field, group) => (
          <Radio.Group
            {...group}
            value={field.value}
            onChange={(event) => field.onChange(event.target.value)}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={ELECTION_METHODS.map((m) => ({ value: m, label: electionMethodName(m)[language] }))}
          />
        )}
      </GroupField>
      <fieldset className="form-fieldset">
        <legend>
          <Typography.Text strong>{t('election.forms.setup.committee')}</Typography.Text>
        </legend>
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          {members.fields.map((member, index) => (
            <Card size="small" key={member.id}>
              <Row gutter={12} align="bottom">
                <Col xs={24} sm={12}>
                  <FormField
                    control={control}
                    name={`committeeMembers.${index}.name`}
                    label={t('election.forms.setup.memberName', { n: index + 1 })}
                    required
                  >
                    {(field, input) => <Input {...field} {...input} maxLength={50} />}
                  </FormField>
                </Col>
                <Col xs={24} sm={8}>
                  <FormField
                    control={control}
                    name={`committeeMembers.${index}.position`}
                    label={t('election.forms.setup.memberPosition', { n: index + 1 })}
                    required
                  >
                    {(field, input) => (
                      <Select
                        {...input}
                        value={field.value}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                        options={POSITIONS.map((p) => ({ value: p, label: t(`election.position.${p}`) }))}
                      />
                    )}
                  </FormField>
                </Col>
                <Col xs={24} sm={4}>
                  <Form.Item>
                    <Button
                      onClick={() => members.remove(index)}
                      disabled={disabled || members.fields.length <= 1}
                      aria-label={t('election.forms.setup.removeMember', { n: index + 1 })}
                    >
                      {t('election.forms.remove')}
                    </Button>
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
        </Flex>
        <Button
          onClick={() => members.append({ name: '', position: 'member' })}
          disabled={disabled || members.fields.length >= 21}
        >
          {t('election.forms.setup.addMember')}
        </Button>
      </fieldset>
      <FormField control={control} name="note" label={t('election.forms.note')}>
        {(field, input) => <Input.TextArea {...field} {...input} value={field.value ?? ''} rows={3} maxLength={2000} />}
      </FormField>
      <Typography.Paragraph strong>{t('election.forms.liveRules')}</Typography.Paragraph>
      <RuleResults rules={rules} label={t('election.forms.liveRules')} />
      <div style={{ marginTop: 16 }}>
        <FormActions submitting={formState.isSubmitting} disabled={disabled} />
      </div>
    </ServerForm>
  );
}
