import { useTranslation } from 'react-i18next';
import { smokeConfirmForm } from '../../../../../domain/forms/smoke';
import { FormField } from '../../../forms/FormField';
import { RadioField } from '../../../forms/GroupField';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { OpinionInput } from '../../../pages/office/OpinionInput';

/** smoke.confirm: approve or reject, with an optional comment. */
export function SmokeConfirmForm({ disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const { control, submitWith, setServerFieldError, formState } = useServerForm({
    schema: smokeConfirmForm,
    prepare: (values) => ({ ...values, comment: values.comment?.trim() || undefined }),
    defaultValues: { comment: '' },
  });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
      <RadioField
        control={control}
        name="decision"
        label={t('smoke.decision')}
        required
        options={[
          { value: 'approve', label: t('smoke.approve') },
          { value: 'reject', label: t('smoke.reject') },
        ]}
      />
      <FormField control={control} name="comment" label={t('smoke.comment')}>
        {(field, input) => (
          <OpinionInput
            {...input}
            name={field.name}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            rows={3}
          />
        )}
      </FormField>
      <FormActions submitting={formState.isSubmitting} disabled={disabled} />
    </ServerForm>
  );
}
