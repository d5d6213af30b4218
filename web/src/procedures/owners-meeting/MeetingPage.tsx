import { Button, Card, Descriptions, Result, Spin, Typography } from 'antd';
import { useId, type ReactNode } from 'react';
import { ruleLines } from '../../components/RuleResults';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { fetchCaseRecord } from '../../api/cases';
import { ApiError } from '../../api/client';
import { fetchOwnersMeeting } from './api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import '../procedures.css';
import { formatDateTime, formatDay, localized } from '../format';
import { taskKindName } from '../names';
import { ItemOutcomeTag, MatterTag, OpinionTag, ReportTag } from './labels';
import { MeetingRules } from './MeetingRules';
import { OpinionStatus } from './OpinionStatus';
import { CaseStatusTag } from '../../pages/cases/caseLabels';
import { TaskStatusTag } from '../../pages/inbox/TaskList';
import { QueryCodeNotice } from '../../public/QueryCodeNotice';
import './ownersMeetings.css';

const VOTE_RULES = new Set(['OM-TURNOUT', 'OM-SPECIAL', 'OM-ORDINARY', 'OM-COMMITTEE']);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={<h3 className="card-heading">{title}</h3>} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/**
 * One owners' meeting for everyone who may read it: the notice and its rules, the residents' committee's opinion,
 * the decisions per agenda item with the rules that made them, the report and the residents' committee's
 * suggestions, the posting, and the open tasks of the case.
 */
export function MeetingPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const navigate = useNavigate();
  const { caseId = '' } = useParams();
  // 我要查: the query code of a meeting just registered, shown this once (navigation state from the registration).
  const queryCode = (useLocation().state as { queryCode?: unknown } | null)?.queryCode;
  const { data, error, loading } = useAsyncData(async (signal) => {
    const [meeting, record] = await Promise.all([fetchOwnersMeeting(caseId, signal), fetchCaseRecord(caseId, signal)]);
    return { meeting, record };
  }, caseId);

  if (!data) {
    if (error instanceof ApiError && error.status === 404) {
      return (
        <Result
          status="404"
          title={t('ownersMeeting.meeting.notFound')}
          extra={
            <Button type="primary" onClick={() => void navigate('/owners-meetings')}>
              {t('ownersMeeting.backToList')}
            </Button>
          }
        />
      );
    }
    if (error !== undefined) return <ErrorAlert error={error} title={t('ownersMeeting.meeting.loadFailed')} />;
    return <Spin description={t('ownersMeeting.meeting.loading')} />;
  }

  const { meeting: m, record } = data;
  const openTasks = record.tasks.filter((task) => task.status === 'OPEN');
  const voteRules = record.ruleDecisions.filter((d) => VOTE_RULES.has(d.ruleId));
  const f = 'ownersMeeting.fields' as const;

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={2} id={headingId} className="break-anywhere">
            {m.ownersCommittee.name} {t(`ownersMeeting.types.${m.meetingType}`)} {formatDay(m.meetingDate, language)}
          </Typography.Title>
          <div>
            <CaseStatusTag status={m.status} />
            <Link to={`/cases/${m.caseId}`} className="text-link">
              {m.number}
            </Link>
          </div>
        </div>
        <Link to="/owners-meetings">{t('ownersMeeting.backToList')}</Link>
      </div>
      {typeof queryCode === 'string' && <QueryCodeNotice number={m.number} code={queryCode} />}
      {loading && <Spin size="small" description={t('ownersMeeting.meeting.refreshing')} />}

      {openTasks.length > 0 && (
        <Section title={t('ownersMeeting.meeting.openTasks')}>
          <ul className="plain-list" aria-label={t('ownersMeeting.meeting.openTasks')}>
            {openTasks.map((task) => (
              <li key={task.id} className="break-anywhere">
                <TaskStatusTag status={task.status} />
                <Link to={`/tasks/${task.id}`}>{taskKindName(task.kind, language)}</Link> · {task.candidateOrgName}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title={t('ownersMeeting.meeting.overview')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'oc', label: t(`${f}.ownersCommittee`), children: m.ownersCommittee.name },
            { key: 'community', label: t(`${f}.community`), children: m.community?.name ?? '—' },
            { key: 'type', label: t(`${f}.meetingType`), children: t(`ownersMeeting.types.${m.meetingType}`) },
            { key: 'kind', label: t(`${f}.kind`), children: t(`ownersMeeting.kinds.${m.kind}`) },
            { key: 'date', label: t(`${f}.meetingDate`), children: m.meetingDate },
            { key: 'place', label: t(`${f}.place`), children: <span className="break-anywhere">{m.place}</span> },
          ]}
        />
      </Section>

      <Section title={t('ownersMeeting.meeting.notice')}>
        <Typography.Paragraph>
          {t('ownersMeeting.meeting.noticeText', {
            notice: m.notice.noticeDate,
            informed: m.notice.residentsCommitteeInformedDate,
            days: m.notice.daysBefore,
          })}
        </Typography.Paragraph>
        <MeetingRules label={t('ownersMeeting.register.noticeRules')} rules={ruleLines(m.notice.rules, language)} />
      </Section>

      <Section title={t('ownersMeeting.opinion.title')}>
        <div style={{ marginBottom: 8 }}>
          <OpinionTag status={m.opinion.status} />
        </div>
        <OpinionStatus opinion={m.opinion} />
      </Section>

      <Section title={t('ownersMeeting.decisions.title')}>
        {m.votes && (
          <Typography.Paragraph>
            {m.votes.quorum ? t('ownersMeeting.decisions.quorumMet') : t('ownersMeeting.votes.noQuorum')}{' '}
            {t('ownersMeeting.decisions.recorded', {
              by: m.votes.recordedBy,
              time: formatDateTime(m.votes.recordedAt, language),
            })}
          </Typography.Paragraph>
        )}
        <ul className="plain-list" aria-label={t('ownersMeeting.fields.agenda')} style={{ marginBottom: 12 }}>
          {m.items.map((item) => (
            <li key={item.title} className="break-anywhere">
              <ItemOutcomeTag passed={item.passed} />
              {item.title} <MatterTag matter={item.matter} />
            </li>
          ))}
        </ul>
        {voteRules.length > 0 && (
          <MeetingRules
            label={t('ownersMeeting.decisions.rules')}
            rules={voteRules.map((d) => ({
              id: d.ruleId,
              passed: d.passed,
              citation: d.citation,
              detail: localized(d.detail, language),
              values: d.values,
            }))}
          />
        )}
      </Section>

      <Section title={t('ownersMeeting.report.title')}>
        {m.report ? (
          <>
            <div style={{ marginBottom: 8 }}>
              <ReportTag status={m.report.status} />
            </div>
            <Typography.Paragraph>
              {t('ownersMeeting.report.reportedAt', {
                time: formatDateTime(m.report.reportedAt, language),
                deadline: formatDateTime(m.report.deadline, language),
              })}
            </Typography.Paragraph>
            {m.report.suggestions && (
              <Typography.Paragraph className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
                {m.report.suggestions}
              </Typography.Paragraph>
            )}
          </>
        ) : (
          <Typography.Text>{t('ownersMeeting.list.notReported')}</Typography.Text>
        )}
      </Section>

      <Section title={t('ownersMeeting.post.title')}>
        {!m.posting ? (
          <Typography.Text>{t('ownersMeeting.post.notYet')}</Typography.Text>
        ) : m.posting.status === 'nothing-to-post' ? (
          <Typography.Text>{t('ownersMeeting.post.nothing')}</Typography.Text>
        ) : (
          <Typography.Text>
            {t('ownersMeeting.post.posted', { date: m.posting.postedOn ? formatDay(m.posting.postedOn, language) : '—' })}
            {m.posting.lastDay ? ` ${t('ownersMeeting.post.lastDay', { lastDay: m.posting.lastDay })}` : ''}
            {m.posting.onTime === false ? ` ${t('ownersMeeting.attention.posted-late')}` : ''}
          </Typography.Text>
        )}
      </Section>
    </section>
  );
}
