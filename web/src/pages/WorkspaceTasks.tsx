import { Button, List, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { listInbox } from '../api/tasks';
import { DueDate } from '../components/DeadlineTags';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAsyncData } from '../hooks/useAsyncData';
import { currentLanguage } from '../i18n';
import { taskKindName } from '../procedures/names';

const SHOWN = 5;

/** The workspace's inbox card: my most urgent open tasks, and links to the inbox's views. */
export function WorkspaceTasks() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const mine = useAsyncData(
    (signal) => listInbox({ view: 'mine', status: 'OPEN', sort: 'dueAt' }, { limit: SHOWN }, signal),
    'workspace-mine',
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {mine.error ? <ErrorAlert error={mine.error} /> : null}
      <List
        loading={mine.loading}
        dataSource={mine.data?.items ?? []}
        locale={{ emptyText: <Typography.Text type="secondary">{t('workspace.noTasks')}</Typography.Text> }}
        renderItem={(item) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/tasks/${item.id}`}>{taskKindName(item.kind, language)}</Link>}
              description={
                <Space wrap size={4}>
                  <Typography.Text type="secondary">
                    {item.caseNumber} · {item.caseTitle}
                  </Typography.Text>
                  <DueDate dueAt={item.dueAt} warning={item.warning} calendarWarning={item.calendarWarning} />
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Space wrap>
        <Button type="primary" onClick={() => void navigate('/inbox?view=mine')}>
          {t('workspace.openMine')}
        </Button>
        <Button onClick={() => void navigate('/inbox?view=unclaimed')}>{t('workspace.openUnclaimed')}</Button>
      </Space>
    </Space>
  );
}
