import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PASSWORD_MIN_LENGTH, resetPasswordBody } from '../../../api/schemas/users';
import { resetPassword, type UserView } from '../../../api/users';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NewPasswordFields } from '../../../forms/NewPasswordFields';
import { validationMessage } from '../../../forms/messages';
import { submitSpinner } from '../../../forms/submit-spinner';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';

const schema = resetPasswordBody.extend({ confirmPassword: z.string() }).refine((v) => v.newPassword === v.confirmPassword, {
  path: ['confirmPassword'],
  error: validationMessage('passwordMismatch'),
});

/** POST /api/v1/users/:id/reset-password; the user must change it at the next sign-in. */
export function ResetPasswordForm({ user, onDone }: { user: UserView; onDone: () => void }) {
  const { t } = useTranslation();
  const { control, error, submitWith, reset, formState } = useServerForm({
    schema,
    defaultValues: { newPassword: '', confirmPassword: '' },
  });

  const onSubmit = submitWith(async ({ newPassword }) => {
    await resetPassword(user.id, newPassword);
    reset();
    onDone();
  });

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
      <ErrorAlert error={error} />
      <NewPasswordFields
        control={control}
        label={t('users.fields.newPassword')}
        extra={t('users.resetPasswordRule', { min: PASSWORD_MIN_LENGTH })}
      />
      <Button htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
        {t('users.resetPassword')}
      </Button>
    </ServerForm>
  );
}
