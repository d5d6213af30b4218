import { DownloadOutlined } from '@ant-design/icons';
import { Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { admittedWorkbookUrl, fetchAdmitted, fetchPublishedReports, listCities } from './api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import '../procedures.css';
import { ruleHeading } from './labels';
import { AdmittedItemsList } from './AdmittedItemsList';
import { PublishedReportsList } from './PublishedReportsList';

/**
 * 社区工作事项准入清单 (public, no sign-in; SA-LIST): the items admitted into the communities of a city, in force now,
 * with search and an Excel export, and the published outcomes of the communities' reports (SA-REPORT).
 */
export function PublicListPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const cityId = useId();
  const searchId = useId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const [text, setText] = useState(q ?? '');
  const cities = useAsyncData((signal) => listCities(signal), 'cities');
  const city = params.get('city') ?? cities.data?.[0]?.id;
  const admitted = useAsyncData(
    async (signal) => (city ? fetchAdmitted({ cityId: city, q }, signal) : undefined),
    `${city ?? ''}|${q ?? ''}`,
  );
  const reports = useAsyncData(async (signal) => (city ? fetchPublishedReports(city, signal) : undefined), city ?? '');

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  useEffect(() => setText(q ?? ''), [q]);

  const items = admitted.data?.items ?? [];
  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId} style={{ marginTop: 0 }}>
        {t('serviceAdmission.public.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('serviceAdmission.public.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{ruleHeading('SA-LIST', language)}</Typography.Paragraph>
      {cities.error !== undefined && <ErrorAlert error={cities.error} title={t('serviceAdmission.public.loadFailed')} />}
      <Form layout="vertical" className="filter-bar" role="search" aria-label={t('serviceAdmission.public.searchLabel')}>
        <div className="filter-bar-grid">
          <Form.Item label={t('serviceAdmission.public.city')} htmlFor={cityId}>
            <Select
              id={cityId}
              value={city}
              loading={cities.loading}
              onChange={(value: string) => set('city', value)}
              options={(cities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item label={t('serviceAdmission.public.search')} htmlFor={searchId}>
            <Input.Search
              id={searchId}
              value={text}
              allowClear
              enterButton={t('inbox.filters.search')}
              onChange={(event) => setText(event.target.value)}
              onSearch={(value) => set('q', value.trim() || undefined)}
            />
          </Form.Item>
        </div>
      </Form>
      <Card
        title={
          <h3 className="card-heading">{t('serviceAdmission.public.listTitle', { city: admitted.data?.city.name ?? '' })}</h3>
        }
        style={{ marginBottom: 16 }}
      >
        <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <Typography.Text role="status">
            {admitted.loading
              ? t('serviceAdmission.public.loading')
              : t('serviceAdmission.public.count', { count: items.length })}
          </Typography.Text>
          {city && (
            <a href={admittedWorkbookUrl({ cityId: city, q })} download className="text-link">
              <DownloadOutlined aria-hidden /> {t('serviceAdmission.public.export')}
            </a>
          )}
        </Flex>
        {admitted.error !== undefined && <ErrorAlert error={admitted.error} title={t('serviceAdmission.public.loadFailed')} />}
        <AdmittedItemsList items={items} loading={admitted.loading} />
      </Card>
      <Card title={<h3 className="card-heading">{t('serviceAdmission.public.reportsTitle')}</h3>}>
        {reports.error !== undefined && <ErrorAlert error={reports.error} title={t('serviceAdmission.public.loadFailed')} />}
        <PublishedReportsList items={reports.data?.items ?? []} loading={reports.loading} />
      </Card>
    </section>
  );
}
