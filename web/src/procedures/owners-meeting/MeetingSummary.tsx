import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MatterTag } from './labels';
import type { RegisteredMeeting } from './meetingData';

/** The registered meeting: type, kind, date, place, notice, and the agenda with each item's matter. */
export function MeetingSummary({
  meeting,
  extra,
}: {
  meeting: RegisteredMeeting;
  extra?: { key: string; label: string; children: ReactNode }[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          {
            key: 'type',
            label: t('ownersMeeting.fields.meetingType'),
            children: t(`ownersMeeting.types.${meeting.meetingType}`),
          },
          { key: 'kind', label: t('ownersMeeting.fields.kind'), children: t(`ownersMeeting.kinds.${meeting.kind}`) },
          { key: 'date', label: t('ownersMeeting.fields.meetingDate'), children: meeting.meetingDate },
          {
            key: 'place',
            label: t('ownersMeeting.fields.place'),
            children: <span className="break-anywhere">{meeting.place}</span>,
          },
          { key: 'notice', label: t('ownersMeeting.fields.noticeDate'), children: meeting.noticeDate },
          {
            key: 'informed',
            label: t('ownersMeeting.fields.informedDate'),
            children: meeting.residentsCommitteeInformedDate,
          },
          ...(extra ?? []),
        ]}
      />
      <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 4 }}>
        {t('ownersMeeting.fields.agenda')}
      </Typography.Paragraph>
      <ol aria-label={t('ownersMeeting.fields.agenda')} style={{ paddingInlineStart: 20, marginTop: 0 }}>
        {meeting.items.map((item) => (
          <li key={item.title} className="break-anywhere">
            {item.title} <MatterTag matter={item.matter} />
          </li>
        ))}
      </ol>
    </>
  );
}
