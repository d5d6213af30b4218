import { Alert, Button, Card, Descriptions, Result, Spin, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { fetchCaseRecord } from '../../api/cases';
import { ApiError } from '../../api/client';
import { fetchTask } from '../../api/tasks';
import { DueDate, warningFromDue } from '../../components/DeadlineTags';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import '../../procedures/procedures.css';
import './task-page.css';
import { procedureName, roleLabel, taskKindName } from '../../procedures/names';
import { useMe } from '../../session/context';
import { TaskStatusTag } from '../inbox/TaskList';
import { TaskActions } from './TaskActions';
import { CommentList, TaskComments } from './TaskComments';
import { TaskEvidence } from './TaskEvidence';
import { TaskFormHost } from './TaskFormHost';
import { FlowNotice } from './FlowNotice';
import { SendBackForm } from './SendBackForm';

function CardTitle({ children }: { children: string }) {
  return <h3 className="card-heading">{children}</h3>;
}

/**
 * One task: what it is, who holds it, its form, its evidence and comments. On a phone one column in that order, so the
 * form is a thumb's reach below the details (task-page.css); wide screens show the form with the rest beside it.
 */
export function TaskPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const navigate = useNavigate();
  const me = useMe();
  const { taskId = '' } = useParams();
  const { data, error, loading, reload } = useAsyncData(async (signal) => {
    const task = await fetchTask(taskId, signal);
    const record = await fetchCaseRecord(task.caseId, signal);
    return { task, record };
  }, taskId);

  if (!data) {
    if (error instanceof ApiError && error.status === 404) {
      return (
        <Result
          status="404"
          title={t('task.notFound')}
          extra={
            <Button type="primary" onClick={() => void navigate('/inbox')}>
              {t('task.backToInbox')}
            </Button>
          }
        />
      );
    }
    if (error !== undefined) return <ErrorAlert error={error} title={t('task.loadFailed')} />;
    return <Spin description={t('task.loading')} />;
  }

  const { task, record } = data;
  const row = record.tasks.find((r) => r.id === task.id);
  const documents = [
    ...record.documents.filter((d) => d.taskId === task.id),
    ...record.documents.filter((d) => d.taskId !== task.id),
  ];
  const taskDocuments = record.documents.filter((d) => d.taskId === task.id);
  const comments = record.comments.filter((c) => c.taskId === task.id);
  const mine = task.assigneeId === me.user.id;
  // A supervisor (本单位及下级) reads the task of a subordinate organization but does not act on it.
  const supervising = task.access === 'supervise';
  const workable = !supervising && task.status === 'OPEN' && (task.assigneeId === null || mine);
  const holder =
    task.assigneeId === null
      ? t('inbox.unassigned')
      : mine
        ? t('task.you', { name: me.user.displayName })
        : (row?.assigneeName ?? '—');

  return (
    <section aria-labelledby={headingId} className="task-page">
      <div className="page-header">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={2} id={headingId} className="break-anywhere">
            {taskKindName(task.kind, language)}
          </Typography.Title>
          <Typography.Text className="break-anywhere">
            <Link to={`/cases/${task.caseId}`} className="text-link">
              {task.caseNumber}
            </Link>{' '}
            {task.caseTitle}
          </Typography.Text>
        </div>
        <Link to="/inbox">{t('task.backToInbox')}</Link>
      </div>
      {supervising && (
        <Alert
          type="info"
          showIcon
          title={t('task.supervising')}
          description={t('task.supervisingHelp')}
          style={{ marginBottom: 16 }}
        />
      )}
      <FlowNotice task={task} />
      {loading && <Spin size="small" description={t('task.refreshing')} />}
      {error !== undefined && <ErrorAlert error={error} title={t('task.loadFailed')} />}
      <div className="task-layout">
        <div className="task-layout-details">
          <Card title={<CardTitle>{t('task.sections.details')}</CardTitle>}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'status', label: t('task.fields.status'), children: <TaskStatusTag status={task.status} /> },
                { key: 'procedure', label: t('task.fields.procedure'), children: procedureName(record.case.procedure, language) },
                {
                  key: 'candidate',
                  label: t('task.fields.candidate'),
                  children: `${row?.candidateOrgName ?? ''} · ${roleLabel(task.candidateRole, language)}`,
                },
                { key: 'assignee', label: t('task.fields.assignee'), children: holder },
                {
                  key: 'due',
                  label: t('task.fields.due'),
                  children: <DueDate dueAt={task.dueAt} warning={warningFromDue(task.dueAt, task.status)} />,
                },
              ]}
            />
            <TaskActions task={task} onChanged={reload} />
          </Card>
        </div>
        <div className="task-layout-form">
          <Card title={<CardTitle>{t('task.sections.form')}</CardTitle>}>
            {task.status === 'COMPLETED' ? (
              <Alert
                type="success"
                showIcon
                title={t('task.completedAlready')}
                description={<Link to={`/cases/${task.caseId}`}>{t('task.openCase')}</Link>}
              />
            ) : task.status === 'CANCELLED' ? (
              <Alert type="info" showIcon title={t('task.cancelled')} />
            ) : (
              <TaskFormHost task={task} record={record} documents={documents} disabled={!workable} />
            )}
          </Card>
          {workable && task.returnTargets.length > 0 && (
            <Card title={<CardTitle>{t('flow.sendBackTitle')}</CardTitle>} style={{ marginTop: 16 }}>
              <SendBackForm task={task} />
            </Card>
          )}
        </div>
        <div className="task-layout-side">
          <Card title={<CardTitle>{t('task.sections.evidence')}</CardTitle>} style={{ marginBottom: 16 }}>
            <TaskEvidence taskId={task.id} documents={taskDocuments} canUpload={workable} onUploaded={reload} />
          </Card>
          <Card title={<CardTitle>{t('task.sections.comments')}</CardTitle>}>
            {supervising ? (
              <CommentList comments={comments} />
            ) : (
              <TaskComments taskId={task.id} comments={comments} onAdded={reload} />
            )}
          </Card>
        </div>
      </div>
    </section>
  );
}
