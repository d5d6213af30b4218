import { Alert, Button, Card, Flex, Result, Spin, Steps, Typography } from 'antd';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import '../procedures.css';
import { formatDateTime } from '../format';
import { fetchApplication, fetchElection, openDecisionTasks, publicNoticePath, type ApplicationView } from './api';
import { ApplicationDetails, PrecheckRules } from './ApplicationDetails';
import { useMe } from '../../session/context';
import { OpenStep } from './OpenSteps';
import { QueryCodeNotice } from '../../public/QueryCodeNotice';
import { SupplyEvidenceForm } from './SupplyEvidenceForm';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={<h3 className="card-heading">{title}</h3>} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** Where the application stands, as the applicant reads it: the status, the reasons and what to do next. */
function StatusBanner({ application: a }: { application: ApplicationView }) {
  const { t } = useTranslation();
  switch (a.status) {
    case 'UNDER_REVIEW':
      return (
        <Alert
          type="info"
          showIcon
          title={t('election.application.banner.UNDER_REVIEW')}
          description={t('election.application.banner.underReviewHelp')}
        />
      );
    case 'EVIDENCE_REQUESTED':
      return (
        <Alert
          type="warning"
          showIcon
          title={t('election.application.banner.EVIDENCE_REQUESTED')}
          description={
            <>
              <div className="break-anywhere">
                {t('election.application.requested', { evidence: a.requestedEvidence ?? '—' })}
              </div>
              {a.decisionReason && (
                <div className="break-anywhere">{t('election.application.reason', { reason: a.decisionReason })}</div>
              )}
            </>
          }
        />
      );
    case 'APPROVED':
      return (
        <Alert
          type="success"
          showIcon
          title={t('election.application.banner.APPROVED')}
          description={
            <span className="break-anywhere">{t('election.application.reason', { reason: a.decisionReason ?? '—' })}</span>
          }
        />
      );
    case 'REFUSED':
      return (
        <Alert
          type="error"
          showIcon
          title={t('election.application.banner.REFUSED')}
          description={
            <span className="break-anywhere">{t('election.application.reason', { reason: a.decisionReason ?? '—' })}</span>
          }
        />
      );
  }
}

/**
 * 申请进度: one migrant application by its number (MIG-2026-000001) — status, the committee's reasons, the pre-check
 * with each rule's clause and values, and, when the committee asked for more, the form to supply it.
 */
export function ApplicationPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const { number = '' } = useParams();
  const applicant = me.membership?.role === 'APPLICANT';
  const { data, error, loading, reload, setData } = useAsyncData(async (signal) => {
    const application = await fetchApplication(number, signal);
    // The election's notice (once published) and, for the committee, the decision task: extras, not required.
    const [election, tasks] = await Promise.all([
      fetchElection(application.electionId, signal).catch(() => undefined),
      applicant ? Promise.resolve(undefined) : openDecisionTasks(signal).catch(() => undefined),
    ]);
    return { application, election, task: tasks?.get(application.number) };
  }, number);
  const justSubmitted = (location.state as { submitted?: boolean } | null)?.submitted === true;
  const queryCode = (location.state as { queryCode?: unknown } | null)?.queryCode;

  if (!data) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      return (
        <Result
          status="404"
          title={t('election.application.notFound', { number })}
          extra={
            <Button type="primary" onClick={() => void navigate('/elections/applications')}>
              {t('election.mine.back')}
            </Button>
          }
        />
      );
    }
    if (error !== undefined) return <ErrorAlert error={error} title={t('election.application.loadFailed')} />;
    return <Spin description={t('election.application.loading')} />;
  }

  const { application: a, election, task } = data;
  const decided = a.status === 'APPROVED' || a.status === 'REFUSED';
  const stepIndex = decided ? 3 : a.status === 'EVIDENCE_REQUESTED' ? 2 : 1;

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={2} id={headingId} className="break-anywhere">
            {t('election.application.title', { number: a.number })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('election.application.subtitle', { community: a.community, date: a.electionDate ?? '—' })}
          </Typography.Text>
        </div>
        <Flex wrap gap={8} align="center">
          <Button onClick={reload} loading={loading}>
            {t('election.application.refresh')}
          </Button>
          <Link to="/elections/applications">{t('election.mine.back')}</Link>
        </Flex>
      </div>
      {justSubmitted && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('election.application.submitted', { number: a.number })}
          description={t('election.application.submittedHelp')}
        />
      )}
      {justSubmitted && typeof queryCode === 'string' && <QueryCodeNotice number={a.number} code={queryCode} />}
      {error !== undefined && <ErrorAlert error={error} title={t('election.application.loadFailed')} />}
      <div role="status" aria-live="polite" style={{ marginBottom: 16 }}>
        <StatusBanner application={a} />
      </div>
      <Section title={t('election.application.progress')}>
        <Steps
          size="small"
          orientation="vertical"
          current={stepIndex}
          status={a.status === 'REFUSED' ? 'error' : decided ? 'finish' : 'process'}
          items={[
            {
              key: 'submitted',
              title: t('election.application.steps.submitted'),
              description: formatDateTime(a.submittedAt, language),
            },
            {
              key: 'precheck',
              title: t('election.application.steps.precheck'),
              description: t('election.application.steps.precheckDone', { count: a.precheck.filter((r) => !r.passed).length }),
            },
            {
              key: 'review',
              title: t('election.application.steps.review'),
              description: a.status === 'EVIDENCE_REQUESTED' ? t('election.applicationStatus.EVIDENCE_REQUESTED') : undefined,
            },
            {
              key: 'decided',
              title: decided
                ? t(`election.applicationStatus.${a.status as 'APPROVED' | 'REFUSED'}`)
                : t('election.application.steps.decision'),
              description: a.decidedAt ? formatDateTime(a.decidedAt, language) : undefined,
            },
          ]}
        />
        {a.status === 'APPROVED' && election?.listPublishedOn && (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            <Link className="text-link" to={publicNoticePath(a.electionId)}>
              {t('election.application.seeNotice')}
            </Link>
          </Typography.Paragraph>
        )}
        {task && (
          <div style={{ marginTop: 12 }}>
            <OpenStep item={task} me={me} label={t('election.applications.decide', { number: a.number, name: a.name })} />
          </div>
        )}
      </Section>
      {a.status === 'EVIDENCE_REQUESTED' && applicant && (
        <Section title={t('election.application.supplyTitle')}>
          <SupplyEvidenceForm application={a} onSupplied={(view) => setData({ ...data, application: view })} />
        </Section>
      )}
      <Section title={t('election.application.precheck')}>
        <Typography.Paragraph type="secondary">{t('election.application.precheckHelp')}</Typography.Paragraph>
        <PrecheckRules rules={a.precheck} />
      </Section>
      <Section title={t('election.application.details')}>
        <ApplicationDetails application={a} />
      </Section>
    </section>
  );
}
