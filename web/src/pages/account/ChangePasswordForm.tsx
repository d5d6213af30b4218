import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { changePassword } from '../../api/session';
import { PASSWORD_MIN_LENGTH, changePasswordBody } from '../../api/schemas/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { NewPasswordFields } from '../../forms/NewPasswordFields';
import { validationMessage } from '../../forms/messages';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { ServerForm } from '../../forms/ServerForm';

const schema = changePasswordBody
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    error: validationMessage('passwordMismatch'),
  })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], error: validationMessage('passwordUnchanged') });

/** POST /api/v1/me/password; the confirmation stays in the browser. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const { control, error, submitWith, formState } = useServerForm({
    schema,
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });

  const onSubmit = submitWith(async ({ currentPassword, newPassword }) => {
    await changePassword({ currentPassword, newPassword });
    await onChanged();
  });

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
      <ErrorAlert error={error} />
      <FormField control={control} name="currentPassword" label={t('password.current')} required>
        {(field, input) => <Input.Password {...field} {...input} autoComplete="current-password" />}
      </FormField>
      <NewPasswordFields control={control} label={t('password.new')} extra={t('password.rule', { min: PASSWORD_MIN_LENGTH })} />
      <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
        {t('password.submit')}
      </Button>
    </ServerForm>
  );
}
