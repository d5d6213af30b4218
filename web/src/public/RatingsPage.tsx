import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAsyncData } from '../hooks/useAsyncData';
import { currentLanguage } from '../i18n';
import { formatDay } from '../procedures/format';
import { fetchRatingSummary, type RatingSummary } from './api';

const STATE_COLOR = { open: 'blue', overdue: 'red', answered: 'green' } as const;

/** 好差评统计 (county and township): ratings by level and by office in one's area, and every 差评 with its rectification. */
export function RatingsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const { data, error, loading } = useAsyncData((signal) => fetchRatingSummary(signal), 'ratings');
  const day = (date: string | null) => (date ? formatDay(date, language) : '—');
  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId} style={{ marginTop: 0 }}>
        {t('publicService.ratings.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('publicService.ratings.description')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      {data && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title={t('publicService.ratings.total')} value={data.total} />
              </Card>
            </Col>
            {data.byLevel.map((l) => (
              <Col xs={12} md={4} key={l.level}>
                <Card size="small">
                  <Statistic title={l.label[language]} value={l.count} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card title={<h3 className="card-heading">{t('publicService.ratings.byOrganization')}</h3>} style={{ marginTop: 16 }}>
            <Table<RatingSummary['byOrganization'][number]>
              rowKey="organizationId"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              loading={loading}
              locale={{ emptyText: t('publicService.ratings.none') }}
              dataSource={data.byOrganization}
              columns={[
                { key: 'org', title: t('publicService.ratings.organization'), dataIndex: 'organizationName' },
                { key: 'total', title: t('publicService.ratings.count'), dataIndex: 'total' },
                { key: 'poor', title: t('publicService.ratings.poorCount'), dataIndex: 'poor' },
              ]}
            />
          </Card>
          <Card title={<h3 className="card-heading">{t('publicService.ratings.poor')}</h3>} style={{ marginTop: 16 }}>
            <Table<RatingSummary['poor'][number]>
              rowKey="caseNumber"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              locale={{ emptyText: t('publicService.ratings.noPoor') }}
              dataSource={data.poor}
              columns={[
                { key: 'number', title: t('publicService.ratings.caseNumber'), dataIndex: 'caseNumber' },
                { key: 'level', title: t('publicService.rating.level'), render: (_, r) => r.label[language] },
                { key: 'org', title: t('publicService.ratings.organization'), dataIndex: 'organizationName' },
                { key: 'rated', title: t('publicService.ratings.ratedOn'), render: (_, r) => day(r.ratedOn) },
                {
                  key: 'state',
                  title: t('publicService.ratings.state'),
                  render: (_, r) => (
                    <Tag color={STATE_COLOR[r.rectification.state]}>
                      {t(`publicService.ratings.states.${r.rectification.state}`)}
                    </Tag>
                  ),
                },
                { key: 'due', title: t('publicService.ratings.dueOn'), render: (_, r) => day(r.rectification.dueOn) },
                {
                  key: 'answer',
                  title: t('publicService.ratings.answer'),
                  render: (_, r) => <span className="break-anywhere">{r.rectification.answer ?? '—'}</span>,
                },
              ]}
            />
          </Card>
        </>
      )}
    </section>
  );
}
