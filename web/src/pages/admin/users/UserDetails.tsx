import { App, Badge, Button, Descriptions, Divider, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../api/errorText';
import { removeMembership, updateUser, type UserView } from '../../../api/users';
import { currentLanguage } from '../../../i18n';
import { membershipLabel } from '../../../i18n/names';
import type { OrgTreeSelectNode } from '../../../organizations/orgTreeSelect';
import { useMe } from '../../../session/context';
import { AddMembershipForm } from './AddMembershipForm';
import { BindIdNumberForm } from './BindIdNumberForm';
import { ResetPasswordForm } from './ResetPasswordForm';

interface UserDetailsProps {
  user: UserView;
  organizations: OrgTreeSelectNode[];
  onChanged: (user: UserView) => void;
}

/** One user's account: enable/disable, the bound resident ID number (real-name), memberships (add/remove), password reset. */
export function UserDetails({ user, organizations, onChanged }: UserDetailsProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const isSelf = user.id === me.user.id;

  const run = async (key: string, action: () => Promise<UserView>, done: string) => {
    setBusy(key);
    try {
      onChanged(await action());
      void message.success(done);
    } catch (error) {
      void message.error(describeError(error, t, language));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Flex vertical gap={8}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'username', label: t('users.fields.username'), children: user.username },
          { key: 'displayName', label: t('users.fields.displayName'), children: user.displayName },
          {
            key: 'status',
            label: t('users.fields.status'),
            children: (
              <Badge
                status={user.disabled ? 'error' : 'success'}
                text={user.disabled ? t('users.disabled') : t('users.enabled')}
              />
            ),
          },
          {
            key: 'idNumber',
            label: t('users.fields.idNumber'),
            children: <span className="break-anywhere">{user.idNumberMasked ?? t('users.idNumberNone')}</span>,
          },
          {
            key: 'password',
            label: t('users.fields.password'),
            children: user.mustChangePassword ? t('users.mustChangePassword') : t('users.passwordSet'),
          },
        ]}
      />
      <Popconfirm
        title={
          user.disabled ? t('users.enableConfirm', { name: user.username }) : t('users.disableConfirm', { name: user.username })
        }
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          void run(
            'disable',
            () => updateUser(user.id, { disabled: !user.disabled }),
            user.disabled ? t('users.enabledDone') : t('users.disabledDone'),
          )
        }
        disabled={isSelf}
      >
        <Button danger={!user.disabled} loading={busy === 'disable'} disabled={isSelf} style={{ alignSelf: 'flex-start' }}>
          {user.disabled ? t('users.enable') : t('users.disable')}
        </Button>
      </Popconfirm>

      <Divider titlePlacement="start" plain>
        {t('users.memberships')}
      </Divider>
      {user.memberships.length === 0 && <Typography.Text type="secondary">{t('users.noMemberships')}</Typography.Text>}
      <ul className="plain-list">
        {user.memberships.map((m) => (
          <li key={m.id}>
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text style={{ overflowWrap: 'anywhere' }}>{membershipLabel(m, language)}</Typography.Text>
              <Popconfirm
                title={t('users.removeMembershipConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => void run(m.id, () => removeMembership(user.id, m.id), t('users.membershipRemoved'))}
              >
                <Button
                  size="small"
                  danger
                  loading={busy === m.id}
                  aria-label={t('users.removeMembershipNamed', { membership: membershipLabel(m, language) })}
                >
                  {t('users.removeMembership')}
                </Button>
              </Popconfirm>
            </Flex>
          </li>
        ))}
      </ul>
      <AddMembershipForm
        user={user}
        organizations={organizations}
        onSaved={(updated) => {
          onChanged(updated);
          void message.success(t('users.membershipAdded'));
        }}
      />

      <Divider titlePlacement="start" plain>
        {t('users.fields.idNumber')}
      </Divider>
      <BindIdNumberForm
        user={user}
        onSaved={(updated) => {
          onChanged(updated);
          void message.success(t('users.idNumberSaved', { name: user.username }));
        }}
      />

      <Divider titlePlacement="start" plain>
        {t('users.resetPassword')}
      </Divider>
      <ResetPasswordForm user={user} onDone={() => void message.success(t('users.passwordReset', { name: user.username }))} />
    </Flex>
  );
}
