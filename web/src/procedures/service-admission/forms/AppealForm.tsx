import { Input } from 'antd';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { saAppealForm } from '../../../../../domain/forms/service-admission';
import { FormField } from '../../../forms/FormField';
import { RadioField } from '../../../forms/GroupField';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { ApplicationContext } from '../ApplicationContext';
import { choiceResolver } from './choiceResolver';

interface Values {
  decision?: 'appeal' | 'accept';
  reasons?: string;
  comment?: string;
}

function prepare(values: Values): z.input<typeof saAppealForm> {
  if (values.decision === 'accept') return { decision: 'accept', ...(values.comment?.trim() ? { comment: values.comment } : {}) };
  return { decision: values.decision as 'appeal', reasons: values.reasons ?? '' };
}

/**
 * sa.appeal: the item was refused at once under SA-OWN-DUTY (an own duty of the government cannot be shifted onto the
 * community). The department accepts the refusal, or appeals to the county with its reasons.
 */
export function AppealForm({ task, record, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const { control, submitWith, setServerFieldError, formState } = useServerForm<Values, z.output<typeof saAppealForm>>({
    resolver: choiceResolver(saAppealForm, 'decision', prepare),
    defaultValues: { reasons: '', comment: '' },
  });
  const decision = useWatch({ control, name: 'decision' });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  return (
    <>
      <ApplicationContext task={task} record={record} />
      <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
        <RadioField
          control={control}
          name="decision"
          label={t('serviceAdmission.appeal.decision')}
          required
          options={[
            { value: 'appeal', label: t('serviceAdmission.appeal.appeal') },
            { value: 'accept', label: t('serviceAdmission.appeal.accept') },
          ]}
        />
        {decision === 'accept' ? (
          <FormField control={control} name="comment" label={t('serviceAdmission.appeal.comment')}>
            {(field, input) => <Input.TextArea {...field} {...input} value={field.value ?? ''} rows={2} maxLength={2000} />}
          </FormField>
        ) : (
          <FormField
            control={control}
            name="reasons"
            label={t('serviceAdmission.appeal.reasons')}
            extra={t('serviceAdmission.appeal.reasonsHelp')}
            required
          >
            {(field, input) => <Input.TextArea {...field} {...input} value={field.value ?? ''} rows={4} maxLength={5000} />}
          </FormField>
        )}
        <FormActions submitting={formState.isSubmitting} disabled={disabled} />
      </ServerForm>
    </>
  );
}
