import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { FormField } from '../../../forms/FormField';

interface OrganizationNames extends FieldValues {
  name: string;
  nameEn?: string | null;
}

/** An organization's Chinese name and its optional English name. */
export function OrganizationNameFields<T extends OrganizationNames, TOut extends FieldValues = T>({
  control,
}: {
  control: Control<T, unknown, TOut>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormField control={control} name={'name' as FieldPath<T>} label={t('organizations.fields.name')} required>
        {(field, input) => <Input {...field} {...input} maxLength={200} autoComplete="off" />}
      </FormField>
      <FormField control={control} name={'nameEn' as FieldPath<T>} label={t('organizations.fields.nameEnOptional')}>
        {(field, input) => <Input {...field} {...input} value={field.value ?? ''} maxLength={200} autoComplete="off" lang="en" />}
      </FormField>
    </>
  );
}
