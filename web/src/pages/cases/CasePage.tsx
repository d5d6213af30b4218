import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Grid, Result, Spin, Steps, Timeline, Typography } from 'antd';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { fetchCaseRecord, type CaseRecord } from '../../api/cases';
import { conversionDecisionUrl } from '../../procedures/village-conversion/api';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import { outcomeLabel, reasonText } from '../../i18n/labels';
import '../../procedures/procedures.css';
import { DocumentLink } from '../../procedures/DocumentLink';
import { formatDateTime, localized } from '../../procedures/format';
import { procedureName, roleLabel, taskKindName } from '../../procedures/names';
import { ConditionsChecklist } from '../../procedures/village-conversion/ConditionsChecklist';
import { ConversionNotices } from '../../procedures/village-conversion/ConversionNotices';
import { canAccess, useMe } from '../../session/context';
import { TaskStatusTag } from '../inbox/TaskList';
import { CommentList } from '../tasks/TaskComments';
import { CaseHistory, decisionLabel, WrittenDecisionCard } from './CaseHistory';
import { TakeBackButton } from './TakeBackButton';
import { CaseStatusTag, timelineActionName } from './caseLabels';
import { RuleDecisions } from './RuleDecisions';
import { WithdrawConversion } from '../../procedures/village-conversion/WithdrawConversion';
import { CaseCirculation } from '../office/CaseCirculation';
import { UrgeButton } from '../office/UrgeButton';

type StepState = CaseRecord['steps'][number]['state'];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={<h3 className="card-heading">{title}</h3>} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** The case record: steps, tasks, the 村改居 checklist and decision, rule decisions, timeline, documents, comments. */
export function CasePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const navigate = useNavigate();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const phone = screens.md !== true;
  const { caseId = '' } = useParams();
  const { data: record, error, loading, reload } = useAsyncData((signal) => fetchCaseRecord(caseId, signal), caseId);

  if (!record) {
    if (error instanceof ApiError && error.status === 404) {
      return (
        <Result
          status="404"
          title={t('cases.notFound')}
          extra={
            <Button type="primary" onClick={() => void navigate('/cases')}>
              {t('cases.backToList')}
            </Button>
          }
        />
      );
    }
    if (error !== undefined) return <ErrorAlert error={error} title={t('cases.loadFailed')} />;
    return <Spin description={t('cases.loading')} />;
  }

  const c = record.case;
  const isConversion = c.procedure === 'village-conversion';
  const hasDecision = isConversion && typeof c.data.decision === 'object' && c.data.decision !== null;
  const canWithdraw = isConversion && c.status === 'OPEN' && canAccess(me, 'village-conversion.apply');
  const stepLabels: Record<StepState, string> = {
    done: t('cases.steps.done'),
    current: t('cases.steps.current'),
    returned: t('cases.steps.returned'),
    skipped: t('cases.steps.skipped'),
    stopped: c.status === 'WITHDRAWN' ? t('cases.steps.withdrawnHere') : t('cases.steps.stopped'),
    'not-reached': t('cases.steps.notReached'),
  };
  const antStatus = {
    done: 'finish',
    current: 'process',
    returned: 'error',
    skipped: 'wait',
    stopped: 'error',
    'not-reached': 'wait',
  } as const;

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={2} id={headingId} className="break-anywhere">
            {c.number} {c.title}
          </Typography.Title>
          <div>
            <CaseStatusTag status={c.status} />
            <Typography.Text type="secondary">{procedureName(c.procedure, language)}</Typography.Text>
          </div>
        </div>
        <Flex wrap gap={8}>
          {hasDecision && (
            <Button type="primary" icon={<DownloadOutlined aria-hidden="true" />} href={conversionDecisionUrl(c.id)} download>
              {t('vc.decisionPdf')}
            </Button>
          )}
          {canWithdraw && <WithdrawConversion caseId={c.id} onDone={reload} />}
          <Link to="/cases">{t('cases.backToList')}</Link>
        </Flex>
      </div>
      {loading && <Spin size="small" description={t('cases.refreshing')} />}
      {error !== undefined && <ErrorAlert error={error} title={t('cases.loadFailed')} />}

      <Section title={t('cases.sections.overview')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'org', label: t('cases.fields.organization'), children: c.organizationName },
            { key: 'opened', label: t('cases.fields.openedAt'), children: formatDateTime(c.openedAt, language) },
            {
              key: 'closed',
              label: t('cases.fields.closedAt'),
              children: c.closedAt ? formatDateTime(c.closedAt, language) : '—',
            },
            { key: 'rules', label: t('cases.fields.ruleSet'), children: localized(c.ruleSetName, language) },
          ]}
        />
      </Section>

      <Section title={t('cases.sections.steps')}>
        <Steps
          className="case-steps"
          orientation={phone ? 'vertical' : 'horizontal'}
          size="small"
          aria-label={t('cases.sections.steps')}
          items={record.steps.map((step) => ({
            key: step.key,
            title: localized(step.name, language),
            description: (
              <>
                <span data-step-state={step.state}>{stepLabels[step.state]}</span>
                {step.decision && step.state !== 'returned' && (
                  <span className="case-step-decision">{decisionLabel(step.decision, t)}</span>
                )}
              </>
            ),
            status: antStatus[step.state],
          }))}
        />
      </Section>

      <Section title={t('cases.sections.tasks')}>
        {record.tasks.length === 0 ? (
          <Typography.Text type="secondary">{t('cases.noTasks')}</Typography.Text>
        ) : (
          <ul className="plain-list" aria-label={t('cases.sections.tasks')}>
            {record.tasks.map((task) => (
              <li key={task.id} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
                <Flex wrap gap={8} align="center" justify="space-between">
                  <span className="break-anywhere">
                    <TaskStatusTag status={task.status} />
                    {task.status === 'OPEN' ? (
                      <Link to={`/tasks/${task.id}`}>{taskKindName(task.kind, language)}</Link>
                    ) : (
                      <Typography.Text strong>{taskKindName(task.kind, language)}</Typography.Text>
                    )}
                  </span>
                  <Typography.Text type="secondary">
                    {task.completedAt
                      ? t('cases.taskCompletedAt', { time: formatDateTime(task.completedAt, language) })
                      : task.dueAt
                        ? t('cases.taskDueAt', { time: formatDateTime(task.dueAt, language) })
                        : ''}
                  </Typography.Text>
                </Flex>
                <div className="break-anywhere">
                  {task.candidateOrgName} · {roleLabel(task.candidateRole, language)}
                  {task.assigneeName ? ` · ${task.assigneeName}` : ''}
                </div>
                {task.canTakeBack && <TakeBackButton taskId={task.id} onDone={reload} />}
                {task.status === 'OPEN' && <UrgeButton taskId={task.id} onUrged={reload} />}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('cases.sections.history')}>
        <CaseHistory history={record.history} />
      </Section>

      <Section title={t('office.circulation.title')}>
        <CaseCirculation caseId={record.case.id} />
      </Section>

      {record.writtenDecision && (
        <Section title={t('cases.sections.writtenDecision')}>
          <WrittenDecisionCard decision={record.writtenDecision} />
        </Section>
      )}

      {isConversion && (
        <Section title={t('vc.checklist.title')}>
          <ConversionNotices record={record} />
          <ConditionsChecklist record={record} documents={record.documents} />
        </Section>
      )}

      <Section title={t('cases.sections.rules')}>
        {record.ruleDecisions.length === 0 ? (
          <Typography.Text type="secondary">{t('cases.noRules')}</Typography.Text>
        ) : (
          <RuleDecisions decisions={record.ruleDecisions} phone={phone} />
        )}
      </Section>

      <Section title={t('cases.sections.timeline')}>
        <Timeline
          items={record.timeline.map((event) => ({
            key: event.seq,
            color: event.outcome === 'success' ? 'blue' : 'red',
            content: (
              <div className="break-anywhere">
                <Typography.Text strong>{timelineActionName(event.action, t)}</Typography.Text>
                {event.outcome !== 'success' && (
                  <span> ({event.outcome === 'refused' ? t('cases.refused') : outcomeLabel(event.outcome, language)})</span>
                )}
                <div>
                  <Typography.Text type="secondary">
                    {formatDateTime(event.at, language)}
                    {event.actorName ? ` · ${event.actorName}` : ''}
                  </Typography.Text>
                </div>
                {event.reason && <div>{t('cases.reason', { reason: reasonText(event.reason, language) })}</div>}
              </div>
            ),
          }))}
        />
      </Section>

      <Section title={t('cases.sections.documents')}>
        {record.documents.length === 0 ? (
          <Typography.Text type="secondary">{t('documents.none')}</Typography.Text>
        ) : (
          <ul className="plain-list" aria-label={t('documents.listLabel')}>
            {record.documents.map((doc) => (
              <li key={doc.id} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
                <DocumentLink document={doc} />
                <div>
                  <Typography.Text type="secondary">
                    {[doc.uploadedBy, formatDateTime(doc.createdAt, language)].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
                <div className="hash-text">SHA-256: {doc.sha256}</div>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('cases.sections.comments')}>
        <CommentList comments={record.comments} />
      </Section>
    </section>
  );
}
