import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router-dom';
import type { Permission } from '../../../api/authz/permissions';
import { canAccess, useMe } from './context';

/** Shows a "no permission" result instead of the page when the current membership's role lacks the permission. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  if (canAccess(me, permission)) return <Outlet />;
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.description')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('forbidden.backHome')}
        </Button>
      }
    />
  );
}
