import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Grid, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../components/ErrorAlert';
import { ToneTag } from '../components/ToneTag';
import { useAsyncData } from '../hooks/useAsyncData';
import { currentLanguage } from '../i18n';
import { useMe } from '../session/context';
import '../procedures/procedures.css';
import { YearField, yearFromParams } from './YearField';
import './dashboard.css';
import { fetchIndicators, indicatorsExportUrl, indicatorsReportUrl, type CommunityIndicators } from './api';
import { EChart, type ChartOption } from './EChart';
import { CentresCard } from './CentresCard';

type Indicator = CommunityIndicators['indicators'][number];

const ratioPercent = (ratio: string) => {
  const [num, den] = ratio.split('/').map(Number);
  return ((num ?? 0) * 100) / (den ?? 1);
};

/**
 * 社区建设目标看板 (issue 22): for the caller's area (a township, county or city) and a year, each target of the source
 * policy (the CT-* rules, evaluated on the server from the communities' profiles, compared exactly) as the share of
 * communities that meet it against its target, the communities that miss it (each a link to its profile), the areas
 * below, the trend over five years and the election figures. Charts are drawn with ECharts; every figure is also text.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const areaId = useId();
  const me = useMe();
  const phone = Grid.useBreakpoint().md !== true;
  const [params, setParams] = useSearchParams();
  const year = yearFromParams(params);
  const organizationId = params.get('organizationId') ?? '';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const { data, error, loading } = useAsyncData(
    (signal) => fetchIndicators(year, organizationId || undefined, signal),
    `${me.membership?.id ?? ''}-${year}-${organizationId}`,
  );

  const ruleText = (id: string) => data?.rules.find((r) => r.id === id);
  const short = (id: string) => t(`dashboard.short.${id}`, { defaultValue: id });
  const communityName = new Map((data?.communities ?? []).map((c) => [c.communityOrgId, c.name]));

  const rateOption = useMemo<ChartOption>(() => {
    const indicators = [...(data?.indicators ?? [])].reverse();
    return {
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('dashboard.chart.rate'), t('dashboard.chart.target')] },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: indicators.map((i) => short(i.id)),
        axisLabel: { width: phone ? 84 : 160, overflow: 'truncate' },
      },
      series: [
        {
          name: t('dashboard.chart.rate'),
          type: 'bar',
          data: indicators.map((i) => ({
            value: i.percent ?? 0,
            itemStyle: { color: i.evaluated === 0 ? '#bfbfbf' : i.meetsTarget ? '#237804' : '#a8071a' },
          })),
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
        {
          name: t('dashboard.chart.target'),
          type: 'line',
          data: indicators.map((i) => ratioPercent(i.target)),
          symbol: 'diamond',
          symbolSize: 10,
          lineStyle: { opacity: 0 },
          itemStyle: { color: '#0958d9' },
        },
      ],
    };
  }, [data, phone, language]);

  const trendOption = useMemo<ChartOption>(() => {
    const trend = data?.trend ?? [];
    const ids = data?.indicators.map((i) => i.id) ?? [];
    return {
      grid: { left: 8, right: 16, top: phone ? 96 : 64, bottom: 8, containLabel: true },
      legend: { type: 'scroll', top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: trend.map((y) => String(y.year)) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: ids.map((id) => ({
        name: short(id),
        type: 'line',
        connectNulls: false,
        data: trend.map((y) => y.indicators.find((i) => i.id === id)?.percent ?? null),
      })),
    };
  }, [data, phone, language]);

  const missingLinks = (i: Indicator) =>
    i.missing.length === 0 ? (
      '—'
    ) : (
      <span className="missing-communities">
        {i.missing.map((id, n) => (
          <span key={id}>
            {n > 0 && '、'}
            <Link to={`/community-profiles/${id}/${year}`}>{communityName.get(id) ?? id}</Link>
          </span>
        ))}
      </span>
    );

  const outcome = (i: Indicator) =>
    i.evaluated === 0 ? (
      <ToneTag tone="neutral">{t('dashboard.noData')}</ToneTag>
    ) : i.meetsTarget ? (
      <ToneTag tone="success">{t('dashboard.meets')}</ToneTag>
    ) : (
      <ToneTag tone="error">{t('dashboard.misses')}</ToneTag>
    );

  const e = data?.elections;

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId}>
          {t('dashboard.title')}
          {data ? ` · ${data.organization.name}` : ''}
        </Typography.Title>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={indicatorsExportUrl(year, organizationId || undefined)}
            download
            disabled={!data}
          >
            {t('dashboard.exportExcel')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            href={indicatorsReportUrl(year, organizationId || undefined)}
            target="_blank"
            disabled={!data}
          >
            {t('dashboard.exportPdf')}
          </Button>
        </Space>
      </div>
      <Form layout="vertical" className="filter-bar" role="search" aria-label={t('dashboard.filter')}>
        <div className="filter-bar-grid">
          <YearField year={year} onChange={(v) => set('year', v)} />
          <Form.Item label={t('dashboard.area')} htmlFor={areaId}>
            <Select
              id={areaId}
              value={organizationId}
              onChange={(v) => set('organizationId', v)}
              options={[
                { value: '', label: t('dashboard.wholeScope') },
                ...(data?.areas ?? []).map((a) => ({ value: a.organizationId, label: a.name })),
                ...(organizationId && data && !data.areas.some((a) => a.organizationId === organizationId)
                  ? [{ value: organizationId, label: data.organization.name }]
                  : []),
              ]}
            />
          </Form.Item>
        </div>
      </Form>
      {error !== undefined && <ErrorAlert error={error} title={t('dashboard.loadFailed')} />}

      <Card
        title={<h3 className="card-heading">{t('dashboard.indicators')}</h3>}
        loading={loading && !data}
        style={{ marginBottom: 16 }}
      >
        {data && (
          <>
            <Typography.Paragraph type="secondary">
              {t('dashboard.basis', {
                communities: data.communities.length,
                withProfile: data.communities.filter((c) => c.hasProfile).length,
                year,
              })}
            </Typography.Paragraph>
            <EChart
              option={rateOption}
              height={Math.max(320, data.indicators.length * 34 + 48)}
              label={t('dashboard.chart.rateLabel', {
                summary: data.indicators.map((i) => `${short(i.id)} ${i.percent ?? '—'}%（${i.met}/${i.evaluated}）`).join('；'),
              })}
            />
          </>
        )}
      </Card>

      <Card title={<h3 className="card-heading">{t('dashboard.table')}</h3>} style={{ marginBottom: 16 }}>
        {phone ? (
          <ul className="plain-list" aria-label={t('dashboard.table')} aria-busy={loading}>
            {(data?.indicators ?? []).map((i) => (
              <li key={i.id} data-rule={i.id} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
                <Typography.Text strong>{ruleText(i.id)?.text[language]}</Typography.Text>
                <div>
                  <span data-field="met">{`${i.met} / ${i.evaluated}`}</span>
                  {' · '}
                  {i.percent ?? '—'}%{' · '}
                  {t('dashboard.targetShort', { target: ratioPercent(i.target) })} {outcome(i)}
                </div>
                <Typography.Text type="secondary">
                  {i.id} · {ruleText(i.id)?.citation}
                </Typography.Text>
                <div>
                  {t('dashboard.missing')}：{missingLinks(i)}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <Table<Indicator>
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={data?.indicators ?? []}
            pagination={false}
            onRow={(i) => ({ 'data-rule': i.id }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'rule',
                title: t('dashboard.columns.rule'),
                render: (_, i) => (
                  <>
                    <div>{ruleText(i.id)?.text[language]}</div>
                    <Typography.Text type="secondary">
                      {i.id} · {ruleText(i.id)?.citation}
                    </Typography.Text>
                  </>
                ),
              },
              {
                key: 'threshold',
                title: t('dashboard.columns.threshold'),
                render: (_, i) => ruleText(i.id)?.threshold[language],
              },
              {
                key: 'met',
                title: t('dashboard.columns.met'),
                render: (_, i) => <span data-field="met">{`${i.met} / ${i.evaluated}`}</span>,
              },
              { key: 'rate', title: t('dashboard.columns.rate'), render: (_, i) => (i.percent === null ? '—' : `${i.percent}%`) },
              { key: 'target', title: t('dashboard.columns.target'), render: (_, i) => `${ratioPercent(i.target)}%` },
              { key: 'outcome', title: t('dashboard.columns.outcome'), render: (_, i) => outcome(i) },
              { key: 'missing', title: t('dashboard.missing'), render: (_, i) => missingLinks(i) },
            ]}
          />
        )}
      </Card>

      <CentresCard data={data} loading={loading} year={year} />

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={<h3 className="card-heading">{t('dashboard.areas')}</h3>} loading={loading && !data}>
            {data && data.areas.length === 0 && <Typography.Text type="secondary">{t('dashboard.noAreas')}</Typography.Text>}
            <ul className="plain-list" aria-label={t('dashboard.areas')}>
              {(data?.areas ?? []).map((a) => {
                const meeting = a.indicators.filter((i) => i.meetsTarget).length;
                const evaluated = a.indicators.filter((i) => i.evaluated > 0).length;
                return (
                  <li key={a.organizationId}>
                    <Button type="link" onClick={() => set('organizationId', a.organizationId)} style={{ padding: 0 }}>
                      {a.name}
                    </Button>{' '}
                    {t('dashboard.areaSummary', { meeting, evaluated })}
                  </li>
                );
              })}
            </ul>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h3 className="card-heading">{t('dashboard.elections')}</h3>} loading={loading && !data}>
            {e && (
              <Row gutter={[16, 16]}>
                <Col xs={12} md={8}>
                  <Statistic
                    title={t('dashboard.directRate')}
                    value={e.directElection.percent ?? '—'}
                    suffix={e.directElection.percent === null ? undefined : '%'}
                  />
                  <Typography.Text
                    type="secondary"
                    data-field="direct-election"
                  >{`${e.directElection.direct} / ${e.directElection.total}`}</Typography.Text>
                </Col>
                <Col xs={12} md={8}>
                  <Statistic title={t('dashboard.migrantsApproved')} value={e.migrantApplications.approved} />
                </Col>
                <Col xs={12} md={8}>
                  <Statistic title={t('dashboard.migrantsRefused')} value={e.migrantApplications.refused} />
                </Col>
                <Col xs={12} md={8}>
                  <Statistic title={t('dashboard.objections')} value={e.objections.total} />
                  <Typography.Text type="secondary">{t('dashboard.objectionsDetail', e.objections)}</Typography.Text>
                </Col>
                <Col xs={12} md={8}>
                  <Statistic title={t('dashboard.lateLists')} value={e.lateLists} />
                </Col>
              </Row>
            )}
          </Card>
        </Col>
      </Row>

      <Card
        title={<h3 className="card-heading">{t('dashboard.prompts')}</h3>}
        loading={loading && !data}
        style={{ marginBottom: 16 }}
      >
        {data && data.prompts.length === 0 && <Typography.Text type="secondary">{t('dashboard.noPrompts')}</Typography.Text>}
        <ul className="plain-list dashboard-prompts" aria-label={t('dashboard.prompts')} data-list="prompts">
          {(data?.prompts ?? []).map((p) => (
            <li key={`${p.communityOrgId}-${p.kind}-${p.message.en}`} data-prompt={p.kind}>
              <ToneTag tone="warning">{t(`dashboard.short.${p.ruleId}`, { defaultValue: p.ruleId })}</ToneTag>{' '}
              <Link to={`/community-profiles/${p.communityOrgId}/${year}`}>{p.message[language]}</Link>
            </li>
          ))}
        </ul>
      </Card>

      <Card title={<h3 className="card-heading">{t('dashboard.trend')}</h3>} loading={loading && !data}>
        {data && (
          <EChart
            option={trendOption}
            height={phone ? 380 : 340}
            label={t('dashboard.chart.trendLabel', {
              summary: data.trend
                .map((y) => `${y.year}：${t('dashboard.withProfiles', { n: y.communitiesWithProfile })}`)
                .join('；'),
            })}
          />
        )}
      </Card>
    </section>
  );
}
