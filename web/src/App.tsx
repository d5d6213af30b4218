import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { currentLanguage } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { ChangePasswordPage } from './pages/account/ChangePasswordPage';
import { OrganizationsPage } from './pages/admin/organizations/OrganizationsPage';
import { UsersPage } from './pages/admin/users/UsersPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { StatusPage } from './pages/StatusPage';
import { WorkspacePage } from './pages/WorkspacePage';
import { CasePage } from './pages/cases/CasePage';
import { CasesPage } from './pages/cases/CasesPage';
import { InboxPage } from './pages/inbox/InboxPage';
import { TaskPage } from './pages/tasks/TaskPage';
import { ConditionsCheckPage } from './pages/village-conversion/ConditionsCheckPage';
import { appTheme } from './theme';
import { CHANGE_PASSWORD_PATH, RequireAuth } from './session/RequireAuth';
import { RequirePermission } from './session/RequirePermission';
import { SessionProvider } from './session/SessionProvider';

export function App() {
  // Subscribing to i18n re-renders the tree (and antd's locale) when the language changes.
  useTranslation();
  const antdLocale = currentLanguage() === 'en' ? enUS : zhCN;

  return (
    // autoInsertSpace off: antd would render two-character Chinese labels as "刷 新", which screen readers spell out.
    <ConfigProvider locale={antdLocale} theme={appTheme} button={{ autoInsertSpace: false }}>
      <AntdApp>
        <SessionProvider>
          <BrowserRouter>
            <AppLayout>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/check/village-conversion" element={<ConditionsCheckPage />} />
                <Route element={<RequireAuth />}>
                  <Route path="/" element={<WorkspacePage />} />
                  <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
                  <Route path="/status" element={<StatusPage />} />
                  <Route path="/inbox" element={<InboxPage />} />
                  <Route path="/tasks/:taskId" element={<TaskPage />} />
                  <Route path="/cases" element={<CasesPage />} />
                  <Route path="/cases/:caseId" element={<CasePage />} />
                  <Route element={<RequirePermission permission="organizations.manage" />}>
                    <Route path="/admin/organizations" element={<OrganizationsPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="users.manage" />}>
                    <Route path="/admin/users" element={<UsersPage />} />
                  </Route>
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </AppLayout>
          </BrowserRouter>
        </SessionProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
