import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ruleLines } from '../../components/RuleResults';
import { isValidIsoDate, type IsoDate } from '../../../../domain/clock';
import { earliestValidMeetingDate, noticeRules, type MeetingType } from '../../../../domain/rules/owners-meeting';
import { currentLanguage } from '../../i18n';
import { MeetingRules } from './MeetingRules';

export interface NoticeValues {
  meetingType?: MeetingType;
  noticeDate?: string;
  meetingDate?: string;
  residentsCommitteeInformedDate?: string;
}

/** OM-NOTICE / OM-INFORM on the statutory clock, as the API will check them; undefined while dates are missing. */
export function evaluateNotice(values: NoticeValues, today: IsoDate) {
  const { meetingType, noticeDate, meetingDate } = values;
  if (!meetingType || !noticeDate || !meetingDate || !isValidIsoDate(noticeDate) || !isValidIsoDate(meetingDate))
    return undefined;
  const informed =
    values.residentsCommitteeInformedDate && isValidIsoDate(values.residentsCommitteeInformedDate)
      ? values.residentsCommitteeInformedDate
      : today;
  // The system informs the residents' committee today: its opinion period runs from today, whatever date is declared.
  const facts = { meetingType, noticeDate, meetingDate, residentsCommitteeInformedDate: informed, systemInformedDate: today };
  const rules = noticeRules(facts);
  const passed = rules.every((r) => r.passed);
  return { rules, passed, earliest: passed ? undefined : earliestValidMeetingDate(facts) };
}

/** The earliest valid meeting date, with one click to use it. */
export function UseEarliestDate({ date, onUse }: { date: IsoDate; onUse: (date: IsoDate) => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('ownersMeeting.register.earliest', { date })}
      action={
        <Button size="small" onClick={() => onUse(date)}>
          {t('ownersMeeting.register.useEarliest', { date })}
        </Button>
      }
    />
  );
}

/**
 * The notice rules while the owners' committee fills in the registration: the same pure functions the API refuses a
 * late notice with (domain/rules/owners-meeting.ts), and the earliest meeting date that would pass.
 */
export function LiveNoticeCheck({
  values,
  today,
  onUseDate,
}: {
  values: NoticeValues;
  today: IsoDate;
  onUseDate: (date: IsoDate) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const result = evaluateNotice(values, today);
  return (
    <div>
      <Typography.Paragraph strong role="status">
        {!result
          ? t('ownersMeeting.register.noticeIncomplete')
          : result.passed
            ? t('ownersMeeting.register.noticeOk')
            : t('ownersMeeting.register.noticeLate')}
      </Typography.Paragraph>
      {result?.earliest && <UseEarliestDate date={result.earliest} onUse={onUseDate} />}
      {result && <MeetingRules label={t('ownersMeeting.register.noticeRules')} rules={ruleLines(result.rules, language)} />}
    </div>
  );
}
