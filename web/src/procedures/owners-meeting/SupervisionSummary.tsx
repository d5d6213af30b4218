import { Card, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OwnersMeetingList } from './api';

/**
 * What the sub-district office looks at first: meetings, late notices refused, the residents' committees' opinions
 * given, awaited and missing, and meetings needing attention (counted over the meetings listed).
 */
export function SupervisionSummary({ data }: { data: OwnersMeetingList }) {
  const { t } = useTranslation();
  const count = (status: 'given' | 'pending' | 'none-by-deadline') =>
    data.meetings.filter((m) => m.opinion.status === status).length;
  const figures = [
    { key: 'meetings', value: data.meetings.length },
    { key: 'lateNotices', value: data.refusedNotices.length },
    { key: 'opinionsGiven', value: count('given') },
    { key: 'opinionsPending', value: count('pending') },
    { key: 'opinionsMissing', value: count('none-by-deadline') },
    { key: 'attention', value: data.meetings.filter((m) => m.attention.length > 0).length },
  ] as const;
  return (
    <ul className="plain-list summary-grid" aria-label={t('ownersMeeting.summary.title')}>
      {figures.map((f) => (
        <li key={f.key}>
          <Card size="small">
            <Statistic title={t(`ownersMeeting.summary.${f.key}`)} value={f.value} />
          </Card>
        </li>
      ))}
    </ul>
  );
}
