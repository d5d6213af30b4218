import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublishedReport } from './api';
import { ToneTag } from '../../components/ToneTag';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../format';

/** The county's published answers to community reports (SA-REPORT); the committee is named only when it agreed. */
export function PublishedReportsList({ items, loading }: { items: PublishedReport[]; loading: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <ul className="plain-list" aria-label={t('serviceAdmission.public.reportsLabel')} aria-busy={loading}>
      {!loading && items.length === 0 && <li>{t('serviceAdmission.public.noReports')}</li>}
      {items.map((r) => (
        <li key={r.number} style={{ marginBottom: 12 }}>
          <Card size="small" className="task-card">
            <Typography.Title level={4} style={{ fontSize: 15, margin: 0 }} className="break-anywhere">
              <ToneTag tone={r.finding === 'upheld' ? 'error' : 'neutral'}>
                {t(r.finding === 'upheld' ? 'serviceAdmission.answer.upheld' : 'serviceAdmission.answer.notUpheld')}
              </ToneTag>
              {r.itemDescription}
            </Typography.Title>
            <Descriptions
              size="small"
              column={1}
              style={{ marginTop: 8 }}
              items={[
                { key: 'who', label: t('serviceAdmission.report.pushedBy'), children: `${r.pushedBy}（${r.pushedOn}）` },
                {
                  key: 'community',
                  label: t('serviceAdmission.report.community'),
                  children: r.community ?? t('serviceAdmission.public.anonymous'),
                },
                { key: 'county', label: t('serviceAdmission.public.county'), children: r.countyName },
                { key: 'answer', label: t('serviceAdmission.answer.answer'), children: r.answer },
                ...(r.measures ? [{ key: 'measures', label: t('serviceAdmission.answer.measures'), children: r.measures }] : []),
                {
                  key: 'published',
                  label: t('serviceAdmission.public.publishedAt'),
                  children: r.answeredLate
                    ? `${formatDateTime(r.publishedAt, language)}（${t('serviceAdmission.public.late')}）`
                    : formatDateTime(r.publishedAt, language),
                },
              ].map((item) => ({ ...item, children: <span className="break-anywhere">{item.children}</span> }))}
            />
          </Card>
        </li>
      ))}
    </ul>
  );
}
