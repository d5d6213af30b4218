import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { describeError } from '../api/errorText';
import { currentLanguage } from '../i18n';
import { useSession } from './context';

export const CHANGE_PASSWORD_PATH = '/account/password';

/** Where to go back to after signing in (set by RequireAuth as navigation state). */
export interface ReturnState {
  from?: string;
}

/**
 * Guards every signed-in route: shows a spinner while /me loads, sends signed-out visitors to /login (remembering
 * the page asked for), and users who must change their password to the change-password page.
 */
export function RequireAuth() {
  const { t } = useTranslation();
  const { state, retry } = useSession();
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;

  switch (state.status) {
    case 'loading':
      return (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description={t('session.loading')} />
        </Flex>
      );
    case 'error':
      return (
        <Result
          status="error"
          title={t('session.loadFailed')}
          subTitle={describeError(state.error, t, currentLanguage())}
          extra={
            <Button type="primary" onClick={retry}>
              {t('session.retry')}
            </Button>
          }
        />
      );
    case 'signedOut': {
      const returnState: ReturnState = state.reason === 'logout' ? {} : { from: here };
      return <Navigate to="/login" replace state={returnState} />;
    }
    case 'signedIn':
      if (state.me.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
        return <Navigate to={CHANGE_PASSWORD_PATH} replace state={{ from: here } satisfies ReturnState} />;
      }
      return <Outlet />;
  }
}
