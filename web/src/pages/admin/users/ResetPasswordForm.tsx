import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../../api/client';
import { PASSWORD_MIN_LENGTH, resetPasswordBody } from '../../../api/schemas/users';
import { resetPassword, type UserView } from '../../../api/users';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormField } from '../../../forms/FormField';
import { applyServerFieldErrors, formResolver, validationMessage } from '../../../forms/messages';
import { submitSpinner } from '../../../forms/submit-spinner';

const schema = resetPasswordBody.extend({ confirmPassword: z.string() }).refine((v) => v.newPassword === v.confirmPassword, {
  path: ['confirmPassword'],
  error: validationMessage('passwordMismatch'),
});
type Values = z.input<typeof schema>;

/** POST /api/v1/users/:id/reset-password; the user must change it at the next sign-in. */
export function ResetPasswordForm({ user, onDone }: { user: UserView; onDone: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const {
    control,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState,
  } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: formResolver(schema),
    defaultValues: { newPassword: '', confirmPassword: '' },
  });

  const onSubmit = handleSubmit(async ({ newPassword }) => {
    setError(undefined);
    try {
      await resetPassword(user.id, newPassword);
      reset();
      onDone();
    } catch (caught) {
      if (caught instanceof ApiError && applyServerFieldErrors(caught, ['newPassword'], setFieldError)) return;
      setError(caught);
    }
  });

  return (
    <Form layout="vertical" onFinish={() => void onSubmit()}>
      <ErrorAlert error={error} />
      <FormField
        control={control}
        name="newPassword"
        label={t('users.fields.newPassword')}
        extra={t('users.resetPasswordRule', { min: PASSWORD_MIN_LENGTH })}
        required
      >
        {(field, input) => <Input.Password {...field} {...input} autoComplete="new-password" />}
      </FormField>
      <FormField control={control} name="confirmPassword" label={t('password.confirm')} required>
        {(field, input) => <Input.Password {...field} {...input} autoComplete="new-password" />}
      </FormField>
      <Button htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
        {t('users.resetPassword')}
      </Button>
    </Form>
  );
}
