import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Result, Spin, Tabs, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import '../procedures.css';
import { fetchElection, noticePdfUrl, openTasksOf, publicNoticePath } from './api';
import { ElectionStatusTag } from './labels';
import { canAccess, useMe } from '../../session/context';
import { ApplicationsPanel } from './ApplicationsPanel';
import { ElectionSummary } from './ElectionSummary';
import { ObjectionsPanel } from './ObjectionsPanel';
import { VotersPanel } from './VotersPanel';

export const ELECTION_TABS = ['overview', 'voters', 'objections', 'applications'] as const;
type Tab = (typeof ELECTION_TABS)[number];
const isTab = (value: string | undefined): value is Tab => (ELECTION_TABS as readonly (string | undefined)[]).includes(value);

/**
 * One community's election: status and calendar, the set-up, the open steps; the voter list (the committee imports,
 * adds and removes voters and publishes it), objections and answers, and migrant applications, each in its own tab
 * (/elections/:id/voters, …/objections, …/applications).
 */
export function ElectionPage() {
  const { t } = useTranslation();
  const headingId = useId();
  const navigate = useNavigate();
  const me = useMe();
  const { electionId = '', tab: tabParam } = useParams();
  const tab: Tab = isTab(tabParam) ? tabParam : 'overview';
  const election = useAsyncData((signal) => fetchElection(electionId, signal), electionId);
  const caseNumber = election.data?.caseNumber;
  const steps = useAsyncData(
    (signal) => (caseNumber && me.membership?.role !== 'APPLICANT' ? openTasksOf(caseNumber, signal) : Promise.resolve([])),
    `${caseNumber ?? ''}-${election.data?.status ?? ''}`,
  );
  const reload = () => {
    election.reload();
    steps.reload();
  };

  const e = election.data;
  if (!e) {
    if (election.error instanceof ApiError && election.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('election.detail.notFound')}
          extra={
            <Button type="primary" onClick={() => void navigate('/elections')}>
              {t('election.detail.backToList')}
            </Button>
          }
        />
      );
    }
    if (election.error !== undefined) return <ErrorAlert error={election.error} title={t('election.detail.loadFailed')} />;
    return <Spin description={t('election.detail.loading')} />;
  }

  const readsVoters = canAccess(me, 'elections.voters.read');
  const readsApplications = canAccess(me, 'elections.applications.read') && me.membership?.role !== 'APPLICANT';
  const openSteps = steps.data ?? [];
  const items = [
    {
      key: 'overview',
      label: t('election.detail.tabs.overview'),
      children: <ElectionSummary election={e} steps={openSteps} me={me} />,
    },
    ...(readsVoters
      ? [
          {
            key: 'voters',
            label: t('election.detail.tabs.voters'),
            children: <VotersPanel election={e} steps={openSteps} onChanged={reload} />,
          },
          {
            key: 'objections',
            label: t('election.detail.tabs.objections'),
            children: <ObjectionsPanel election={e} steps={openSteps} onChanged={reload} />,
          },
        ]
      : []),
    ...(readsApplications
      ? [{ key: 'applications', label: t('election.detail.tabs.applications'), children: <ApplicationsPanel election={e} /> }]
      : []),
  ];

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={2} id={headingId} className="break-anywhere">
            {t('election.detail.title', { community: e.community })}
          </Typography.Title>
          <div>
            <ElectionStatusTag status={e.status} />
            {me.membership?.role === 'APPLICANT' ? (
              <Typography.Text type="secondary">{e.caseNumber}</Typography.Text>
            ) : (
              <Link to={`/cases/${e.caseId}`} className="text-link">
                {e.caseNumber}
              </Link>
            )}
          </div>
        </div>
        <Flex wrap gap={8} align="center">
          {e.listPublishedOn && (
            <>
              <Button icon={<DownloadOutlined aria-hidden="true" />} href={noticePdfUrl(e.id)} target="_blank" rel="noopener">
                {t('election.notice.pdf')}
              </Button>
              <Link to={publicNoticePath(e.id)}>{t('election.notice.publicPage')}</Link>
            </>
          )}
          <Link to="/elections">{t('election.detail.backToList')}</Link>
        </Flex>
      </div>
      {(election.loading || steps.loading) && <Spin size="small" description={t('election.detail.refreshing')} />}
      {election.error !== undefined && <ErrorAlert error={election.error} title={t('election.detail.loadFailed')} />}
      {steps.error !== undefined && <ErrorAlert error={steps.error} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => void navigate(key === 'overview' ? `/elections/${e.id}` : `/elections/${e.id}/${key}`)}
        items={items}
        destroyOnHidden
      />
    </section>
  );
}
