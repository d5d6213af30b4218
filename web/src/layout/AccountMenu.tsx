import { App, Button, Dropdown, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../api/errorText';
import { currentLanguage } from '../i18n';
import { useMe, useSession } from '../session/context';
import { CHANGE_PASSWORD_PATH } from '../session/RequireAuth';

function useAccountActions() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return {
    changePassword: () => void navigate(CHANGE_PASSWORD_PATH),
    logout: () => void signOut().catch((error: unknown) => void message.error(describeError(error, t, currentLanguage()))),
  };
}

/** Wide screens: the user's name opens a menu with "change password" and "sign out". */
export function AccountDropdown() {
  const { t } = useTranslation();
  const me = useMe();
  const actions = useAccountActions();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', label: t('account.changePassword'), onClick: actions.changePassword },
          { type: 'divider' },
          { key: 'logout', label: t('account.logout'), onClick: actions.logout },
        ],
      }}
    >
      <Button aria-label={t('account.menu', { name: me.user.displayName })} style={{ maxWidth: 200 }}>
        <Typography.Text ellipsis style={{ maxWidth: 160 }}>
          {me.user.displayName}
        </Typography.Text>
        <span aria-hidden="true">▾</span>
      </Button>
    </Dropdown>
  );
}

/** Phones (inside the navigation drawer): the same actions as plain buttons. */
export function AccountPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const actions = useAccountActions();
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{me.user.displayName}</Typography.Text>
      <Button block onClick={actions.changePassword}>
        {t('account.changePassword')}
      </Button>
      <Button block danger onClick={actions.logout}>
        {t('account.logout')}
      </Button>
    </Flex>
  );
}
