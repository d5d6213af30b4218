import { Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { FormField } from './FormField';

interface NewPassword extends FieldValues {
  newPassword: string;
  confirmPassword: string;
}

/** A new password and its confirmation (the confirmation stays in the browser). */
export function NewPasswordFields<T extends NewPassword, TOut extends FieldValues = T>({
  control,
  label,
  extra,
}: {
  control: Control<T, unknown, TOut>;
  label: ReactNode;
  extra: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormField control={control} name={'newPassword' as FieldPath<T>} label={label} extra={extra} required>
        {(field, input) => <Input.Password {...field} {...input} autoComplete="new-password" />}
      </FormField>
      <FormField control={control} name={'confirmPassword' as FieldPath<T>} label={t('password.confirm')} required>
        {(field, input) => <Input.Password {...field} {...input} autoComplete="new-password" />}
      </FormField>
    </>
  );
}
