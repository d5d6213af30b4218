import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../../api/client';
import { optionalIdNumber } from '../../../api/schemas/users';
import { updateUser, type UserView } from '../../../api/users';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormField } from '../../../forms/FormField';
import { applyServerFieldErrors, formResolver, validationMessage } from '../../../forms/messages';
import { submitSpinner } from '../../../forms/submit-spinner';
import { IdNumberHint } from '../../../procedures/election/IdNumberHint';

const schema = z
  .object({ idNumber: optionalIdNumber })
  .refine((v) => v.idNumber !== undefined, { path: ['idNumber'], error: validationMessage('required') });
type Values = z.input<typeof schema>;

/** PATCH /api/v1/users/:id { idNumber }: binds (or corrects) the holder's resident ID number of a real-name account. */
export function BindIdNumberForm({ user, onSaved }: { user: UserView; onSaved: (user: UserView) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const {
    control,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState,
  } = useForm<Values, unknown, z.output<typeof schema>>({ resolver: formResolver(schema), defaultValues: { idNumber: '' } });

  const onSubmit = handleSubmit(async ({ idNumber }) => {
    setError(undefined);
    try {
      const updated = await updateUser(user.id, { idNumber });
      reset();
      onSaved(updated);
    } catch (caught) {
      if (caught instanceof ApiError && applyServerFieldErrors(caught, ['idNumber'], setFieldError)) return;
      setError(caught);
    }
  });

  return (
    <Form layout="vertical" onFinish={() => void onSubmit()}>
      <ErrorAlert error={error} />
      <FormField
        control={control}
        name="idNumber"
        label={user.idNumberMasked ? t('users.correctIdNumber') : t('users.bindIdNumber')}
        extra={<IdNumberHint control={control} name="idNumber" />}
        required
      >
        {(field, input) => <Input {...field} {...input} maxLength={18} autoComplete="off" spellCheck={false} />}
      </FormField>
      <Button htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
        {t('users.bindIdNumberSubmit')}
      </Button>
    </Form>
  );
}
