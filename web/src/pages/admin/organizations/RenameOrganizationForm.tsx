import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { updateOrganization, type Organization } from '../../../api/organizations';
import { updateOrganizationBody } from '../../../api/schemas/shared';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { OrganizationNameFields } from './OrganizationNameFields';
import { submitSpinner } from '../../../forms/submit-spinner';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';

// The API's PATCH body with the Chinese name required; an empty English name removes it (null).
const schema = updateOrganizationBody.required({ name: true }).extend({
  nameEn: z
    .literal('')
    .transform(() => null)
    .or(updateOrganizationBody.shape.nameEn),
});

interface RenameOrganizationFormProps {
  organization: Organization;
  onSaved: (org: Organization) => void;
}

/** PATCH /api/v1/organizations/:id with the names. */
export function RenameOrganizationForm({ organization, onSaved }: RenameOrganizationFormProps) {
  const { t } = useTranslation();
  const { control, error, submitWith, formState } = useServerForm({
    schema,
    defaultValues: { name: organization.name, nameEn: organization.nameEn ?? '' },
  });

  const onSubmit = submitWith(async (values) => {
    onSaved(await updateOrganization(organization.id, values));
  });

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
      <ErrorAlert error={error} />
      <OrganizationNameFields control={control} />
      <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
        {t('organizations.save')}
      </Button>
    </ServerForm>
  );
}
