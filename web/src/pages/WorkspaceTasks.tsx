import { Button, List, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { listInbox, type InboxItem } from '../api/tasks';
import { fetchTaskCounts } from '../api/taskCounts';
import { DueDate } from '../components/DeadlineTags';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAsyncData } from '../hooks/useAsyncData';
import { currentLanguage } from '../i18n';
import { taskKindName } from '../procedures/names';

const SHOWN = 5;

function TaskItems({ items, loading, label, empty }: { items: InboxItem[]; loading: boolean; label: string; empty: string }) {
  const language = currentLanguage();
  return (
    <section aria-label={label}>
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Typography.Text type="secondary">{empty}</Typography.Text> }}
        renderItem={(item) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/tasks/${item.id}`}>{taskKindName(item.kind, language)}</Link>}
              description={
                <Space wrap size={4}>
                  <Typography.Text type="secondary" className="break-anywhere">
                    {item.caseNumber} · {item.caseTitle}
                  </Typography.Text>
                  <DueDate dueAt={item.dueAt} warning={item.warning} calendarWarning={item.calendarWarning} />
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </section>
  );
}

/**
 * The workspace's inbox card: how many tasks are mine and how many I may claim (待认领), the most urgent of each, and
 * links to the inbox's views. "Nothing to do" is said only when both are empty.
 */
export function WorkspaceTasks() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const counts = useAsyncData((signal) => fetchTaskCounts(signal), 'workspace-counts');
  const mine = useAsyncData(
    (signal) => listInbox({ view: 'mine', status: 'OPEN', sort: 'dueAt' }, { limit: SHOWN }, signal),
    'workspace-mine',
  );
  const claimable = useAsyncData(
    (signal) => listInbox({ view: 'unclaimed', status: 'OPEN', sort: 'dueAt' }, { limit: SHOWN }, signal),
    'workspace-claimable',
  );
  const mineCount = counts.data?.mine ?? mine.data?.items.length ?? 0;
  const claimableCount = counts.data?.claimable ?? claimable.data?.items.length ?? 0;
  const loaded = counts.data !== undefined && mine.data !== undefined && claimable.data !== undefined;
  const nothingToDo = loaded && mineCount === 0 && claimableCount === 0;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {[counts.error, mine.error, claimable.error].map((error, index) =>
        error ? <ErrorAlert key={index} error={error} /> : null,
      )}
      {nothingToDo ? (
        <Typography.Text type="secondary">{t('workspace.noTasks')}</Typography.Text>
      ) : (
        <>
          <Typography.Title level={4} style={{ margin: 0, fontSize: 15 }}>
            {t('workspace.mineHeading', { count: mineCount })}
          </Typography.Title>
          <TaskItems
            items={mine.data?.items ?? []}
            loading={mine.loading}
            label={t('workspace.mineHeading', { count: mineCount })}
            empty={claimableCount > 0 ? t('workspace.noMineButClaimable', { count: claimableCount }) : t('workspace.noMine')}
          />
          {claimableCount > 0 && (
            <>
              <Typography.Title level={4} style={{ margin: 0, fontSize: 15 }}>
                {t('workspace.claimableHeading', { count: claimableCount })}
              </Typography.Title>
              <TaskItems
                items={claimable.data?.items ?? []}
                loading={claimable.loading}
                label={t('workspace.claimableHeading', { count: claimableCount })}
                empty=""
              />
            </>
          )}
        </>
      )}
      <Space wrap>
        <Button type="primary" onClick={() => void navigate('/inbox?view=mine')}>
          {t('workspace.openMineCount', { count: mineCount })}
        </Button>
        <Button onClick={() => void navigate('/inbox?view=unclaimed')}>
          {t('workspace.openUnclaimedCount', { count: claimableCount })}
        </Button>
      </Space>
    </Space>
  );
}
