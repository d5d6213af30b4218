import { Alert, App, Card, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe, useSession } from '../../session/context';
import type { ReturnState } from '../../session/RequireAuth';
import { ChangePasswordForm } from './ChangePasswordForm';
import { MobileForm } from './MobileForm';

/** Own password change; users whose password was set by an administrator are sent here first. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const headingId = useId();
  const me = useMe();
  const { reload } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as ReturnState | null)?.from;

  const onChanged = async () => {
    await reload();
    void message.success(t('password.changed'));
    await navigate(from?.startsWith('/') && !from.startsWith('//') ? from : '/', { replace: true });
  };

  return (
    <section aria-labelledby={headingId} style={{ maxWidth: 480 }}>
      <Typography.Title level={2} id={headingId}>
        {t('password.title')}
      </Typography.Title>
      {me.user.mustChangePassword && (
        <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <ChangePasswordForm onChanged={onChanged} />
      </Card>
      {!me.user.mustChangePassword && (
        <Card title={t('mobile.title')} style={{ marginTop: 16 }}>
          <MobileForm />
        </Card>
      )}
    </section>
  );
}
