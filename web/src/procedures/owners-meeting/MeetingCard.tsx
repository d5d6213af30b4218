import { Alert, Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../api/cases';
import { meetingDataOf, type MeetingData } from './meetingData';
import { MeetingSummary } from './MeetingSummary';
import { OpinionStatus } from './OpinionStatus';

/**
 * The meeting a task is about, above the task's form: the registration and, once heard, the residents' committee's
 * opinion — so the owners' committee sees it before and after the meeting.
 */
export function MeetingCard({
  record,
  showOpinion = true,
  children,
}: {
  record: CaseRecord;
  showOpinion?: boolean;
  children?: (data: MeetingData) => ReactNode;
}) {
  const { t } = useTranslation();
  const data = meetingDataOf(record);
  if (!data) return <Alert type="error" showIcon title={t('ownersMeeting.task.noMeeting')} />;
  return (
    <>
      <Card size="small" title={<h3 className="card-heading">{t('ownersMeeting.task.meeting')}</h3>} style={{ marginBottom: 16 }}>
        <MeetingSummary meeting={data.meeting} />
      </Card>
      {showOpinion && (
        <Card
          size="small"
          title={<h3 className="card-heading">{t('ownersMeeting.opinion.title')}</h3>}
          style={{ marginBottom: 16 }}
        >
          <OpinionStatus opinion={data.opinion} />
        </Card>
      )}
      {children?.(data)}
    </>
  );
}
