import { Button, Card, Checkbox, Form, Select, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { listOwnersMeetings, type OwnersMeetingQuery } from './api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import '../procedures.css';
import { canAccess, useMe } from '../../session/context';
import { MeetingList } from './MeetingList';
import './ownersMeetings.css';
import { RefusedNotices } from './RefusedNotices';
import { SupervisionSummary } from './SupervisionSummary';

const MEETING_TYPES = ['assembly', 'committee'] as const;
const OPINIONS = ['pending', 'given', 'none-by-deadline'] as const;
type View = 'ownersCommittee' | 'residentsCommittee' | 'supervision';

function pick<T extends string>(value: string | null, options: readonly T[]): T | undefined {
  return options.find((o) => o === value);
}

/**
 * Owners' meetings as each reader needs them: the owners' committee's own meetings (and registering one), the
 * residents' committee's notices received and decisions, and the supervising office's view of its area with late
 * notices and opinions given or missing.
 */
export function OwnersMeetingsPage() {
  const { t } = useTranslation();
  const headingId = useId();
  const id = useId();
  const me = useMe();
  const navigate = useNavigate();
  const role = me.membership?.role;
  const view: View =
    role === 'OWNERS_COMMITTEE_MEMBER'
      ? 'ownersCommittee'
      : role === 'RESIDENTS_COMMITTEE_OFFICIAL'
        ? 'residentsCommittee'
        : 'supervision';
  const [search, setSearch] = useSearchParams();
  const query: OwnersMeetingQuery = {
    meetingType: pick(search.get('meetingType'), MEETING_TYPES),
    opinion: pick(search.get('opinion'), OPINIONS),
    attention: search.get('attention') === 'true' ? 'true' : undefined,
    limit: 200,
  };
  const { data, error, loading } = useAsyncData((signal) => listOwnersMeetings(query, signal), JSON.stringify(query));
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  const any = { value: '', label: t('ownersMeeting.list.any') };

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={2} id={headingId}>
            {t(`ownersMeeting.list.title.${view}`)}
          </Typography.Title>
          <Typography.Text className="break-anywhere">{me.membership?.organizationName}</Typography.Text>
        </div>
        {canAccess(me, 'owners-meetings.register') && (
          <Button type="primary" onClick={() => void navigate('/owners-meetings/new')}>
            {t('ownersMeeting.register.title')}
          </Button>
        )}
      </div>
      <Typography.Paragraph>{t(`ownersMeeting.list.description.${view}`)}</Typography.Paragraph>
      <Form layout="vertical" className="filter-bar" role="search" aria-label={t('ownersMeeting.list.filters')}>
        <div className="filter-bar-grid">
          <Form.Item label={t('ownersMeeting.fields.meetingType')} htmlFor={`${id}-type`}>
            <Select
              id={`${id}-type`}
              value={query.meetingType ?? ''}
              onChange={(value: string) => set('meetingType', value || undefined)}
              options={[any, ...MEETING_TYPES.map((m) => ({ value: m, label: t(`ownersMeeting.types.${m}`) }))]}
            />
          </Form.Item>
          <Form.Item label={t('ownersMeeting.fields.opinion')} htmlFor={`${id}-opinion`}>
            <Select
              id={`${id}-opinion`}
              value={query.opinion ?? ''}
              onChange={(value: string) => set('opinion', value || undefined)}
              options={[any, ...OPINIONS.map((o) => ({ value: o, label: t(`ownersMeeting.opinionStatus.${o}`) }))]}
            />
          </Form.Item>
          <Form.Item label={t('ownersMeeting.list.attentionFilter')} htmlFor={`${id}-attention`}>
            <Checkbox
              id={`${id}-attention`}
              checked={query.attention === 'true'}
              onChange={(event) => set('attention', event.target.checked ? 'true' : undefined)}
            >
              {t('ownersMeeting.list.attentionOnly')}
            </Checkbox>
          </Form.Item>
        </div>
      </Form>
      {error !== undefined && <ErrorAlert error={error} title={t('ownersMeeting.list.loadFailed')} />}
      {view === 'supervision' && data && <SupervisionSummary data={data} />}
      <MeetingList meetings={data?.meetings ?? []} loading={loading} label={t('ownersMeeting.list.meetings')} />
      {view !== 'residentsCommittee' && (
        <Card title={<h3 className="card-heading">{t('ownersMeeting.refused.title')}</h3>} style={{ marginTop: 16 }}>
          <Typography.Paragraph type="secondary">{t('ownersMeeting.refused.description')}</Typography.Paragraph>
          <RefusedNotices notices={data?.refusedNotices ?? []} />
        </Card>
      )}
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to="/check/owners-meeting" className="text-link">
          {t('ownersMeeting.check.link')}
        </Link>
      </Typography.Paragraph>
    </section>
  );
}
