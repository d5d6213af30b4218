import { Button, Card, Descriptions, Flex, Form, Grid, Input, Table, Tabs, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { listServiceItems, type ServiceItemRow, type ServiceItemView } from './api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage, type Language } from '../../i18n';
import '../procedures.css';
import { formatDateTime } from '../format';
import { roleLabel, taskKindName } from '../names';
import { classificationName } from './labels';
import { canAccess, useMe } from '../../session/context';
import { StageTag } from './StageTag';

const VIEWS: ServiceItemView[] = ['pending', 'listed', 'closed', 'all'];

function isView(value: string | null): value is ServiceItemView {
  return (VIEWS as (string | null)[]).includes(value);
}

/** Who the application waits for: each open task with the organization and role that holds it. */
function waitingFor(row: ServiceItemRow, language: Language): string {
  return row.openTasks
    .map(
      (task) => `${taskKindName(task.kind, language)} · ${task.candidateOrgName}（${roleLabel(task.candidateRole, language)}）`,
    )
    .join('；');
}

/**
 * 事项准入申请: a department sees its own applications, the county and its civil-affairs bureau the county's. The
 * pending view lists those waiting for someone (and whom); the others the listed, the closed and all applications.
 */
export function ServiceItemsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const searchId = useId();
  const me = useMe();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md !== true;
  const [params, setParams] = useSearchParams();
  const viewParam = params.get('view');
  const view: ServiceItemView = isView(viewParam) ? viewParam : 'pending';
  const q = params.get('q') ?? undefined;
  const [text, setText] = useState(q ?? '');
  const { data, error, loading } = useAsyncData((signal) => listServiceItems({ view, q }, signal), `${view}|${q ?? ''}`);
  const rows = data ?? [];

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const none = <Typography.Text>{t('serviceAdmission.list.nobody')}</Typography.Text>;
  const link = (row: ServiceItemRow) => (
    <Link
      to={`/service-items/${row.id}`}
      aria-label={t('serviceAdmission.list.openNamed', { number: row.number, item: row.itemName })}
    >
      {row.number}
    </Link>
  );

  const list = phone ? (
    <ul className="plain-list" aria-label={t('serviceAdmission.list.label')} aria-busy={loading}>
      {!loading && rows.length === 0 && <li>{t('serviceAdmission.list.empty')}</li>}
      {rows.map((row) => (
        <li key={row.id} style={{ marginBottom: 12 }}>
          <Card size="small" className="task-card">
            <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }} className="break-anywhere">
              {link(row)}
            </Typography.Title>
            <div className="break-anywhere" style={{ margin: '4px 0 8px' }}>
              {row.itemName}
            </div>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'stage',
                  label: t('serviceAdmission.list.stage'),
                  children: <StageTag stage={row.stage} outcome={row.outcome} />,
                },
                { key: 'department', label: t('serviceAdmission.fields.department'), children: row.departmentName },
                {
                  key: 'waiting',
                  label: t('serviceAdmission.list.waitingFor'),
                  children: row.openTasks.length ? waitingFor(row, language) : none,
                },
                { key: 'opened', label: t('serviceAdmission.list.openedAt'), children: formatDateTime(row.openedAt, language) },
              ]}
            />
          </Card>
        </li>
      ))}
    </ul>
  ) : (
    <Table<ServiceItemRow>
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: <Typography.Text>{t('serviceAdmission.list.empty')}</Typography.Text> }}
      columns={[
        { key: 'number', title: t('serviceAdmission.list.number'), render: (_, row) => link(row) },
        { key: 'item', title: t('serviceAdmission.fields.itemName'), dataIndex: 'itemName' },
        {
          key: 'classification',
          title: t('serviceAdmission.fields.classification'),
          render: (_, row) => classificationName(row.classification, language),
        },
        {
          key: 'stage',
          title: t('serviceAdmission.list.stage'),
          render: (_, row) => <StageTag stage={row.stage} outcome={row.outcome} />,
        },
        {
          key: 'department',
          title: t('serviceAdmission.fields.department'),
          render: (_, row) => `${row.departmentName}（${row.countyName}）`,
        },
        {
          key: 'waiting',
          title: t('serviceAdmission.list.waitingFor'),
          render: (_, row) => (row.openTasks.length ? waitingFor(row, language) : none),
        },
        { key: 'opened', title: t('serviceAdmission.list.openedAt'), render: (_, row) => formatDateTime(row.openedAt, language) },
      ]}
    />
  );

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId}>
          {t('serviceAdmission.list.title')}
        </Typography.Title>
        <Flex wrap gap={8}>
          {canAccess(me, 'service-items.apply') && (
            <Button type="primary" onClick={() => void navigate('/service-items/apply')}>
              {t('serviceAdmission.apply.button')}
            </Button>
          )}
          {canAccess(me, 'service-items.summary') && (
            <Link to="/service-items/summary">{t('serviceAdmission.summary.title')}</Link>
          )}
          <Link to="/public/service-items">{t('serviceAdmission.public.title')}</Link>
        </Flex>
      </div>
      <Tabs
        activeKey={view}
        onChange={(key) => set('view', key === 'pending' ? undefined : key)}
        items={VIEWS.map((key) => ({ key, label: t(`serviceAdmission.list.views.${key}`) }))}
      />
      <Form layout="vertical" className="filter-bar" role="search" aria-label={t('serviceAdmission.list.searchLabel')}>
        <Form.Item label={t('serviceAdmission.list.search')} htmlFor={searchId} style={{ maxWidth: 480 }}>
          <Input.Search
            id={searchId}
            value={text}
            allowClear
            enterButton={t('inbox.filters.search')}
            onChange={(event) => setText(event.target.value)}
            onSearch={(value) => set('q', value.trim() || undefined)}
          />
        </Form.Item>
      </Form>
      {error !== undefined && <ErrorAlert error={error} title={t('serviceAdmission.list.loadFailed')} />}
      {list}
    </section>
  );
}
