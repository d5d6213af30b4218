import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RefusedNotice } from './api';
import { ToneTag } from '../../components/ToneTag';
import { currentLanguage } from '../../i18n';
import { formatDateTime, formatDay } from '../format';
import { ruleName } from '../../i18n/labels';

/** Registrations the API refused because the owners or the residents' committee were notified too late. */
export function RefusedNotices({ notices }: { notices: RefusedNotice[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (notices.length === 0) return <Typography.Text>{t('ownersMeeting.refused.empty')}</Typography.Text>;
  return (
    <ul className="plain-list meeting-grid" aria-label={t('ownersMeeting.refused.title')}>
      {notices.map((n, index) => (
        <li key={`${n.at}-${index}`}>
          <Card size="small" className="task-card">
            <div className="break-anywhere">
              <Typography.Text strong>{n.ownersCommittee.name}</Typography.Text> · {t(`ownersMeeting.types.${n.meetingType}`)}
            </div>
            <div className="break-anywhere">
              {t('ownersMeeting.refused.detail', {
                notice: formatDay(n.noticeDate, language),
                meeting: formatDay(n.meetingDate, language),
                earliest: formatDay(n.earliestMeetingDate, language),
              })}
            </div>
            <div>
              {n.failedRules.map((id) => (
                <ToneTag key={id} tone="error">
                  {ruleName(id, language)} <span>{id}</span>
                </ToneTag>
              ))}
              <Typography.Text type="secondary">{formatDateTime(n.at, language)}</Typography.Text>
            </div>
          </Card>
        </li>
      ))}
    </ul>
  );
}
