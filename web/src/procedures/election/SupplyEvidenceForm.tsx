import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { supplyEvidence, type ApplicationView } from './api';
import { ApplicationFactsFields } from './ApplicationFactsFields';
import { migrantEvidenceBody } from '../../../../domain/forms/election';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { SubmitFieldset } from '../../forms/SubmitFieldset';

const FIELDS = [
  'address',
  'residenceSince',
  'hasLegalFixedResidence',
  'residenceEvidence',
  'politicalRightsDeprived',
  'registeredElsewhere',
  'documents',
  'note',
];

/**
 * 补充材料: after the committee asked for more evidence, the applicant sends the facts again (corrected where needed)
 * with new files; the pre-check runs again and the committee decides.
 */
export function SupplyEvidenceForm({
  application,
  onSupplied,
}: {
  application: ApplicationView;
  onSupplied: (view: ApplicationView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { control, error, submitWith, formState } = useServerForm({
    fields: FIELDS,
    schema: migrantEvidenceBody,
    prepare: (v) => ({ ...v, note: v.note?.trim() ? v.note : undefined }),
    defaultValues: {
      address: application.address,
      residenceSince: application.residenceSince,
      hasLegalFixedResidence: application.hasLegalFixedResidence,
      residenceEvidence: application.residenceEvidence,
      politicalRightsDeprived: application.politicalRightsDeprived,
      registeredElsewhere: application.registeredElsewhere,
      documents: [],
      note: '',
    },
  });
  const onSubmit = submitWith(async (body) => {
    const view = await supplyEvidence(application.number, body);
    void message.success(t('election.application.evidenceSent'));
    onSupplied(view);
  });

  return (
    <Form layout="vertical" onFinish={() => void onSubmit()} disabled={formState.isSubmitting}>
      <SubmitFieldset submitting={formState.isSubmitting}>
        <ApplicationFactsFields control={control} disabled={formState.isSubmitting} />
        <FormField control={control} name="note" label={t('election.application.note')}>
          {(field, input) => <Input.TextArea {...field} {...input} value={field.value ?? ''} rows={2} maxLength={2000} />}
        </FormField>
        <ErrorAlert error={error} />
        <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
          {t('election.application.sendEvidence')}
        </Button>
      </SubmitFieldset>
    </Form>
  );
}
