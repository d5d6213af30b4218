import { Button, Form } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { newMembership } from '../../../api/schemas/users';
import { addMembership, type UserView } from '../../../api/users';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formResolver } from '../../../forms/messages';
import type { OrgTreeSelectNode } from '../../../organizations/orgTreeSelect';
import { MembershipFields } from './MembershipFields';
import { submitSpinner } from '../../../forms/submit-spinner';

const schema = newMembership;
type Values = z.input<typeof schema>;

interface AddMembershipFormProps {
  user: UserView;
  organizations: OrgTreeSelectNode[];
  onSaved: (user: UserView) => void;
}

/** POST /api/v1/users/:id/memberships. */
export function AddMembershipForm({ user, organizations, onSaved }: AddMembershipFormProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const { control, handleSubmit, reset, formState } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: formResolver(schema),
    defaultValues: { organizationId: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setError(undefined);
    try {
      onSaved(await addMembership(user.id, values));
      reset();
    } catch (caught) {
      setError(caught);
    }
  });

  return (
    <Form layout="vertical" onFinish={() => void onSubmit()}>
      <ErrorAlert error={error} />
      <MembershipFields control={control} organizationField="organizationId" roleField="role" organizations={organizations} />
      <Button htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
        {t('users.addMembership')}
      </Button>
    </Form>
  );
}
