import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { saDecideForm } from '../../../../../domain/forms/service-admission';
import { SA_RULES } from '../../../../../domain/rules/service-admission';
import { procedureFormResolver } from '../../../forms/bilingual';
import { FormField } from '../../../forms/FormField';
import { RadioField } from '../../../forms/GroupField';
import { currentLanguage } from '../../../i18n';
import { ruleTitle } from '../../../i18n/labels';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { ApplicationContext } from '../ApplicationContext';

type Values = z.input<typeof saDecideForm>;

/**
 * sa.decide (SA-DECIDE): the county-level government (its community-building leading group) admits the item — it
 * then enters the public list — or refuses it, with its reasons and the meeting that decided.
 */
export function DecideForm({ task, record, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { control, submitWith, setServerFieldError, formState } = useServerForm<Values, z.output<typeof saDecideForm>>({
    resolver: procedureFormResolver(saDecideForm, (values) => ({
      ...values,
      meetingReference: values.meetingReference?.trim() ? values.meetingReference : undefined,
    })),
    defaultValues: { reasons: '', meetingReference: '' },
  });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  const rule = SA_RULES['SA-DECIDE'];
  return (
    <>
      <ApplicationContext task={task} record={record} />
      <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
        <RadioField
          control={control}
          name="decision"
          label={t('serviceAdmission.decide.decision')}
          extra={`${ruleTitle(rule.id, language)} ${rule.text[language]}（${rule.citation}）`}
          required
          options={[
            { value: 'admit', label: t('serviceAdmission.decide.admit') },
            { value: 'refuse', label: t('serviceAdmission.decide.refuse') },
          ]}
        />
        <FormField control={control} name="reasons" label={t('serviceAdmission.decide.reasons')} required>
          {(field, input) => <Input.TextArea {...field} {...input} rows={4} maxLength={5000} />}
        </FormField>
        <FormField
          control={control}
          name="meetingReference"
          label={t('serviceAdmission.decide.meetingReference')}
          extra={t('serviceAdmission.decide.meetingReferenceHelp')}
        >
          {(field, input) => <Input {...field} {...input} value={field.value ?? ''} maxLength={200} />}
        </FormField>
        <FormActions submitting={formState.isSubmitting} disabled={disabled} />
      </ServerForm>
    </>
  );
}
