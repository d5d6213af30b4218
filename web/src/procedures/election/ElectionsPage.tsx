import { Button, Card, Descriptions, Flex, Form, Grid, Select, Table, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import '../procedures.css';
import { ELECTION_STATUSES, listElections, type ElectionStatus, type ElectionSummary } from './api';
import { ElectionStatusTag, electionStatusName, methodName } from './labels';
import { canAccess, useMe } from '../../session/context';
import { StartElectionButton } from './StartElectionButton';

const isStatus = (value: string | null): value is ElectionStatus =>
  (ELECTION_STATUSES as readonly (string | null)[]).includes(value);

/**
 * 居委会选举: the elections the caller sees (the township's communities, the committee's own, the county's), with
 * their status and calendar; the township starts one here. Residents apply from their own page.
 */
export function ElectionsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const filterId = useId();
  const me = useMe();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md !== true;
  const [search, setSearch] = useSearchParams();
  const statusParam = search.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const { data, error, loading, reload } = useAsyncData(
    (signal) => listElections({ status }, signal),
    `${me.membership?.id ?? ''}-${status ?? ''}`,
  );
  if (me.membership?.role === 'APPLICANT') return <Navigate to="/elections/applications" replace />;

  const elections = data ?? [];
  const setStatus = (value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set('status', value);
    else next.delete('status');
    setSearch(next, { replace: true });
  };

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId}>
          {t('election.list.title')}
        </Typography.Title>
        <Flex wrap gap={8}>
          {canAccess(me, 'elections.overview') && (
            <Button onClick={() => void navigate('/elections/overview')}>{t('election.overview.nav')}</Button>
          )}
          <StartElectionButton onStarted={reload} />
        </Flex>
      </div>
      <Typography.Paragraph type="secondary">{t('election.list.description')}</Typography.Paragraph>
      <Form layout="vertical" className="filter-bar" role="search" aria-label={t('election.list.filter')}>
        <div className="filter-bar-grid">
          <Form.Item label={t('election.list.status')} htmlFor={filterId}>
            <Select
              id={filterId}
              value={status ?? ''}
              onChange={setStatus}
              options={[
                { value: '', label: t('inbox.filters.any') },
                ...ELECTION_STATUSES.map((s) => ({ value: s, label: electionStatusName(s, t) })),
              ]}
            />
          </Form.Item>
        </div>
      </Form>
      {error !== undefined && <ErrorAlert error={error} title={t('election.list.loadFailed')} />}
      {phone ? (
        <ul className="plain-list" aria-label={t('election.list.title')} aria-busy={loading}>
          {!loading && elections.length === 0 && <li>{t('election.list.empty')}</li>}
          {elections.map((e) => (
            <li key={e.id}>
              <Card size="small" className="task-card">
                <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }} className="break-anywhere">
                  <Link to={`/elections/${e.id}`}>{e.community}</Link>
                </Typography.Title>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'status', label: t('election.fields.status'), children: <ElectionStatusTag status={e.status} /> },
                    {
                      key: 'number',
                      label: t('election.fields.caseNumber'),
                      children: <span className="break-anywhere">{e.caseNumber}</span>,
                    },
                    { key: 'date', label: t('election.fields.electionDate'), children: e.electionDate ?? '—' },
                    { key: 'voters', label: t('election.fields.registeredVoters'), children: e.registeredVoters ?? '—' },
                  ]}
                />
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <Table<ElectionSummary>
          rowKey="id"
          loading={loading}
          dataSource={elections}
          pagination={elections.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: <Typography.Text>{t('election.list.empty')}</Typography.Text> }}
          columns={[
            {
              key: 'community',
              title: t('election.fields.community'),
              render: (_, e) => <Link to={`/elections/${e.id}`}>{e.community}</Link>,
            },
            { key: 'number', title: t('election.fields.caseNumber'), dataIndex: 'caseNumber' },
            { key: 'status', title: t('election.fields.status'), render: (_, e) => <ElectionStatusTag status={e.status} /> },
            { key: 'date', title: t('election.fields.electionDate'), render: (_, e) => e.electionDate ?? '—' },
            { key: 'seats', title: t('election.fields.seats'), render: (_, e) => e.seats ?? '—' },
            { key: 'method', title: t('election.fields.method'), render: (_, e) => methodName(e.method, language) },
            { key: 'published', title: t('election.fields.listPublishedOn'), render: (_, e) => e.listPublishedOn ?? '—' },
            { key: 'voters', title: t('election.fields.registeredVoters'), render: (_, e) => e.registeredVoters ?? '—' },
          ]}
        />
      )}
    </section>
  );
}
