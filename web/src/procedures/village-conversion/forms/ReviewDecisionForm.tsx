import { type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { vcCivilAffairsReviewForm, vcTownshipReviewForm } from '../../../../../domain/forms/village-conversion';
import { procedureFormResolver } from '../../../forms/bilingual';
import { FormField } from '../../../forms/FormField';
import { RadioField } from '../../../forms/GroupField';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { ApplicationSummary } from '../ApplicationSummary';
import { OpinionInput } from '../../../pages/office/OpinionInput';

type ReviewSchema = typeof vcTownshipReviewForm | typeof vcCivilAffairsReviewForm;
type Values = z.input<ReviewSchema>;

/**
 * A review step of 村改居: move the file on (`advance`: the township proposes, civil affairs forwards) or return it
 * to the village, with an opinion. One form for both steps; each passes its own shared schema.
 */
export function ReviewDecisionForm({
  schema,
  advance,
  disabled,
  submit,
  record,
  documents,
}: TaskFormProps & { schema: ReviewSchema; advance: 'propose' | 'forward' }) {
  const { t } = useTranslation();
  const { control, submitWith, setServerFieldError, formState } = useServerForm<Values, z.output<ReviewSchema>>({
    // The two schemas differ only in the value that moves the file on; the resolver validates with the step's own.
    resolver: procedureFormResolver(schema as typeof vcTownshipReviewForm) as unknown as Resolver<
      Values,
      unknown,
      z.output<ReviewSchema>
    >,
    defaultValues: { opinion: '' },
  });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  return (
    <>
      <ApplicationSummary record={record} documents={documents} />
      <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
        <RadioField
          control={control}
          name="decision"
          label={t('vc.review.decision')}
          required
          options={[
            { value: advance, label: t(advance === 'propose' ? 'vc.review.propose' : 'vc.review.forward') },
            { value: 'return', label: t('vc.review.return') },
          ]}
        />
        <FormField control={control} name="opinion" label={t('vc.review.opinion')} required>
          {(field, input) => (
            <OpinionInput {...input} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
          )}
        </FormField>
        <FormActions submitting={formState.isSubmitting} disabled={disabled} />
      </ServerForm>
    </>
  );
}
