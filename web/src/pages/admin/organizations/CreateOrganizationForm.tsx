import { Button, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { createOrganization, type Organization } from '../../../api/organizations';
import { ORG_KINDS, canHaveParent, createOrganizationBody } from '../../../api/schemas/shared';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormField } from '../../../forms/FormField';
import { OrganizationNameFields } from './OrganizationNameFields';
import { currentLanguage } from '../../../i18n';
import { orgKindName } from '../../../i18n/names';
import { submitSpinner } from '../../../forms/submit-spinner';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';

// The API's body without parentId (the selected organization); an empty English name means "none".
const schema = createOrganizationBody.omit({ parentId: true }).extend({
  nameEn: z
    .literal('')
    .transform(() => undefined)
    .or(createOrganizationBody.shape.nameEn),
});
const FIELDS = ['code', 'name', 'nameEn', 'kind'] as const;

interface CreateOrganizationFormProps {
  parent: Organization;
  onCreated: (org: Organization) => void;
}

/** POST /api/v1/organizations under the selected organization; only kinds allowed there are offered. */
export function CreateOrganizationForm({ parent, onCreated }: CreateOrganizationFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const kinds = ORG_KINDS.filter((kind) => canHaveParent(kind, parent.kind));
  const { control, error, submitWith, formState } = useServerForm({
    fields: FIELDS,
    schema,
    defaultValues: { code: '', name: '', nameEn: '', kind: kinds.length === 1 ? kinds[0] : undefined },
  });

  const onSubmit = submitWith(async (values) => {
    onCreated(await createOrganization({ ...values, parentId: parent.id }));
  });

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
      <ErrorAlert error={error} />
      <FormField control={control} name="kind" label={t('organizations.fields.kind')} required>
        {(field, input) => (
          <Select
            {...field}
            {...input}
            options={kinds.map((kind) => ({ value: kind, label: orgKindName(kind, language) }))}
            placeholder={t('organizations.kindPlaceholder')}
          />
        )}
      </FormField>
      <FormField
        control={control}
        name="code"
        label={t('organizations.fields.code')}
        extra={t('organizations.codeRule')}
        required
      >
        {(field, input) => <Input {...field} {...input} maxLength={64} autoComplete="off" spellCheck={false} />}
      </FormField>
      <OrganizationNameFields control={control} />
      <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
        {t('organizations.create')}
      </Button>
    </ServerForm>
  );
}
