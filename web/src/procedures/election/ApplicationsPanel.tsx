import { Card, Descriptions, Flex, Form, Select, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../format';
import { APPLICATION_STATUSES, listApplications, openDecisionTasks, type ApplicationStatus, type ElectionDetail } from './api';
import { ApplicationStatusTag, applicationStatusName } from './labels';
import { useMe } from '../../session/context';
import { OpenStep } from './OpenSteps';

/**
 * Migrant applications of the election (EL-SELF): each applied by the migrant themself; the committee decides each
 * on its own task (approve, refuse, ask for evidence). Approved migrants are on the voter list.
 */
export function ApplicationsPanel({ election: e }: { election: ElectionDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const statusId = useId();
  const [status, setStatus] = useState<ApplicationStatus | ''>('');
  const data = useAsyncData(async (signal) => {
    const [applications, tasks] = await Promise.all([
      listApplications({ electionId: e.id, status: status || undefined }, signal),
      openDecisionTasks(signal),
    ]);
    return { applications, tasks };
  }, `${e.id}-${status}`);
  const applications = data.data?.applications ?? [];

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('election.applications.help')}
      </Typography.Paragraph>
      <Form layout="vertical" className="filter-bar" role="search" aria-label={t('election.applications.filter')}>
        <div className="filter-bar-grid">
          <Form.Item label={t('election.application.status')} htmlFor={statusId}>
            <Select
              id={statusId}
              value={status}
              onChange={setStatus}
              options={[
                { value: '', label: t('inbox.filters.any') },
                ...APPLICATION_STATUSES.map((s) => ({ value: s, label: applicationStatusName(s, t) })),
              ]}
            />
          </Form.Item>
        </div>
      </Form>
      {data.error !== undefined && <ErrorAlert error={data.error} />}
      {!data.loading && applications.length === 0 && (
        <Typography.Text type="secondary">{t('election.applications.empty')}</Typography.Text>
      )}
      <ul className="plain-list" aria-label={t('election.applications.listLabel')} aria-busy={data.loading}>
        {applications.map((a) => {
          const task = data.data?.tasks.get(a.number);
          return (
            <li key={a.number}>
              <Card size="small" className="task-card">
                <Flex wrap gap={8} align="center" justify="space-between">
                  <Link to={`/elections/applications/${a.number}`} className="text-link break-anywhere">
                    {a.number}
                  </Link>
                  <ApplicationStatusTag status={a.status} />
                </Flex>
                <Descriptions
                  size="small"
                  column={{ xs: 1, sm: 1, md: 3 }}
                  items={[
                    { key: 'name', label: t('election.fields.name'), children: a.name },
                    {
                      key: 'id',
                      label: t('election.fields.idNumber'),
                      children: <span className="break-anywhere">{a.idNumberMasked}</span>,
                    },
                    {
                      key: 'submitted',
                      label: t('election.application.submittedAt'),
                      children: formatDateTime(a.submittedAt, language),
                    },
                  ]}
                />
                {task && (
                  <div style={{ marginTop: 8 }}>
                    <OpenStep item={task} me={me} label={t('election.applications.decide', { number: a.number, name: a.name })} />
                  </div>
                )}
              </Card>
            </li>
          );
        })}
      </ul>
    </Flex>
  );
}
