import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OwnersMeeting } from './api';
import { AttentionTag, OpinionTag, ReportTag } from './labels';
import { currentLanguage } from '../../i18n';
import { formatDay } from '../format';
import { CaseStatusTag } from '../../pages/cases/caseLabels';

/** Meetings as cards (any width): notice, the residents' committee's opinion, the outcome and the report. */
export function MeetingList({ meetings, loading, label }: { meetings: OwnersMeeting[]; loading: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list meeting-grid" aria-label={label} aria-busy={loading}>
      {!loading && meetings.length === 0 && <li>{t('ownersMeeting.list.empty')}</li>}
      {meetings.map((m) => {
        const passed = m.items.filter((i) => i.passed === true).length;
        return (
          <li key={m.caseId}>
            <Card size="small" className="task-card">
              <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }} className="break-anywhere">
                <Link to={`/owners-meetings/${m.caseId}`}>
                  {t(`ownersMeeting.types.${m.meetingType}`)} {formatDay(m.meetingDate, currentLanguage())}
                </Link>
              </Typography.Title>
              <div className="break-anywhere" style={{ margin: '4px 0 8px' }}>
                {m.number} · {m.ownersCommittee.name}
                {m.community ? ` · ${m.community.name}` : ''}
              </div>
              <div style={{ marginBottom: 8 }}>
                <CaseStatusTag status={m.status} />
                {m.attention.map((flag) => (
                  <AttentionTag key={flag} flag={flag} />
                ))}
              </div>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'notice',
                    label: t('ownersMeeting.fields.notice'),
                    children: t('ownersMeeting.list.notice', { date: m.notice.noticeDate, days: m.notice.daysBefore }),
                  },
                  {
                    key: 'opinion',
                    label: t('ownersMeeting.fields.opinion'),
                    children: <OpinionTag status={m.opinion.status} />,
                  },
                  {
                    key: 'outcome',
                    label: t('ownersMeeting.fields.outcome'),
                    children: m.votes
                      ? t('ownersMeeting.list.outcome', { passed, total: m.items.length })
                      : t('ownersMeeting.list.notVoted'),
                  },
                  {
                    key: 'report',
                    label: t('ownersMeeting.fields.report'),
                    children: m.report ? <ReportTag status={m.report.status} /> : t('ownersMeeting.list.notReported'),
                  },
                ]}
              />
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
