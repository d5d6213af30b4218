import { Alert, Button, Card, Descriptions, Result, Spin, Typography } from 'antd';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { z } from 'zod';
import { ApiError } from '../../api/client';
import { fetchServiceItem, type ServiceItemDetail } from './api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import '../procedures.css';
import { formatDateTime } from '../format';
import { roleLabel, taskKindName } from '../names';
import { RecordedRules } from './RecordedRules';
import { TermsSummary } from './TermsSummary';
import { StageTag } from './StageTag';

const review = z.object({ decision: z.enum(['forward', 'return']), opinion: z.string(), by: z.string(), at: z.string() });
const decision = z.object({ decision: z.enum(['admit', 'refuse']), reasons: z.string(), by: z.string(), at: z.string() });
const appeal = z.object({ reasons: z.string(), by: z.string(), at: z.string(), rulingReasons: z.string().optional() });

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={<h3 className="card-heading">{title}</h3>} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** What happened so far: the appeal, the civil-affairs review, the county's decision and the listing. */
function ProgressList({ item }: { item: ServiceItemDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const r = review.safeParse(item.review);
  const d = decision.safeParse(item.decision);
  const a = appeal.safeParse(item.appeal);
  const lines: { key: string; label: string; children: ReactNode }[] = [];
  if (a.success)
    lines.push({ key: 'appeal', label: t('serviceAdmission.detail.appeal'), children: `${a.data.reasons}（${a.data.by}）` });
  if (a.success && a.data.rulingReasons)
    lines.push({ key: 'ruling', label: t('serviceAdmission.detail.ruling'), children: a.data.rulingReasons });
  if (r.success) {
    const what = t(r.data.decision === 'return' ? 'serviceAdmission.review.return' : 'serviceAdmission.review.forward');
    lines.push({
      key: 'review',
      label: t('serviceAdmission.detail.review'),
      children: `${what}：${r.data.opinion}（${r.data.by}，${formatDateTime(r.data.at, language)}）`,
    });
  }
  if (d.success) {
    const what = t(d.data.decision === 'admit' ? 'serviceAdmission.decide.admit' : 'serviceAdmission.decide.refuse');
    lines.push({
      key: 'decision',
      label: t('serviceAdmission.detail.decision'),
      children: `${what}：${d.data.reasons}（${d.data.by}，${formatDateTime(d.data.at, language)}）`,
    });
  }
  if (item.listing) {
    const l = item.listing;
    lines.push({
      key: 'listing',
      label: t('serviceAdmission.detail.listing'),
      children: t(`serviceAdmission.detail.listingStatus.${l.status}`, {
        from: l.periodFrom,
        until: l.periodUntil,
        round: l.round,
      }),
    });
  }
  if (lines.length === 0) return <Typography.Text>{t('serviceAdmission.detail.nothingYet')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      items={lines.map((line) => ({ ...line, children: <span className="break-anywhere">{line.children}</span> }))}
    />
  );
}

/** One application: where it stands, whom it waits for, its terms, the rules as evaluated and each decision so far. */
export function ServiceItemPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const navigate = useNavigate();
  const { caseId = '' } = useParams();
  const { data: item, error } = useAsyncData((signal) => fetchServiceItem(caseId, signal), caseId);

  if (!item) {
    if (error instanceof ApiError && error.status === 404) {
      return (
        <Result
          status="404"
          title={t('serviceAdmission.detail.notFound')}
          extra={
            <Button type="primary" onClick={() => void navigate('/service-items')}>
              {t('serviceAdmission.list.title')}
            </Button>
          }
        />
      );
    }
    if (error !== undefined) return <ErrorAlert error={error} title={t('serviceAdmission.detail.loadFailed')} />;
    return <Spin description={t('serviceAdmission.detail.loading')} />;
  }

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={2} id={headingId} className="break-anywhere">
            {item.case.number} {item.terms.itemName}
          </Typography.Title>
          <StageTag stage={item.stage} outcome={item.outcome} />
        </div>
        <Link to="/service-items">{t('serviceAdmission.list.title')}</Link>
      </div>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(`serviceAdmission.detail.stageHelp.${item.stage}`)} />
      {item.openTasks.length > 0 && (
        <Section title={t('serviceAdmission.list.waitingFor')}>
          <ul className="plain-list" aria-label={t('serviceAdmission.list.waitingFor')}>
            {item.openTasks.map((task) => (
              <li key={task.id} className="break-anywhere">
                <Link to={`/tasks/${task.id}`} className="text-link">
                  {taskKindName(task.kind, language)}
                </Link>{' '}
                · {task.candidateOrgName}（{roleLabel(task.candidateRole, language)}）
                {task.dueAt && ` · ${t('serviceAdmission.detail.due', { due: formatDateTime(task.dueAt, language) })}`}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title={t('serviceAdmission.context.title')}>
        <TermsSummary terms={item.terms} department={item.department.name} communities={item.communities.map((c) => c.name)} />
      </Section>
      <Section title={t('serviceAdmission.context.rules')}>
        <RecordedRules rules={item.rules} label={t('serviceAdmission.context.rules')} />
      </Section>
      <Section title={t('serviceAdmission.detail.progress')}>
        <ProgressList item={item} />
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          <Link to={`/cases/${item.case.id}`} className="text-link">
            {t('serviceAdmission.detail.caseRecord')}
          </Link>
        </Typography.Paragraph>
      </Section>
    </section>
  );
}
