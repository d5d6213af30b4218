import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { newMembership } from '../../../api/schemas/users';
import { addMembership, type UserView } from '../../../api/users';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { OrgTreeSelectNode } from '../../../organizations/orgTreeSelect';
import { MembershipFields } from './MembershipFields';
import { submitSpinner } from '../../../forms/submit-spinner';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';

const schema = newMembership;

interface AddMembershipFormProps {
  user: UserView;
  organizations: OrgTreeSelectNode[];
  onSaved: (user: UserView) => void;
}

/** POST /api/v1/users/:id/memberships. */
export function AddMembershipForm({ user, organizations, onSaved }: AddMembershipFormProps) {
  const { t } = useTranslation();
  const { control, error, submitWith, reset, formState } = useServerForm({
    schema,
    defaultValues: { organizationId: '' },
  });

  const onSubmit = submitWith(async (values) => {
    onSaved(await addMembership(user.id, values));
    reset();
  });

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
      <ErrorAlert error={error} />
      <MembershipFields control={control} organizationField="organizationId" roleField="role" organizations={organizations} />
      <Button htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
        {t('users.addMembership')}
      </Button>
    </ServerForm>
  );
}
