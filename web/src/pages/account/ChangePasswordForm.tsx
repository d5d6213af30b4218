import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../api/client';
import { changePassword } from '../../api/session';
import { PASSWORD_MIN_LENGTH, changePasswordBody } from '../../api/schemas/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { applyServerFieldErrors, formResolver, validationMessage } from '../../forms/messages';
import { submitSpinner } from '../../forms/submit-spinner';

const schema = changePasswordBody
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    error: validationMessage('passwordMismatch'),
  })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], error: validationMessage('passwordUnchanged') });
type Values = z.input<typeof schema>;

/** POST /api/v1/me/password; the confirmation stays in the browser. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const {
    control,
    handleSubmit,
    setError: setFieldError,
    formState,
  } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: formResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setError(undefined);
    try {
      await changePassword({ currentPassword, newPassword });
      await onChanged();
    } catch (caught) {
      if (caught instanceof ApiError && applyServerFieldErrors(caught, ['currentPassword', 'newPassword'], setFieldError)) return;
      setError(caught);
    }
  });

  return (
    <Form layout="vertical" onFinish={() => void onSubmit()}>
      <ErrorAlert error={error} />
      <FormField control={control} name="currentPassword" label={t('password.current')} required>
        {(field, input) => <Input.Password {...field} {...input} autoComplete="current-password" />}
      </FormField>
      <FormField
        control={control}
        name="newPassword"
        label={t('password.new')}
        extra={t('password.rule', { min: PASSWORD_MIN_LENGTH })}
        required
      >
        {(field, input) => <Input.Password {...field} {...input} autoComplete="new-password" />}
      </FormField>
      <FormField control={control} name="confirmPassword" label={t('password.confirm')} required>
        {(field, input) => <Input.Password {...field} {...input} autoComplete="new-password" />}
      </FormField>
      <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
