import { Card, Descriptions, Spin, Typography } from 'antd';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router-dom';
import { fetchCirculatedToMe, fetchDone, fetchStarted, WORKLISTS, type Worklist } from '../../api/office';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ToneTag } from '../../components/ToneTag';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../procedures/format';
import { procedureName, taskKindName } from '../../procedures/names';
import { CaseStatusTag } from '../cases/caseLabels';
import { decisionLabel } from '../cases/CaseHistory';

interface Row {
  key: string;
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  heading: string;
  fields: { key: string; label: string; children: ReactNode }[];
}

/** 已办, 我发起, 抄送我: one page per list (/worklists/:list), as cards that read on a phone. */
export function WorklistPage() {
  const { list = '' } = useParams();
  if (!(WORKLISTS as readonly string[]).includes(list)) return <Navigate to="/inbox" replace />;
  return <Worklist list={list as Worklist} />;
}

function Worklist({ list }: { list: Worklist }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const { data, error, loading } = useAsyncData<Row[]>(async (signal) => {
    if (list === 'done') {
      return (await fetchDone(signal)).map((d) => ({
        key: d.taskId,
        caseId: d.caseId,
        caseNumber: d.caseNumber,
        caseTitle: d.caseTitle,
        heading: taskKindName(d.kind, language),
        fields: [
          { key: 'org', label: t('office.lists.organization'), children: d.organizationName },
          ...(d.decision ? [{ key: 'decision', label: t('office.lists.decision'), children: decisionLabel(d.decision, t) }] : []),
          ...(d.opinion
            ? [
                {
                  key: 'opinion',
                  label: t('office.lists.opinion'),
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.opinion}</span>,
                },
              ]
            : []),
          {
            key: 'at',
            label: t('office.lists.completedAt'),
            children: d.completedAt ? formatDateTime(d.completedAt, language) : '—',
          },
        ],
      }));
    }
    if (list === 'started') {
      return (await fetchStarted(signal)).map((c) => ({
        key: c.caseId,
        caseId: c.caseId,
        caseNumber: c.caseNumber,
        caseTitle: c.caseTitle,
        heading: procedureName(c.procedure, language),
        fields: [
          { key: 'status', label: t('office.lists.status'), children: <CaseStatusTag status={c.status} /> },
          { key: 'org', label: t('office.lists.organization'), children: c.organizationName },
          { key: 'at', label: t('office.lists.openedAt'), children: formatDateTime(c.openedAt, language) },
        ],
      }));
    }
    return (await fetchCirculatedToMe(signal)).map((c) => ({
      key: c.circulationId,
      caseId: c.caseId,
      caseNumber: c.caseNumber,
      caseTitle: c.caseTitle,
      heading: procedureName(c.procedure, language),
      fields: [
        { key: 'purpose', label: t('office.lists.purpose'), children: c.purpose },
        { key: 'sender', label: t('office.lists.sender'), children: `${c.senderOrganization} ${c.sender}` },
        { key: 'at', label: t('office.lists.sentAt'), children: formatDateTime(c.sentAt, language) },
        {
          key: 'read',
          label: t('office.lists.status'),
          children: c.openedAt ? (
            <ToneTag tone="success">{t('office.lists.readAt', { time: formatDateTime(c.openedAt, language) })}</ToneTag>
          ) : (
            <ToneTag tone="warning">{t('office.lists.unread')}</ToneTag>
          ),
        },
      ],
    }));
  }, `worklist-${list}-${language}`);

  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId}>
        {t(`office.lists.${list}`)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(`office.lists.${list}Help`)}</Typography.Paragraph>
      <ErrorAlert error={error} title={t('office.lists.loadFailed')} />
      {loading && !data && <Spin />}
      {data && data.length === 0 && <Typography.Paragraph>{t('office.lists.empty')}</Typography.Paragraph>}
      <ul className="plain-list" aria-label={t(`office.lists.${list}`)}>
        {data?.map((row) => (
          <li key={row.key}>
            <Card size="small" className="worklist-card">
              <Link
                to={`/cases/${row.caseId}`}
                className="text-link break-anywhere"
                style={{ display: 'inline-block', minHeight: 44, paddingBlock: 10 }}
              >
                {row.caseNumber} {row.caseTitle}
              </Link>
              <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                {row.heading}
              </Typography.Paragraph>
              <Descriptions size="small" column={1} items={row.fields} />
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
