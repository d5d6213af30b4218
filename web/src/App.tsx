import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { currentLanguage } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { lazyNamed } from './lazyNamed';
import { pageLoaders } from './pagePreload';
import { appTheme } from './theme';
import { CHANGE_PASSWORD_PATH, RequireAuth } from './session/RequireAuth';
import { RequirePermission } from './session/RequirePermission';
import { SessionProvider } from './session/SessionProvider';

/** Every page but the login is its own chunk, loaded with its route: a phone downloads what it shows. */
const ChangePasswordPage = lazyNamed(() => import('./pages/account/ChangePasswordPage'), 'ChangePasswordPage');
const OrganizationsPage = lazyNamed(() => import('./pages/admin/organizations/OrganizationsPage'), 'OrganizationsPage');
const WebhooksPage = lazyNamed(() => import('./pages/admin/webhooks/WebhooksPage'), 'WebhooksPage');
const UsersPage = lazyNamed(() => import('./pages/admin/users/UsersPage'), 'UsersPage');
const NotFoundPage = lazyNamed(() => import('./pages/NotFoundPage'), 'NotFoundPage');
const StatusPage = lazyNamed(() => import('./pages/StatusPage'), 'StatusPage');
const WorkspacePage = lazyNamed(pageLoaders.workspace, 'WorkspacePage');
const CasePage = lazyNamed(pageLoaders.case, 'CasePage');
const CasesPage = lazyNamed(() => import('./pages/cases/CasesPage'), 'CasesPage');
const InboxPage = lazyNamed(pageLoaders.inbox, 'InboxPage');
const TaskPage = lazyNamed(pageLoaders.task, 'TaskPage');
const CommunityProfilePage = lazyNamed(() => import('./dashboard/CommunityProfilePage'), 'CommunityProfilePage');
const ProfilesPage = lazyNamed(() => import('./dashboard/ProfilesPage'), 'ProfilesPage');
const DelegationsPage = lazyNamed(() => import('./pages/office/DelegationsPage'), 'DelegationsPage');
const SupervisionPage = lazyNamed(() => import('./pages/office/SupervisionPage'), 'SupervisionPage');
const WorklistPage = lazyNamed(() => import('./pages/office/WorklistPage'), 'WorklistPage');
const VerifyCodeForm = lazyNamed(() => import('./pages/verify/VerifyCodeForm'), 'VerifyCodeForm');
const VerifyPage = lazyNamed(() => import('./pages/verify/VerifyPage'), 'VerifyPage');
const ServiceCentrePage = lazyNamed(() => import('./dashboard/ServiceCentrePage'), 'ServiceCentrePage');
const TrackPage = lazyNamed(() => import('./public/TrackPage'), 'TrackPage');
const EligibilityCheckPage = lazyNamed(() => import('./public/EligibilityCheckPage'), 'EligibilityCheckPage');
const RatingsPage = lazyNamed(() => import('./public/RatingsPage'), 'RatingsPage');
const ConditionsCheckPage = lazyNamed(() => import('./procedures/village-conversion/ConditionsCheckPage'), 'ConditionsCheckPage');
const ApplicationPage = lazyNamed(() => import('./procedures/election/ApplicationPage'), 'ApplicationPage');
const ElectionPage = lazyNamed(() => import('./procedures/election/ElectionPage'), 'ElectionPage');
const ElectionsPage = lazyNamed(() => import('./procedures/election/ElectionsPage'), 'ElectionsPage');
const MigrantApplyPage = lazyNamed(() => import('./procedures/election/MigrantApplyPage'), 'MigrantApplyPage');
const MyApplicationsPage = lazyNamed(() => import('./procedures/election/MyApplicationsPage'), 'MyApplicationsPage');
const ElectionOverviewPage = lazyNamed(() => import('./procedures/election/OverviewPage'), 'OverviewPage');
const PublicNoticePage = lazyNamed(() => import('./procedures/election/PublicNoticePage'), 'PublicNoticePage');
const ApplyPage = lazyNamed(() => import('./procedures/service-admission/ApplyPage'), 'ApplyPage');
const PublicListPage = lazyNamed(() => import('./procedures/service-admission/PublicListPage'), 'PublicListPage');
const ReportPage = lazyNamed(() => import('./procedures/service-admission/ReportPage'), 'ReportPage');
const ServiceItemPage = lazyNamed(() => import('./procedures/service-admission/ServiceItemPage'), 'ServiceItemPage');
const ServiceItemsPage = lazyNamed(() => import('./procedures/service-admission/ServiceItemsPage'), 'ServiceItemsPage');
const SummaryPage = lazyNamed(() => import('./procedures/service-admission/SummaryPage'), 'SummaryPage');
const MeetingPage = lazyNamed(() => import('./procedures/owners-meeting/MeetingPage'), 'MeetingPage');
const OwnersMeetingsPage = lazyNamed(() => import('./procedures/owners-meeting/OwnersMeetingsPage'), 'OwnersMeetingsPage');
const RegisterMeetingPage = lazyNamed(() => import('./procedures/owners-meeting/RegisterMeetingPage'), 'RegisterMeetingPage');
const VoteCheckPage = lazyNamed(() => import('./procedures/owners-meeting/VoteCheckPage'), 'VoteCheckPage');

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
                <Route path="/verify" element={<VerifyCodeForm />} />
                <Route path="/verify/:code" element={<VerifyPage />} />
                <Route path="/track" element={<TrackPage />} />
                <Route path="/check/eligibility" element={<EligibilityCheckPage />} />
                <Route element={<RequireAuth />}>
                  <Route path="/" element={<WorkspacePage />} />
                  <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
                  <Route path="/status" element={<StatusPage />} />
                  <Route path="/inbox" element={<InboxPage />} />
                  <Route path="/worklists/:list" element={<WorklistPage />} />
                  <Route path="/delegations" element={<DelegationsPage />} />
                  <Route element={<RequirePermission permission="tasks.supervise" />}>
                    <Route path="/supervision" element={<SupervisionPage />} />
                  </Route>
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
                  <Route element={<RequirePermission permission="service-centres.read" />}>
                    <Route path="/service-centres/:organizationId/:year" element={<ServiceCentrePage />} />
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
                  <Route element={<RequirePermission permission="service-ratings.read" />}>
                    <Route path="/service-ratings" element={<RatingsPage />} />
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
