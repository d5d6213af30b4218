import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rectificationAnswerForm } from '../../../../../domain/forms/rectification';
import { FormField } from '../../../forms/FormField';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';

/** rectification.answer (差评整改): what the office put right; the rater sees it on 我要查. */
export function RectificationAnswerForm({ record, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const { control, submitWith, setServerFieldError, formState } = useServerForm({
    schema: rectificationAnswerForm,
    defaultValues: { answer: '' },
  });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  const ratedNumber = (record.case.data as { ratedCaseNumber?: unknown }).ratedCaseNumber;
  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
      {typeof ratedNumber === 'string' && (
        <Typography.Paragraph>
          {t('publicService.rectification.ratedCase')}: {ratedNumber}
        </Typography.Paragraph>
      )}
      <FormField
        control={control}
        name="answer"
        label={t('publicService.rectification.answer')}
        extra={t('publicService.rectification.answerHelp')}
        required
      >
        {(field, input) => <Input.TextArea {...field} {...input} rows={4} maxLength={2000} />}
      </FormField>
      <FormActions submitting={formState.isSubmitting} disabled={disabled} />
    </ServerForm>
  );
}
