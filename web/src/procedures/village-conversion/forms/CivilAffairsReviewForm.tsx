import { Form, Input, Radio } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { vcCivilAffairsReviewForm } from '../../../../../domain/forms/village-conversion';
import { procedureFormResolver } from '../../../forms/bilingual';
import { FormField } from '../../../forms/FormField';
import { GroupField } from '../../../forms/GroupField';
import { FormActions } from '../../FormActions';
import { fieldErrorSink, type TaskFormProps } from '../../taskForm';
import { ApplicationSummary } from '../ApplicationSummary';

type Values = z.input<typeof vcCivilAffairsReviewForm>;

/** vc.civil-affairs-review: the county civil-affairs bureau forwards the proposal to the county government, or returns it. */
export function CivilAffairsReviewForm({ disabled, submit, record, documents }: TaskFormProps) {
  const { t } = useTranslation();
  const { control, handleSubmit, setError, formState } = useForm<Values, unknown, z.output<typeof vcCivilAffairsReviewForm>>({
    resolver: procedureFormResolver(vcCivilAffairsReviewForm),
    defaultValues: { opinion: '' },
  });
  const onSubmit = handleSubmit((payload) => submit(payload, fieldErrorSink(setError)));
  return (
    <>
      <ApplicationSummary record={record} documents={documents} />
      <Form layout="vertical" onFinish={() => void onSubmit()} disabled={disabled}>
        <GroupField control={control} name="decision" label={t('vc.review.decision')} required>
          {(field, group) => (
            <Radio.Group
              {...group}
              value={field.value}
              onChange={(event) => field.onChange(event.target.value)}
              options={[
                { value: 'forward', label: t('vc.review.forward') },
                { value: 'return', label: t('vc.review.return') },
              ]}
            />
          )}
        </GroupField>
        <FormField control={control} name="opinion" label={t('vc.review.opinion')} required>
          {(field, input) => <Input.TextArea {...field} {...input} rows={4} maxLength={2000} />}
        </FormField>
        <FormActions submitting={formState.isSubmitting} disabled={disabled} />
      </Form>
    </>
  );
}
