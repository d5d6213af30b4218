import { Card, Col, Form, Row, Select, Spin, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchYearlySummary, type CountySummary } from './api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import type { TranslationResources } from '../../i18n';
import '../procedures.css';
import { chinaDate } from '../format';
import { SummaryBars, type Bar } from './SummaryBars';
import './serviceItems.css';

type SummaryField = keyof TranslationResources['serviceAdmission']['summary']['fields'];

const GREEN = '#389e0d';
const RED = '#cf1322';
const GREY = '#8c8c8c';
const BLUE = '#1677ff';
const ORANGE = '#d46b08';

/**
 * 年度准入情况 per county (China calendar year): applications, admissions and renewals, refusals, withdrawals and
 * expiries, what is pending and listed now; the community reports received and their outcomes.
 */
export function SummaryPage() {
  const { t } = useTranslation();
  const headingId = useId();
  const yearId = useId();
  const thisYear = Number(chinaDate(new Date().toISOString()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data, error, loading } = useAsyncData((signal) => fetchYearlySummary(year, signal), String(year));
  const s = (key: SummaryField) => t(`serviceAdmission.summary.fields.${key}`);

  const admission = (c: CountySummary): Bar[] => [
    { key: 'applications', label: s('applications'), value: c.applications, color: BLUE },
    { key: 'admitted', label: s('admitted'), value: c.admitted, color: GREEN },
    { key: 'renewed', label: s('renewed'), value: c.renewed, color: GREEN },
    { key: 'refused', label: s('refused'), value: c.refused, color: RED },
    { key: 'refusedOwnDuty', label: s('refusedOwnDuty'), value: c.refusedOwnDuty, color: RED },
    { key: 'withdrawn', label: s('withdrawn'), value: c.withdrawn, color: GREY },
    { key: 'expired', label: s('expired'), value: c.expired, color: GREY },
    { key: 'pending', label: s('pending'), value: c.pending, color: ORANGE },
    { key: 'listedNow', label: s('listedNow'), value: c.listedNow, color: GREEN },
  ];
  const reports = (c: CountySummary): Bar[] => [
    { key: 'received', label: s('received'), value: c.reports.received, color: BLUE },
    { key: 'answered', label: s('answered'), value: c.reports.answered, color: GREEN },
    { key: 'upheld', label: s('upheld'), value: c.reports.upheld, color: RED },
    { key: 'notUpheld', label: s('notUpheld'), value: c.reports.notUpheld, color: GREY },
    { key: 'answeredLate', label: s('answeredLate'), value: c.reports.answeredLate, color: ORANGE },
    { key: 'escalated', label: s('escalated'), value: c.reports.escalated, color: RED },
    { key: 'reportsPending', label: s('reportsPending'), value: c.reports.pending, color: ORANGE },
  ];
  const counties = data?.counties ?? [];
  const max = Math.max(1, ...counties.flatMap((c) => [...admission(c), ...reports(c)].map((b) => b.value)));

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId}>
          {t('serviceAdmission.summary.title')}
        </Typography.Title>
        <Link to="/service-items">{t('serviceAdmission.list.title')}</Link>
      </div>
      <Form layout="vertical" className="filter-bar">
        <Form.Item label={t('serviceAdmission.summary.year')} htmlFor={yearId} style={{ maxWidth: 200 }}>
          <Select
            id={yearId}
            value={year}
            onChange={(value: number) => setYear(value)}
            options={[0, 1, 2, 3, 4].map((back) => ({ value: thisYear - back, label: String(thisYear - back) }))}
          />
        </Form.Item>
      </Form>
      {error !== undefined && <ErrorAlert error={error} title={t('serviceAdmission.summary.loadFailed')} />}
      {loading && !data && <Spin description={t('serviceAdmission.summary.loading')} />}
      {data && counties.length === 0 && <Typography.Paragraph>{t('serviceAdmission.summary.empty')}</Typography.Paragraph>}
      <Row gutter={[16, 16]}>
        {counties.map((c) => (
          <Col key={c.countyId} xs={24} lg={12}>
            <Card
              title={
                <h3 className="card-heading">
                  {t('serviceAdmission.summary.county', { county: c.countyName, year: data?.year ?? year })}
                </h3>
              }
            >
              <Typography.Paragraph strong>{t('serviceAdmission.summary.admission')}</Typography.Paragraph>
              <SummaryBars bars={admission(c)} max={max} />
              <Typography.Paragraph strong style={{ marginTop: 16 }}>
                {t('serviceAdmission.summary.reports')}
              </Typography.Paragraph>
              <SummaryBars bars={reports(c)} max={max} />
            </Card>
          </Col>
        ))}
      </Row>
    </section>
  );
}
