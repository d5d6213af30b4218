import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ToneTag } from '../components/ToneTag';
import { currentLanguage } from '../i18n';
import './dashboard.css';
import type { CommunityIndicators } from './api';

const CENTRE_AREA_KINDS = ['TOWNSHIP', 'SUBDISTRICT', 'COUNTY'];

/**
 * The service-centre targets on the dashboard (二(三)1): for each of CT-TOWNSHIP-CENTRE and CT-COUNTY-CENTRE, the
 * areas in the scope that meet it of all of them, and the areas that miss it, each a link to its record.
 */
export function CentresCard({ data, loading, year }: { data: CommunityIndicators | undefined; loading: boolean; year: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const own = data && CENTRE_AREA_KINDS.includes(data.organization.kind) ? data.organization : undefined;
  return (
    <Card
      title={<h3 className="card-heading">{t('dashboard.centres.title')}</h3>}
      loading={loading && !data}
      style={{ marginBottom: 16 }}
      extra={own && <Link to={`/service-centres/${own.id}/${year}`}>{t('dashboard.centres.mine')}</Link>}
    >
      <Typography.Paragraph type="secondary">{t('dashboard.centres.basis')}</Typography.Paragraph>
      <ul className="plain-list" aria-label={t('dashboard.centres.title')}>
        {(data?.centres ?? []).map((c) => {
          const missing = c.areas.filter((a) => !a.passed);
          return (
            <li key={c.id} data-rule={c.id} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
              <Typography.Text strong>{c.text[language]}</Typography.Text>
              <div>
                <span data-field="met">{`${c.met} / ${c.evaluated}`}</span>
                {' · '}
                {c.percent === null ? '—' : `${c.percent}%`}{' '}
                {c.evaluated === 0 ? (
                  <ToneTag tone="neutral">{t('dashboard.noData')}</ToneTag>
                ) : c.meetsTarget ? (
                  <ToneTag tone="success">{t('dashboard.meets')}</ToneTag>
                ) : (
                  <ToneTag tone="error">{t('dashboard.misses')}</ToneTag>
                )}
              </div>
              <Typography.Text type="secondary">
                {c.id} · {c.citation} · {c.threshold[language]}
              </Typography.Text>
              {c.evaluated === 0 ? (
                <div>{t('dashboard.centres.noAreas')}</div>
              ) : (
                <div>
                  {t('dashboard.centres.missingAreas')}：
                  {missing.length === 0 ? (
                    t('dashboard.centres.noneMissing')
                  ) : (
                    <ul className="plain-list centre-missing" data-list="missing-areas">
                      {missing.map((a) => (
                        <li key={a.organizationId} data-area={a.organizationId}>
                          <Link to={`/service-centres/${a.organizationId}/${year}`}>{a.name}</Link>
                          {'：'}
                          {a.recorded ? a.detail[language] : t('dashboard.centres.notRecorded')}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
