import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { currentLanguage } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { ChangePasswordPage } from './pages/account/ChangePasswordPage';
import { OrganizationsPage } from './pages/admin/organizations/OrganizationsPage';
import { UsersPage } from './pages/admin/users/UsersPage';
import { WebhooksPage } from './pages/admin/webhooks/WebhooksPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { StatusPage } from './pages/StatusPage';
import { WorkspacePage } from './pages/WorkspacePage';
import { CasePage } from './pages/cases/CasePage';
import { CasesPage } from './pages/cases/CasesPage';
import { InboxPage } from './pages/inbox/InboxPage';
import { TaskPage } from './pages/tasks/TaskPage';
import { CommunityProfilePage } from './dashboard/CommunityProfilePage';
import { ProfilesPage } from './dashboard/ProfilesPage';
import { ConditionsCheckPage } from './procedures/village-conversion/ConditionsCheckPage';
import { ApplicationPage } from './procedures/election/ApplicationPage';
import { ElectionPage } from './procedures/election/ElectionPage';
import { ElectionsPage } from './procedures/election/ElectionsPage';
import { MigrantApplyPage } from './procedures/election/MigrantApplyPage';
import { MyApplicationsPage } from './procedures/election/MyApplicationsPage';
import { OverviewPage as ElectionOverviewPage } from './procedures/election/OverviewPage';
import { PublicNoticePage } from './procedures/election/PublicNoticePage';
import { ApplyPage } from './procedures/service-admission/ApplyPage';
import { PublicListPage } from './procedures/service-admission/PublicListPage';
import { ReportPage } from './procedures/service-admission/ReportPage';
import { ServiceItemPage } from './procedures/service-admission/ServiceItemPage';
import { ServiceItemsPage } from './procedures/service-admission/ServiceItemsPage';
import { SummaryPage } from './procedures/service-admission/SummaryPage';
import { MeetingPage } from './procedures/owners-meeting/MeetingPage';
import { OwnersMeetingsPage } from './procedures/owners-meeting/OwnersMeetingsPage';
import { RegisterMeetingPage } from './procedures/owners-meeting/RegisterMeetingPage';
import { VoteCheckPage } from './procedures/owners-meeting/VoteCheckPage';
import { appTheme } from './theme';
import { CHANGE_PASSWORD_PATH, RequireAuth } from './session/RequireAuth';
import { RequirePermission } from './session/RequirePermission';
import { SessionProvider } from './session/SessionProvider';

/** The targets dashboard draws with ECharts: its chunk loads with the page, not with the app. */
const DashboardPage = lazy(() => import('./dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));

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
                <Route path="/elections/:electionId/notice" element={<PublicNoticePage />} />
                <Route path="/public/service-items" element={<PublicListPage />} />
                <Route path="/check/owners-meeting" element={<VoteCheckPage />} />
                <Route element={<RequireAuth />}>
                  <Route path="/" element={<WorkspacePage />} />
                  <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
                  <Route path="/status" element={<StatusPage />} />
                  <Route path="/inbox" element={<InboxPage />} />
                  <Route path="/tasks/:taskId" element={<TaskPage />} />
                  <Route path="/cases" element={<CasesPage />} />
                  <Route path="/cases/:caseId" element={<CasePage />} />
                  <Route element={<RequirePermission permission="elections.read" />}>
                    <Route path="/elections" element={<ElectionsPage />} />
                    <Route path="/elections/:electionId" element={<ElectionPage />} />
                    <Route path="/elections/:electionId/:tab" element={<ElectionPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="elections.applications.read" />}>
                    <Route path="/elections/applications" element={<MyApplicationsPage />} />
                    <Route path="/elections/applications/:number" element={<ApplicationPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="elections.apply" />}>
                    <Route path="/elections/:electionId/apply" element={<MigrantApplyPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="elections.overview" />}>
                    <Route path="/elections/overview" element={<ElectionOverviewPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="community-indicators.read" />}>
                    <Route
                      path="/dashboard"
                      element={
                        <Suspense fallback={null}>
                          <DashboardPage />
                        </Suspense>
                      }
                    />
                  </Route>
                  <Route element={<RequirePermission permission="community-profiles.read" />}>
                    <Route path="/community-profiles" element={<ProfilesPage />} />
                    <Route path="/community-profiles/:communityOrgId/:year" element={<CommunityProfilePage />} />
                  </Route>
                  <Route element={<RequirePermission permission="owners-meetings.read" />}>
                    <Route path="/owners-meetings" element={<OwnersMeetingsPage />} />
                    <Route path="/owners-meetings/:caseId" element={<MeetingPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="owners-meetings.register" />}>
                    <Route path="/owners-meetings/new" element={<RegisterMeetingPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="service-items.read" />}>
                    <Route path="/service-items" element={<ServiceItemsPage />} />
                    <Route path="/service-items/:caseId" element={<ServiceItemPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="service-items.apply" />}>
                    <Route path="/service-items/apply" element={<ApplyPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="service-items.summary" />}>
                    <Route path="/service-items/summary" element={<SummaryPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="service-items.report" />}>
                    <Route path="/service-items/report" element={<ReportPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="organizations.manage" />}>
                    <Route path="/admin/organizations" element={<OrganizationsPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="users.manage" />}>
                    <Route path="/admin/users" element={<UsersPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="webhooks.manage" />}>
                    <Route path="/admin/webhooks" element={<WebhooksPage />} />
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
