import { Input, Typography } from 'antd';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { vcCountyDecisionForm } from '../../../../../domain/forms/village-conversion';
import { FormField } from '../../../forms/FormField';
import { RadioField } from '../../../forms/GroupField';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { NumberField } from '../../NumberField';
import { ServerForm } from '../../../forms/ServerForm';
import { ApplicationSummary } from '../ApplicationSummary';
import { OpinionInput } from '../../../pages/office/OpinionInput';

type Values = z.input<typeof vcCountyDecisionForm>;

/** Only the fields of the chosen outcome are sent: a return carries its opinion, a refusal no new committee. */
function withoutCommitteeUnlessApproved(values: Values): Values {
  const { newCommittee, opinion, documentNumber, decisionText, ...rest } = values;
  if (values.decision === 'return') return { ...rest, opinion };
  if (values.decision === 'approve') return { ...rest, documentNumber, decisionText, newCommittee };
  return { ...rest, documentNumber, decisionText };
}

/**
 * vc.county-decision (VC-APPROVE): the county government's written decision (批复); approval sets up the new committee.
 * Or the county returns the file to the township for more evidence, with its opinion.
 */
export function CountyDecisionForm({ disabled, submit, record, documents }: TaskFormProps) {
  const { t } = useTranslation();
  const { control, submitWith, setServerFieldError, formState } = useServerForm({
    schema: vcCountyDecisionForm,
    prepare: withoutCommitteeUnlessApproved,
    defaultValues: { documentNumber: '', decisionText: '', opinion: '', newCommittee: { name: '', area: '' } },
  });
  const decision = useWatch({ control, name: 'decision' });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  return (
    <>
      <ApplicationSummary record={record} documents={documents} />
      <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
        <RadioField
          control={control}
          name="decision"
          label={t('vc.decision.decision')}
          required
          options={[
            { value: 'approve', label: t('vc.decision.approve') },
            { value: 'refuse', label: t('vc.decision.refuse') },
            { value: 'return', label: t('vc.decision.return') },
          ]}
        />
        {decision === 'return' && (
          <FormField
            control={control}
            name="opinion"
            label={t('vc.decision.opinion')}
            extra={t('vc.decision.opinionHelp')}
            required
          >
            {(field, input) => (
              <OpinionInput {...input} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
            )}
          </FormField>
        )}
        {decision !== 'return' && (
          <>
            <FormField
              control={control}
              name="documentNumber"
              label={t('vc.decision.documentNumber')}
              extra={t('vc.decision.documentNumberHelp')}
              required
            >
              {(field, input) => <Input {...field} {...input} value={field.value ?? ''} maxLength={100} />}
            </FormField>
            <FormField control={control} name="decisionText" label={t('vc.decision.decisionText')} required>
              {(field, input) => <Input.TextArea {...field} {...input} value={field.value ?? ''} rows={5} maxLength={5000} />}
            </FormField>
          </>
        )}
        {decision === 'approve' && (
          <fieldset className="form-fieldset">
            <legend>
              <Typography.Text strong>{t('vc.decision.newCommittee')}</Typography.Text>
            </legend>
            <FormField control={control} name="newCommittee.name" label={t('vc.decision.committeeName')} required>
              {(field, input) => <Input {...field} {...input} value={field.value ?? ''} maxLength={100} />}
            </FormField>
            <FormField control={control} name="newCommittee.area" label={t('vc.decision.committeeArea')} required>
              {(field, input) => <Input.TextArea {...field} {...input} value={field.value ?? ''} rows={2} maxLength={500} />}
            </FormField>
            <NumberField
              control={control}
              name="newCommittee.households"
              label={t('vc.decision.committeeHouseholds')}
              required
              min={1}
              maxWidth={240}
            />
          </fieldset>
        )}
        <FormActions submitting={formState.isSubmitting} disabled={disabled} />
      </ServerForm>
    </>
  );
}
