import { Card, Descriptions, Flex, Spin, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchSupervisedCards } from '../../api/office';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ToneTag } from '../../components/ToneTag';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../procedures/format';
import { roleLabel, taskKindName } from '../../procedures/names';
import { UrgeButton } from './UrgeButton';

/**
 * 督办: the yellow- and red-card tasks of the caller's organization and those below it, red first, each with its
 * escalation (to whom, when), its holder and urges so far, and a 催办 button.
 */
export function SupervisionPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const { data, error, loading, reload } = useAsyncData((signal) => fetchSupervisedCards(signal), 'supervision-cards');
  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId}>
        {t('office.supervision.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('office.supervision.help')}</Typography.Paragraph>
      <ErrorAlert error={error} title={t('office.supervision.loadFailed')} />
      {loading && !data && <Spin />}
      {data && (
        <Typography.Paragraph strong>
          {t('office.supervision.summary', { red: data.red, yellow: data.yellow })}
        </Typography.Paragraph>
      )}
      {data && data.items.length === 0 && <Typography.Paragraph>{t('office.supervision.empty')}</Typography.Paragraph>}
      <ul className="plain-list" aria-label={t('office.supervision.title')}>
        {data?.items.map((task) => (
          <li key={task.id}>
            <Card size="small" className="supervision-card">
              <Flex wrap gap={8} align="center" justify="space-between">
                <ToneTag tone={task.card === 'red' ? 'danger' : 'warning'}>{t(`office.supervision.${task.card}`)}</ToneTag>
                <UrgeButton taskId={task.id} onUrged={reload} />
              </Flex>
              <Link
                to={`/tasks/${task.id}`}
                className="text-link break-anywhere"
                style={{ display: 'inline-block', minHeight: 44, paddingBlock: 10 }}
              >
                {task.caseNumber} {task.caseTitle} · {taskKindName(task.kind, language)}
              </Link>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'org',
                    label: t('office.lists.organization'),
                    children: `${task.candidateOrgName} · ${roleLabel(task.candidateRole, language)}`,
                  },
                  {
                    key: 'holder',
                    label: t('office.supervision.holder'),
                    children: task.assigneeName ?? t('office.supervision.unassigned'),
                  },
                  {
                    key: 'due',
                    label: t('office.supervision.due'),
                    children: task.dueAt ? formatDateTime(task.dueAt, language) : '—',
                  },
                  ...(task.escalatedAt
                    ? [
                        {
                          key: 'escalated',
                          label: t('office.supervision.red'),
                          children: t('office.supervision.escalated', {
                            org: task.escalatedToOrgName ?? '—',
                            time: formatDateTime(task.escalatedAt, language),
                          }),
                        },
                      ]
                    : []),
                  {
                    key: 'urges',
                    label: t('office.urge.button'),
                    children: t('office.supervision.urges', { count: task.urges }),
                  },
                ]}
              />
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
