import { App, Button, Col, Input, Row, Select, Typography } from 'antd';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { failedRules } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RuleResults } from '../../components/RuleResults';
import { FormField } from '../../forms/FormField';
import { RadioField } from '../../forms/GroupField';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../format';
import { listVoters, recordObjection } from './api';
import { IdNumberHint } from './IdNumberHint';
import { ruleLines } from './ruleLines';
import { objectionBody } from '../../../../domain/forms/election';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { ServerForm } from '../../forms/ServerForm';

type Values = z.input<typeof objectionBody>;

/** Only the part of the form that belongs to the kind is sent: the voter objected to, or the person left out. */
function prepare(values: Values): Values {
  const { entryId, person, ...rest } = values;
  if (values.kind === 'wrongful-inclusion') return { ...rest, entryId };
  if (values.kind === 'omission')
    return { ...rest, person: person && { ...person, address: person.address?.trim() ? person.address : undefined } };
  return rest;
}

/**
 * 登记异议 (EL-OBJECT): the committee records a resident's objection to the published list, inside the 5-day window.
 * The workflow opens the answer task (EL-ANSWER, 3 days); an objection after the window is refused with the rule.
 */
export function RecordObjectionForm({ electionId, onRecorded }: { electionId: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const { control, submitWith, error, formState, reset } = useServerForm({
    fields: ['kind', 'objectorName', 'grounds', 'entryId', 'person', 'person.name', 'person.idNumber', 'person.address'],
    schema: objectionBody,
    prepare: prepare,
    defaultValues: { objectorName: '', grounds: '', person: { name: '', idNumber: '', address: '' } },
  });
  const kind = useWatch({ control, name: 'kind' });
  const voters = useAsyncData(
    (signal) =>
      kind === 'wrongful-inclusion' ? listVoters(electionId, { limit: 500, offset: 0 }, signal) : Promise.resolve(undefined),
    `${electionId}-${kind ?? ''}`,
  );

  const rules = failedRules(error).filter((r) => !r.passed);
  const onSubmit = submitWith(async (body) => {
    const filed = await recordObjection(electionId, body);
    void message.success(
      t('election.objections.recorded', { number: filed.number, due: formatDateTime(filed.answerDueAt, language) }),
    );
    reset();
    onRecorded();
  });

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
      <RadioField
        control={control}
        name="kind"
        label={t('election.objections.kind')}
        required
        options={(['omission', 'wrongful-inclusion', 'other'] as const).map((k) => ({
          value: k,
          label: t(`election.objectionKind.${k}`),
        }))}
      />
      <FormField control={control} name="objectorName" label={t('election.objections.objector')} required>
        {(field, input) => <Input {...field} {...input} maxLength={50} />}
      </FormField>
      {kind === 'wrongful-inclusion' && (
        <FormField control={control} name="entryId" label={t('election.objections.voter')} required>
          {(field, input) => (
            <Select
              {...input}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              loading={voters.loading}
              showSearch={{ optionFilterProp: 'label' }}
              options={(voters.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.name} ${v.idNumberMasked}` }))}
            />
          )}
        </FormField>
      )}
      {kind === 'omission' && (
        <fieldset className="form-fieldset">
          <legend>
            <Typography.Text strong>{t('election.objections.person')}</Typography.Text>
          </legend>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <FormField control={control} name="person.name" label={t('election.objections.personName')} required>
                {(field, input) => <Input {...field} {...input} value={field.value ?? ''} maxLength={50} />}
              </FormField>
            </Col>
            <Col xs={24} md={8}>
              <FormField
                control={control}
                name="person.idNumber"
                label={t('election.objections.personIdNumber')}
                extra={<IdNumberHint control={control} name="person.idNumber" />}
                required
              >
                {(field, input) => <Input {...field} {...input} value={field.value ?? ''} maxLength={18} autoComplete="off" />}
              </FormField>
            </Col>
            <Col xs={24} md={8}>
              <FormField control={control} name="person.address" label={t('election.fields.address')}>
                {(field, input) => <Input {...field} {...input} value={field.value ?? ''} maxLength={200} />}
              </FormField>
            </Col>
          </Row>
        </fieldset>
      )}
      <FormField control={control} name="grounds" label={t('election.objections.grounds')} required>
        {(field, input) => <Input.TextArea {...field} {...input} rows={3} maxLength={5000} />}
      </FormField>
      <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
        {t('election.objections.record')}
      </Button>
      <div style={{ marginTop: 12 }}>
        <ErrorAlert error={error} title={rules.length > 0 ? t('task.form.rulesFailed') : undefined} />
        {rules.length > 0 && <RuleResults label={t('task.form.rulesFailed')} rules={ruleLines(rules, language)} />}
      </div>
    </ServerForm>
  );
}
