import { Alert, Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchTask, type InboxItem } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import { chinaDate, formatDateTime, formatDay } from '../format';
import { listObjections, type ElectionDetail } from './api';
import { ObjectionStatusTag, objectionKindName } from './labels';
import { canAccess, useMe } from '../../session/context';
import { EL_RULES } from '../../../../domain/rules/election';
import { canWork, OpenStep } from './OpenSteps';
import { RecordObjectionForm } from './RecordObjectionForm';

/** The answer task of each objection (by the task's context), for the tasks the caller can open. */
async function answerTasks(
  steps: InboxItem[],
  signal: AbortSignal,
  workable: (item: InboxItem) => boolean,
): Promise<Map<string, InboxItem>> {
  const answers = steps.filter((s) => s.kind === 'election.objection-answer' && workable(s));
  const entries = await Promise.all(
    answers.map(async (item) => {
      const task = await fetchTask(item.id, signal);
      const objectionId = task.context.objectionId;
      return typeof objectionId === 'string' ? ([objectionId, item] as const) : undefined;
    }),
  );
  return new Map(entries.filter((e): e is readonly [string, InboxItem] => e !== undefined));
}

/**
 * Objections to the published list and their answers (EL-OBJECT, EL-ANSWER): the committee records them inside the
 * window and answers each within 3 days (the answer is published with the notice); a late answer is shown as such.
 */
export function ObjectionsPanel({
  election: e,
  steps,
  onChanged,
}: {
  election: ElectionDetail;
  steps: InboxItem[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const objections = useAsyncData((signal) => listObjections(e.id, signal), `${e.id}-${steps.length}`);
  const tasks = useAsyncData(
    (signal) => answerTasks(steps, signal, (item) => canWork(me, item)),
    steps.map((s) => s.id).join(','),
  );
  const now = new Date().toISOString();
  // The window's last day in China time; the workflow's durable timer is what closes it (the server has the last word).
  const windowOpen = e.status === 'OBJECTIONS' && e.objectionLastDay !== null && chinaDate(now) <= e.objectionLastDay;
  const canRecord = canAccess(me, 'elections.voters.manage') && windowOpen;
  const unmatched = steps.filter((s) => s.kind === 'election.objection-answer' && ![...(tasks.data?.values() ?? [])].includes(s));
  const changed = () => {
    objections.reload();
    onChanged();
  };
  const list = objections.data ?? [];

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {EL_RULES['EL-OBJECT'].text[language]}；{EL_RULES['EL-ANSWER'].text[language]}（{EL_RULES['EL-ANSWER'].citation}）
      </Typography.Paragraph>
      {e.objectionLastDay ? (
        <Alert
          type={windowOpen ? 'info' : 'success'}
          showIcon
          title={t('election.objections.window', { date: e.objectionLastDay })}
        />
      ) : (
        <Alert type="info" showIcon title={t('election.objections.notPublished')} />
      )}
      {canRecord && (
        <Card size="small" title={<h3 className="card-heading">{t('election.objections.recordTitle')}</h3>}>
          <RecordObjectionForm electionId={e.id} onRecorded={changed} />
        </Card>
      )}
      {unmatched.length > 0 && (
        <Card size="small" title={<h3 className="card-heading">{t('election.objections.answerSteps')}</h3>}>
          <ul className="plain-list">
            {unmatched.map((item) => (
              <li key={item.id}>
                <OpenStep item={item} me={me} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      {objections.error !== undefined && <ErrorAlert error={objections.error} />}
      <div>
        {!objections.loading && list.length === 0 && (
          <Typography.Text type="secondary">{t('election.objections.empty')}</Typography.Text>
        )}
        <ul className="plain-list" aria-label={t('election.objections.listLabel')}>
          {list.map((o) => {
            const task = tasks.data?.get(o.id);
            return (
              <li key={o.id}>
                <Card size="small" className="task-card">
                  <Flex wrap gap={8} align="center" justify="space-between">
                    <Typography.Text strong>
                      {t('election.objections.heading', { number: o.number, kind: objectionKindName(o.kind, t) })}
                    </Typography.Text>
                    <ObjectionStatusTag status={o.status} />
                  </Flex>
                  <Descriptions
                    size="small"
                    column={{ xs: 1, sm: 1, md: 2 }}
                    items={[
                      { key: 'objector', label: t('election.objections.objector'), children: o.objectorName },
                      ...(o.personName
                        ? [{ key: 'person', label: t('election.objections.person'), children: o.personName }]
                        : []),
                      {
                        key: 'grounds',
                        label: t('election.objections.grounds'),
                        children: <span className="break-anywhere">{o.grounds}</span>,
                      },
                      { key: 'received', label: t('election.objections.receivedOn'), children: o.receivedOn },
                      ...(o.answerDueAt
                        ? [
                            {
                              key: 'due',
                              label: t('election.objections.answerBy'),
                              children: formatDateTime(o.answerDueAt, language),
                            },
                          ]
                        : []),
                      ...(o.answer
                        ? [
                            {
                              key: 'answer',
                              label: t('election.objections.answer'),
                              children: <span className="break-anywhere">{o.answer}</span>,
                            },
                          ]
                        : []),
                      ...(o.answeredOn
                        ? [
                            {
                              key: 'answered',
                              label: t('election.objections.answeredOn'),
                              children: `${formatDay(o.answeredOn, language)}${o.answeredInTime === false ? ` · ${t('election.objections.late')}` : ''}`,
                            },
                          ]
                        : []),
                    ]}
                  />
                  {task && o.status === 'OPEN' && (
                    <div style={{ marginTop: 8 }}>
                      <OpenStep item={task} me={me} label={t('election.objections.answerNamed', { number: o.number })} />
                    </div>
                  )}
                  {o.status === 'OPEN' && o.answerDueAt && o.answerDueAt < now && (
                    <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('election.objections.overdue')} />
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      </div>
    </Flex>
  );
}
