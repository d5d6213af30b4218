import { Card, Col, Descriptions, Form, Grid, Row, Select, Statistic, Table, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listOrganizations } from '../../api/organizations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ToneTag } from '../../components/ToneTag';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import '../procedures.css';
import { ELECTION_STATUSES, fetchOverview, type ElectionOverview, type ElectionStatus } from './api';
import { ElectionStatusTag, electionStatusName, methodName } from './labels';
import { useMe } from '../../session/context';
import { ELECTION_RULE_SET, EL_RULES } from '../../../../domain/rules/election';
import { RateChart, StackedBar, type Segment } from './RateChart';
import './elections.css';

type CommunityRow = ElectionOverview['communities'][number];

const TARGET = ELECTION_RULE_SET.directElectionTarget;
const TARGET_PERCENT = (TARGET.num * 100) / TARGET.den;

/** Colours of the status segments: distinct hues, each ≥ 3:1 against the light track. */
const STATUS_COLOURS: Record<ElectionStatus | 'none', string> = {
  SETUP: '#595959',
  REGISTRATION: '#0958d9',
  OBJECTIONS: '#ad4e00',
  CANDIDATES: '#531dab',
  VOTING: '#08979c',
  HANDOVER: '#c41d7f',
  COMPLETED: '#237804',
  CANCELLED: '#8c8c8c',
  none: '#d9d9d9',
};

/**
 * 县级选举总览: every community in the county (or one township) with its latest election and status; the direct-election
 * rate against the 80% target (EL-METHOD, compared exactly on the server); migrant applications approved and refused.
 */
export function OverviewPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const filterId = useId();
  const me = useMe();
  const phone = Grid.useBreakpoint().md !== true;
  const [organizationId, setOrganizationId] = useState('');
  const townships = useAsyncData(async (signal) => {
    const [townshipsList, subdistricts] = await Promise.all([
      listOrganizations({ kind: 'TOWNSHIP' }, signal),
      listOrganizations({ kind: 'SUBDISTRICT' }, signal),
    ]);
    return [...townshipsList, ...subdistricts];
  }, me.membership?.id ?? '');
  const { data, error, loading } = useAsyncData(
    (signal) => fetchOverview(organizationId || undefined, signal),
    `${me.membership?.id ?? ''}-${organizationId}`,
  );

  const rate = data?.directElection;
  const statusCounts: Segment[] = data
    ? [
        ...ELECTION_STATUSES.map((status) => ({
          key: status,
          label: electionStatusName(status, t),
          count: data.communities.filter((c) => c.election?.status === status).length,
          colour: STATUS_COLOURS[status],
        })).filter((s) => s.count > 0),
        {
          key: 'none',
          label: t('election.overview.noElection'),
          count: data.communitiesWithoutElection,
          colour: STATUS_COLOURS.none,
        },
      ]
    : [];
  const apps = data?.migrantApplications;

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId}>
          {t('election.overview.title')}
        </Typography.Title>
        <Link to="/elections">{t('election.detail.backToList')}</Link>
      </div>
      <Form layout="vertical" className="filter-bar" role="search" aria-label={t('election.overview.filter')}>
        <div className="filter-bar-grid">
          <Form.Item label={t('election.overview.township')} htmlFor={filterId}>
            <Select
              id={filterId}
              value={organizationId}
              onChange={setOrganizationId}
              loading={townships.loading}
              options={[
                { value: '', label: t('election.overview.allTownships') },
                ...(townships.data ?? []).map((o) => ({ value: o.id, label: o.name })),
              ]}
            />
          </Form.Item>
        </div>
      </Form>
      {error !== undefined && <ErrorAlert error={error} title={t('election.overview.loadFailed')} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={<h3 className="card-heading">{t('election.overview.directRate')}</h3>} loading={loading && !data}>
            {rate && (
              <>
                <Row gutter={16}>
                  <Col span={12}>
                    <Statistic
                      title={t('election.overview.rate')}
                      value={rate.percent ?? '—'}
                      suffix={rate.percent === null ? undefined : '%'}
                    />
                  </Col>
                  <Col span={12}>
                    <Statistic title={t('election.overview.directOfTotal')} value={`${rate.direct} / ${rate.total}`} />
                  </Col>
                </Row>
                <div style={{ margin: '12px 0 4px' }}>
                  <RateChart
                    percent={rate.percent}
                    targetPercent={TARGET_PERCENT}
                    label={t('election.overview.chartLabel', {
                      percent: rate.percent ?? '—',
                      target: TARGET_PERCENT,
                      direct: rate.direct,
                      total: rate.total,
                    })}
                  />
                </div>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {t('election.overview.target', { target: TARGET_PERCENT })}
                </Typography.Paragraph>
                {rate.total === 0 ? (
                  <ToneTag tone="neutral">{t('election.overview.noMethods')}</ToneTag>
                ) : rate.meetsTarget ? (
                  <ToneTag tone="success">{t('election.overview.meets')}</ToneTag>
                ) : (
                  <ToneTag tone="error">{t('election.overview.misses')}</ToneTag>
                )}
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  EL-METHOD · {EL_RULES['EL-METHOD'].citation}
                </Typography.Paragraph>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={<h3 className="card-heading">{t('election.overview.migrants')}</h3>}
            loading={loading && !data}
            style={{ marginBottom: 16 }}
          >
            {apps && (
              <StackedBar
                label={t('election.overview.migrantsLabel', apps)}
                segments={[
                  { key: 'approved', label: t('election.overview.approved'), count: apps.approved, colour: '#237804' },
                  { key: 'refused', label: t('election.overview.refused'), count: apps.refused, colour: '#a8071a' },
                  { key: 'open', label: t('election.overview.openApplications'), count: apps.open, colour: '#0958d9' },
                ]}
              />
            )}
          </Card>
          <Card title={<h3 className="card-heading">{t('election.overview.byStatus')}</h3>} loading={loading && !data}>
            {data && (
              <StackedBar
                label={t('election.overview.byStatusLabel', {
                  summary: statusCounts.map((s) => `${s.label} ${s.count}`).join('，'),
                })}
                segments={statusCounts}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Card
        title={<h3 className="card-heading">{t('election.overview.communities', { count: data?.communities.length ?? 0 })}</h3>}
      >
        {phone ? (
          <ul className="plain-list" aria-label={t('election.overview.communitiesLabel')} aria-busy={loading}>
            {(data?.communities ?? []).map((c) => (
              <li key={c.communityOrgId} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
                <Typography.Text strong>
                  {c.election ? <Link to={`/elections/${c.election.id}`}>{c.community}</Link> : c.community}
                </Typography.Text>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'township', label: t('election.overview.township'), children: c.township ?? '—' },
                    {
                      key: 'status',
                      label: t('election.fields.status'),
                      children: c.election ? <ElectionStatusTag status={c.election.status} /> : t('election.overview.noElection'),
                    },
                    { key: 'date', label: t('election.fields.electionDate'), children: c.election?.electionDate ?? '—' },
                    { key: 'method', label: t('election.fields.method'), children: methodName(c.election?.method, language) },
                  ]}
                />
              </li>
            ))}
          </ul>
        ) : (
          <Table<CommunityRow>
            rowKey="communityOrgId"
            size="small"
            loading={loading}
            dataSource={data?.communities ?? []}
            pagination={(data?.communities.length ?? 0) > 50 ? { pageSize: 50 } : false}
            columns={[
              {
                key: 'community',
                title: t('election.fields.community'),
                render: (_, c) => (c.election ? <Link to={`/elections/${c.election.id}`}>{c.community}</Link> : c.community),
              },
              { key: 'township', title: t('election.overview.township'), render: (_, c) => c.township ?? '—' },
              {
                key: 'status',
                title: t('election.fields.status'),
                render: (_, c) =>
                  c.election ? <ElectionStatusTag status={c.election.status} /> : t('election.overview.noElection'),
              },
              { key: 'date', title: t('election.fields.electionDate'), render: (_, c) => c.election?.electionDate ?? '—' },
              { key: 'method', title: t('election.fields.method'), render: (_, c) => methodName(c.election?.method, language) },
            ]}
          />
        )}
      </Card>
    </section>
  );
}
