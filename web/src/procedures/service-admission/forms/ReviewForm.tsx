import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { saReviewForm } from '../../../../../domain/forms/service-admission';
import { FormField } from '../../../forms/FormField';
import { RadioField } from '../../../forms/GroupField';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { ApplicationContext } from '../ApplicationContext';

/** sa.review: the county civil-affairs bureau forwards the application to the county's decision, or returns it with reasons. */
export function ReviewForm({ task, record, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const { control, submitWith, setServerFieldError, formState } = useServerForm({
    schema: saReviewForm,
    defaultValues: { opinion: '' },
  });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  return (
    <>
      <ApplicationContext task={task} record={record} />
      <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
        <RadioField
          control={control}
          name="decision"
          label={t('serviceAdmission.review.decision')}
          required
          options={[
            { value: 'forward', label: t('serviceAdmission.review.forward') },
            { value: 'return', label: t('serviceAdmission.review.return') },
          ]}
        />
        <FormField
          control={control}
          name="opinion"
          label={t('serviceAdmission.review.opinion')}
          extra={t('serviceAdmission.review.opinionHelp')}
          required
        >
          {(field, input) => <Input.TextArea {...field} {...input} rows={4} maxLength={5000} />}
        </FormField>
        <FormActions submitting={formState.isSubmitting} disabled={disabled} />
      </ServerForm>
    </>
  );
}
