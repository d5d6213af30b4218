import { Alert, Input } from 'antd';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { saAppealRulingForm } from '../../../../../domain/forms/service-admission';
import { FormField } from '../../../forms/FormField';
import { RadioField } from '../../../forms/GroupField';
import { currentLanguage } from '../../../i18n';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { ApplicationContext } from '../ApplicationContext';
import { appealOf } from '../caseData';
import { classificationName } from '../labels';
import { choiceResolver } from './choiceResolver';

interface Values {
  ruling?: 'uphold' | 'reclassify';
  classification?: 'assist' | 'entrusted';
  reasons: string;
}

function prepare(values: Values): z.input<typeof saAppealRulingForm> {
  if (values.ruling === 'reclassify')
    return { ruling: 'reclassify', classification: values.classification as 'assist', reasons: values.reasons };
  return { ruling: values.ruling as 'uphold', reasons: values.reasons };
}

/**
 * sa.appeal-ruling: the county rules on the department's appeal against an SA-OWN-DUTY refusal — the refusal stands,
 * or the item is reclassified (assisted or entrusted) and goes on to the funding and authority conditions.
 */
export function AppealRulingForm({ task, record, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const appeal = appealOf(task);
  const { control, submitWith, setServerFieldError, formState } = useServerForm<Values, z.output<typeof saAppealRulingForm>>({
    resolver: choiceResolver(saAppealRulingForm, 'ruling', prepare),
    defaultValues: { reasons: '' },
  });
  const ruling = useWatch({ control, name: 'ruling' });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  return (
    <>
      <ApplicationContext task={task} record={record}>
        {appeal && (
          <Alert
            type="info"
            showIcon
            title={t('serviceAdmission.ruling.appealBy', { by: appeal.by })}
            description={<span className="break-anywhere">{appeal.reasons}</span>}
          />
        )}
      </ApplicationContext>
      <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
        <RadioField
          control={control}
          name="ruling"
          label={t('serviceAdmission.ruling.ruling')}
          required
          options={[
            { value: 'uphold', label: t('serviceAdmission.ruling.uphold') },
            { value: 'reclassify', label: t('serviceAdmission.ruling.reclassify') },
          ]}
        />
        {ruling === 'reclassify' && (
          <RadioField
            control={control}
            name="classification"
            label={t('serviceAdmission.ruling.classification')}
            required
            options={(['assist', 'entrusted'] as const).map((c) => ({ value: c, label: classificationName(c, language) }))}
          />
        )}
        <FormField control={control} name="reasons" label={t('serviceAdmission.ruling.reasons')} required>
          {(field, input) => <Input.TextArea {...field} {...input} rows={4} maxLength={5000} />}
        </FormField>
        <FormActions submitting={formState.isSubmitting} disabled={disabled} />
      </ServerForm>
    </>
  );
}
