import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { optionalIdNumber } from '../../../api/schemas/users';
import { updateUser, type UserView } from '../../../api/users';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormField } from '../../../forms/FormField';
import { formResolver, validationMessage } from '../../../forms/messages';
import { submitSpinner } from '../../../forms/submit-spinner';
import { IdNumberHint } from '../../../procedures/election/IdNumberHint';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';

const schema = z
  .object({ idNumber: optionalIdNumber })
  .refine((v) => v.idNumber !== undefined, { path: ['idNumber'], error: validationMessage('required') });
type Values = z.input<typeof schema>;

/** PATCH /api/v1/users/:id { idNumber }: binds (or corrects) the holder's resident ID number of a real-name account. */
export function BindIdNumberForm({ user, onSaved }: { user: UserView; onSaved: (user: UserView) => void }) {
  const { t } = useTranslation();
  const { control, error, submitWith, reset, formState } = useServerForm<Values, z.output<typeof schema>>({
    resolver: formResolver(schema),
    defaultValues: { idNumber: '' },
  });

  const onSubmit = submitWith(async ({ idNumber }) => {
    const updated = await updateUser(user.id, { idNumber });
    reset();
    onSaved(updated);
  });

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
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
    </ServerForm>
  );
}
