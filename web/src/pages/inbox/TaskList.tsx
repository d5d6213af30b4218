import { Card, Checkbox, Descriptions, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { InboxItem } from '../../api/tasks';
import { DueDate } from '../../components/DeadlineTags';
import { ToneTag } from '../../components/ToneTag';
import { currentLanguage, type Language } from '../../i18n';
import { procedureName, roleLabel, taskKindName } from '../../procedures/names';
import type { TFunction } from 'i18next';

/** A task can be claimed from the list when it is open and nobody holds it. */
export function isClaimable(item: InboxItem): boolean {
  return item.status === 'OPEN' && item.assigneeId === null;
}

function candidate(item: InboxItem, language: Language): string {
  return `${item.candidateOrgName} · ${roleLabel(item.candidateRole, language)}`;
}

export function TaskStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  if (status === 'OPEN') return <ToneTag tone="info">{t('task.status.OPEN')}</ToneTag>;
  if (status === 'COMPLETED') return <ToneTag tone="success">{t('task.status.COMPLETED')}</ToneTag>;
  if (status === 'CANCELLED') return <ToneTag tone="neutral">{t('task.status.CANCELLED')}</ToneTag>;
  return <ToneTag tone="neutral">{status}</ToneTag>;
}

function assignee(item: InboxItem, t: TFunction): string {
  if (item.assigneeName) return item.assigneeName;
  // A task completed without being claimed first has no assignee; "not claimed" would mislead.
  return item.status === 'OPEN' ? t('inbox.unassigned') : '—';
}

interface TaskListProps {
  items: InboxItem[];
  phone: boolean;
  selectable: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
  loading: boolean;
}

/** Tasks as a table on wide screens and as cards on phones; claimable rows can be selected for a bulk claim. */
export function TaskList({ items, phone, selectable, selected, onSelect, loading }: TaskListProps) {
  const { t } = useTranslation();
  const language = currentLanguage();

  const openLabel = (item: InboxItem) =>
    t('inbox.openTaskNamed', { caseNumber: item.caseNumber, task: taskKindName(item.kind, language) });

  if (phone) {
    return (
      <ul className="plain-list" aria-label={t('inbox.listLabel')} aria-busy={loading}>
        {items.map((item) => (
          <li key={item.id}>
            <Card size="small" className="task-card">
              <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }} className="break-anywhere">
                <Link to={`/tasks/${item.id}`} aria-label={openLabel(item)}>
                  {taskKindName(item.kind, language)}
                </Link>
              </Typography.Title>
              <div className="break-anywhere" style={{ margin: '4px 0 8px' }}>
                <Link to={`/cases/${item.caseId}`} className="text-link">
                  {item.caseNumber}
                </Link>{' '}
                {item.caseTitle}
              </div>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'procedure', label: t('inbox.columns.procedure'), children: procedureName(item.procedure, language) },
                  { key: 'candidate', label: t('inbox.columns.candidate'), children: candidate(item, language) },
                  { key: 'assignee', label: t('inbox.columns.assignee'), children: assignee(item, t) },
                  {
                    key: 'due',
                    label: t('inbox.columns.due'),
                    children: <DueDate dueAt={item.dueAt} warning={item.warning} calendarWarning={item.calendarWarning} />,
                  },
                  ...(item.status !== 'OPEN'
                    ? [{ key: 'status', label: t('inbox.columns.status'), children: <TaskStatusTag status={item.status} /> }]
                    : []),
                ]}
              />
              {selectable && isClaimable(item) && (
                <Checkbox
                  checked={selected.includes(item.id)}
                  onChange={(event) =>
                    onSelect(event.target.checked ? [...selected, item.id] : selected.filter((id) => id !== item.id))
                  }
                  style={{ marginTop: 8 }}
                >
                  {t('inbox.selectTask', { caseNumber: item.caseNumber })}
                </Checkbox>
              )}
            </Card>
          </li>
        ))}
      </ul>
    );
  }

  const columns: ColumnsType<InboxItem> = [
    {
      key: 'task',
      title: t('inbox.columns.task'),
      render: (_, item) => (
        <div className="break-anywhere">
          <Link to={`/tasks/${item.id}`} aria-label={openLabel(item)}>
            {taskKindName(item.kind, language)}
          </Link>
          <div>
            <Typography.Text type="secondary">{procedureName(item.procedure, language)}</Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'case',
      title: t('inbox.columns.case'),
      render: (_, item) => (
        <div className="break-anywhere">
          <Link to={`/cases/${item.caseId}`}>{item.caseNumber}</Link>
          <div>{item.caseTitle}</div>
        </div>
      ),
    },
    { key: 'candidate', title: t('inbox.columns.candidate'), render: (_, item) => candidate(item, language) },
    {
      key: 'assignee',
      title: t('inbox.columns.assignee'),
      render: (_, item) => (
        <>
          {assignee(item, t)}
          {item.status !== 'OPEN' && (
            <div>
              <TaskStatusTag status={item.status} />
            </div>
          )}
        </>
      ),
    },
    {
      key: 'due',
      title: t('inbox.columns.due'),
      render: (_, item) => <DueDate dueAt={item.dueAt} warning={item.warning} calendarWarning={item.calendarWarning} />,
    },
  ];

  return (
    <Table<InboxItem>
      className="inbox-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={false}
      locale={{ emptyText: <Typography.Text>{t('inbox.empty')}</Typography.Text> }}
      rowSelection={
        selectable
          ? {
              selectedRowKeys: selected,
              onChange: (keys) => onSelect(keys.map(String)),
              getCheckboxProps: (item) => ({
                disabled: !isClaimable(item),
                'aria-label': t('inbox.selectTask', { caseNumber: item.caseNumber }),
              }),
              getTitleCheckboxProps: () => ({ 'aria-label': t('inbox.selectAll') }),
            }
          : undefined
      }
    />
  );
}
