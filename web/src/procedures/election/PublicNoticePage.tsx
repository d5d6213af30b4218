import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Spin, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ToneTag } from '../../components/ToneTag';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import { formatDay } from '../format';
import '../procedures.css';
import './elections.css';
import { fetchPublicNotice, noticePdfUrl, type PublicNotice } from './api';
import { methodName, objectionKindName, objectionStatusName } from './labels';
import { EL_RULES } from '../../../../domain/rules/election';

/** Voters by residents' group, in the order the notice lists them. */
function byGroup(voters: PublicNotice['voters']): [string | null, PublicNotice['voters']][] {
  const groups = new Map<string | null, PublicNotice['voters']>();
  for (const v of voters) groups.set(v.residentsGroup, [...(groups.get(v.residentsGroup) ?? []), v]);
  return [...groups.entries()];
}

/**
 * 选民名单公告 (public, no sign-in): the published voter list as posted on the community's notice board — names and
 * residents' groups only, no ID numbers or addresses — the objection period, the published answers to objections
 * (EL-ANSWER) and, after the vote, the elected; with the printable PDF notice.
 */
export function PublicNoticePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const { electionId = '' } = useParams();
  const { data: n, error } = useAsyncData((signal) => fetchPublicNotice(electionId, signal), electionId);

  if (!n) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      return <Result status="404" title={t('election.notice.notFound')} subTitle={t('election.notice.notFoundHelp')} />;
    }
    if (error !== undefined) return <ErrorAlert error={error} title={t('election.notice.loadFailed')} />;
    return <Spin description={t('election.notice.loading')} />;
  }

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId} className="break-anywhere">
          {t('election.notice.title', { community: n.community })}
        </Typography.Title>
        <Button icon={<DownloadOutlined aria-hidden="true" />} href={noticePdfUrl(n.electionId)} target="_blank" rel="noopener">
          {t('election.notice.pdf')}
        </Button>
      </div>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'date', label: t('election.fields.electionDate'), children: n.electionDate ?? '—' },
            { key: 'method', label: t('election.fields.method'), children: methodName(n.method, language) },
            { key: 'seats', label: t('election.fields.seats'), children: n.seats ?? '—' },
            { key: 'published', label: t('election.fields.listPublishedOn'), children: n.publishedOn ?? '—' },
            { key: 'voters', label: t('election.fields.registeredVoters'), children: n.registeredVoters },
            { key: 'objections', label: t('election.fields.objectionLastDay'), children: n.objectionLastDay ?? '—' },
            ...(n.lateReason ? [{ key: 'late', label: t('election.fields.listLateReason'), children: n.lateReason }] : []),
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          {t('election.notice.objectionHelp', { date: n.objectionLastDay ?? '—' })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {EL_RULES['EL-OBJECT'].citation}
        </Typography.Paragraph>
      </Card>
      {n.elected.length > 0 && (
        <Card title={<h3 className="card-heading">{t('election.notice.elected')}</h3>} style={{ marginBottom: 16 }}>
          <Typography.Paragraph style={{ margin: 0 }}>{n.elected.join('、')}</Typography.Paragraph>
        </Card>
      )}
      <Card
        title={<h3 className="card-heading">{t('election.notice.voters', { count: n.registeredVoters })}</h3>}
        style={{ marginBottom: 16 }}
      >
        <Typography.Paragraph type="secondary">{t('election.notice.privacy')}</Typography.Paragraph>
        <Flex vertical gap={12}>
          {byGroup(n.voters).map(([group, voters]) => (
            <section key={group ?? ''} aria-label={group ?? t('election.notice.noGroup')}>
              <Typography.Title level={4} style={{ fontSize: 15 }}>
                {t('election.notice.group', { group: group ?? t('election.notice.noGroup'), count: voters.length })}
              </Typography.Title>
              <ul className="notice-names" aria-label={group ?? t('election.notice.noGroup')}>
                {voters.map((v, index) => (
                  <li key={`${v.name}-${index}`}>
                    {v.name}
                    {v.migrant && <ToneTag tone="info">{t('election.notice.migrant')}</ToneTag>}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </Flex>
      </Card>
      <Card title={<h3 className="card-heading">{t('election.notice.answers')}</h3>}>
        {n.answers.length === 0 ? (
          <Typography.Text type="secondary">{t('election.notice.noAnswers')}</Typography.Text>
        ) : (
          <ul className="plain-list" aria-label={t('election.notice.answers')}>
            {n.answers.map((a) => (
              <li key={a.number} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
                <Typography.Text strong>
                  {t('election.objections.heading', { number: a.number, kind: objectionKindName(a.kind, t) })} ·{' '}
                  {objectionStatusName(a.decision, t)}
                </Typography.Text>
                {a.answer && <div className="break-anywhere">{a.answer}</div>}
                {a.answeredOn && (
                  <Typography.Text type="secondary">
                    {t('election.notice.answeredOn', { date: formatDay(a.answeredOn, language) })}
                  </Typography.Text>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}
