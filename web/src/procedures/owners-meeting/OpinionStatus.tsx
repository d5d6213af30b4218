import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../format';
import { lastDayOf, type OpinionData } from './meetingData';

/**
 * The residents' committee's opinion (OM-OPINION): its text, or "none given by the deadline" — shown as a warning,
 * never as consent — or still awaited until the deadline.
 */
export function OpinionStatus({ opinion }: { opinion: OpinionData }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const deadline = lastDayOf(opinion.deadline, language);
  if (opinion.status === 'given') {
    return (
      <Alert
        type="info"
        showIcon
        title={t('ownersMeeting.opinion.given', {
          by: opinion.givenBy ?? '—',
          time: opinion.givenAt ? formatDateTime(opinion.givenAt, language) : '—',
        })}
        description={
          <div className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
            {opinion.text}
          </div>
        }
      />
    );
  }
  if (opinion.status === 'none-by-deadline') {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('ownersMeeting.opinion.noneByDeadline')}
        description={t('ownersMeeting.opinion.noneByDeadlineHelp', { deadline })}
      />
    );
  }
  return <Typography.Text>{t('ownersMeeting.opinion.pending', { deadline })}</Typography.Text>;
}
