import { Card, Descriptions, Form, Grid, Input, Select, Table, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { listCases, type CaseStatus, type CaseSummary } from '../../api/cases';
import { caseStatus } from '../../api/schemas/procedures';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import '../../procedures/procedures.css';
import { formatDateTime } from '../../procedures/format';
import { PROCEDURE_IDS, procedureName } from '../../procedures/names';
import { StartConversionButton } from '../../procedures/village-conversion/StartConversionButton';
import { CaseStatusTag, caseStatusName } from './caseLabels';

/** 我的案件: the cases the user may read (their organization's subtree, and those with a task for them). */
export function CasesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const id = useId();
  const screens = Grid.useBreakpoint();
  const phone = screens.md !== true;
  const [search, setSearch] = useSearchParams();
  const procedure = search.get('procedure') ?? undefined;
  const statusParam = caseStatus.safeParse(search.get('status'));
  const status = statusParam.success ? statusParam.data : undefined;
  const q = search.get('q') ?? undefined;
  const [text, setText] = useState(q ?? '');
  const query = { procedure, status, q };
  const { data, error, loading } = useAsyncData((signal) => listCases(query, signal), JSON.stringify(query));

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };

  const cases = data ?? [];
  // An explicit "any" choice instead of a placeholder (antd's placeholder grey misses WCAG AA contrast).
  const any = { value: '', label: t('inbox.filters.any') };
  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId}>
          {t('cases.title')}
        </Typography.Title>
        <StartConversionButton />
      </div>
      <Form layout="vertical" className="filter-bar" role="search" aria-label={t('cases.filters.label')}>
        <div className="filter-bar-grid">
          <Form.Item label={t('cases.filters.q')} htmlFor={`${id}-q`}>
            <Input.Search
              id={`${id}-q`}
              value={text}
              allowClear
              placeholder={t('cases.filters.qPlaceholder')}
              enterButton={t('inbox.filters.search')}
              onChange={(event) => setText(event.target.value)}
              onSearch={(value) => set('q', value.trim() || undefined)}
            />
          </Form.Item>
          <Form.Item label={t('cases.filters.procedure')} htmlFor={`${id}-procedure`}>
            <Select
              id={`${id}-procedure`}
              value={procedure ?? ''}
              onChange={(value: string) => set('procedure', value || undefined)}
              options={[any, ...PROCEDURE_IDS.map((p) => ({ value: p, label: procedureName(p, language) }))]}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item label={t('cases.filters.status')} htmlFor={`${id}-status`}>
            <Select
              id={`${id}-status`}
              value={status ?? ''}
              onChange={(value: CaseStatus | '') => set('status', value || undefined)}
              options={[any, ...caseStatus.options.map((s) => ({ value: s, label: caseStatusName(s, t) }))]}
            />
          </Form.Item>
        </div>
      </Form>
      {error !== undefined && <ErrorAlert error={error} title={t('cases.loadFailed')} />}
      {phone ? (
        <ul className="plain-list" aria-label={t('cases.title')} aria-busy={loading}>
          {!loading && cases.length === 0 && <li>{t('cases.empty')}</li>}
          {cases.map((c) => (
            <li key={c.id}>
              <Card size="small" className="task-card">
                <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }} className="break-anywhere">
                  <Link to={`/cases/${c.id}`}>{c.number}</Link>
                </Typography.Title>
                <div className="break-anywhere" style={{ margin: '4px 0 8px' }}>
                  {c.title}
                </div>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'status', label: t('cases.fields.status'), children: <CaseStatusTag status={c.status} /> },
                    { key: 'procedure', label: t('cases.fields.procedure'), children: procedureName(c.procedure, language) },
                    { key: 'opened', label: t('cases.fields.openedAt'), children: formatDateTime(c.openedAt, language) },
                  ]}
                />
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <Table<CaseSummary>
          rowKey="id"
          loading={loading}
          dataSource={cases}
          pagination={cases.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: <Typography.Text>{t('cases.empty')}</Typography.Text> }}
          columns={[
            { key: 'number', title: t('cases.fields.number'), render: (_, c) => <Link to={`/cases/${c.id}`}>{c.number}</Link> },
            { key: 'title', title: t('cases.fields.title'), dataIndex: 'title' },
            { key: 'procedure', title: t('cases.fields.procedure'), render: (_, c) => procedureName(c.procedure, language) },
            { key: 'status', title: t('cases.fields.status'), render: (_, c) => <CaseStatusTag status={c.status} /> },
            { key: 'opened', title: t('cases.fields.openedAt'), render: (_, c) => formatDateTime(c.openedAt, language) },
          ]}
        />
      )}
    </section>
  );
}
