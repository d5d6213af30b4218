import { App, Button, Card, Descriptions, Table, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { EDUCATION_NAMES, POSITION_NAMES } from '../../../domain/forms/community-profile';
import { evaluateCommunity } from '../../../domain/rules/community-targets';
import { formatChinaTime } from '../../../domain/china-time';
import { ErrorAlert } from '../components/ErrorAlert';
import { ToneTag } from '../components/ToneTag';
import { useAsyncData } from '../hooks/useAsyncData';
import { currentLanguage } from '../i18n';
import { canAccess, useMe } from '../session/context';
import { ApiError } from '../api/client';
import { confirmProfile, fetchProfile, fetchProfileHistory, type CommunityProfile } from './api';
import { ProfileEditForm } from './ProfileEditForm';

/**
 * A community's profile of a year (the dashboard's click-through): its figures, committee members with their
 * trainings, estates, how it fares on each profile-based target (the same rules the dashboard counts), who changed it
 * when (the audit trail), and — for the township above it — the confirmation.
 */
export function CommunityProfilePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const me = useMe();
  const { message } = App.useApp();
  const { communityOrgId = '', year: yearText = '' } = useParams();
  const year = Number(yearText);
  const profile = useAsyncData((signal) => fetchProfile(communityOrgId, year, signal), `${communityOrgId}-${year}`);
  const history = useAsyncData((signal) => fetchProfileHistory(communityOrgId, year, signal), `${communityOrgId}-${year}-h`);
  const [confirming, setConfirming] = useState(false);
  const [confirmError, setConfirmError] = useState<unknown>();
  const [editing, setEditing] = useState(false);
  const p = profile.data;
  // The community's own residents' committee keeps its profile (api/authz/community-profile-scope.ts mayKeep).
  const mayKeep = me.membership?.role === 'RESIDENTS_COMMITTEE_OFFICIAL' && me.membership.organizationId === communityOrgId;
  const missing = profile.error instanceof ApiError && profile.error.status === 404;

  const saved = (next: CommunityProfile) => {
    profile.setData(next);
    setEditing(false);
    history.reload();
    void message.success(t('dashboard.profileForm.saved'));
  };

  const confirm = async (current: CommunityProfile) => {
    setConfirming(true);
    setConfirmError(undefined);
    try {
      profile.setData(await confirmProfile(communityOrgId, year, current.version));
      history.reload();
      void message.success(t('dashboard.profile.confirmed'));
    } catch (caught) {
      setConfirmError(caught);
    } finally {
      setConfirming(false);
    }
  };

  const results = p ? evaluateCommunity({ year, profile: p, latestElectionMethod: null }) : [];

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId}>
          {p ? t('dashboard.profile.title', { community: p.community, year }) : t('dashboard.profile.titlePlain')}
        </Typography.Title>
        <Link to={`/dashboard?year=${year}`}>{t('dashboard.profile.back')}</Link>
      </div>
      {profile.error !== undefined && !(missing && mayKeep) && (
        <ErrorAlert error={profile.error} title={t('dashboard.profile.loadFailed')} />
      )}
      {confirmError !== undefined && <ErrorAlert error={confirmError} title={t('dashboard.profile.confirmFailed')} />}
      {missing && mayKeep && !editing && (
        <Card style={{ marginBottom: 16 }}>
          <Typography.Paragraph>{t('dashboard.profileForm.noProfile')}</Typography.Paragraph>
          <Button type="primary" onClick={() => setEditing(true)}>
            {t('dashboard.profileForm.create')}
          </Button>
        </Card>
      )}
      {editing && (
        <ProfileEditForm
          key={`${p?.version ?? 0}`}
          communityOrgId={communityOrgId}
          year={year}
          profile={p ?? null}
          onSaved={saved}
          onCancel={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            profile.reload();
            history.reload();
          }}
        />
      )}
      <Card loading={profile.loading && !p} style={{ marginBottom: 16 }} hidden={editing || (missing && !p)}>
        {p && (
          <>
            <div style={{ marginBottom: 12 }}>
              {p.status === 'CONFIRMED' ? (
                <ToneTag tone="success">{t('dashboard.profile.statusConfirmed')}</ToneTag>
              ) : (
                <ToneTag tone="warning">{t('dashboard.profile.statusDraft')}</ToneTag>
              )}
              {p.status === 'DRAFT' && canAccess(me, 'community-profiles.confirm') && (
                <Button type="primary" loading={confirming} onClick={() => void confirm(p)} style={{ marginLeft: 8 }}>
                  {t('dashboard.profile.confirm')}
                </Button>
              )}
              {mayKeep && (
                <Button onClick={() => setEditing(true)} style={{ marginLeft: 8 }}>
                  {t('dashboard.profileForm.edit')}
                </Button>
              )}
            </div>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={(
                [
                  'households',
                  'residents',
                  'socialWorkers',
                  'socialOrganizations',
                  'registeredVolunteers',
                  'volunteerServiceResidents',
                  'partyMembers',
                  'partyMemberVolunteers',
                  'officeSpaceM2',
                  'serviceCentreM2',
                ] as const
              ).map((key) => ({ key, label: t(`dashboard.fields.${key}`), children: String(p[key]) }))}
            />
          </>
        )}
      </Card>
      {p && !editing && (
        <>
          <Card title={<h3 className="card-heading">{t('dashboard.profile.results')}</h3>} style={{ marginBottom: 16 }}>
            <ul className="plain-list">
              {results.map((r) => (
                <li key={r.id}>
                  {r.passed ? (
                    <ToneTag tone="success">{t('dashboard.meets')}</ToneTag>
                  ) : (
                    <ToneTag tone="error">{t('dashboard.misses')}</ToneTag>
                  )}{' '}
                  {t(`dashboard.short.${r.id}`, { defaultValue: r.id })}：{r.detail[language]}
                </li>
              ))}
            </ul>
          </Card>
          <Card title={<h3 className="card-heading">{t('dashboard.profile.members')}</h3>} style={{ marginBottom: 16 }}>
            <Table
              rowKey="name"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={p.committeeMembers}
              columns={[
                { key: 'name', title: t('dashboard.fields.name'), dataIndex: 'name' },
                {
                  key: 'position',
                  title: t('dashboard.fields.position'),
                  render: (_, m) => POSITION_NAMES[m.position][language],
                },
                {
                  key: 'education',
                  title: t('dashboard.fields.education'),
                  render: (_, m) => EDUCATION_NAMES[m.education][language],
                },
                { key: 'trainings', title: t('dashboard.fields.trainings'), render: (_, m) => m.trainings.join('、') || '—' },
              ]}
            />
          </Card>
          <Card title={<h3 className="card-heading">{t('dashboard.profile.estates')}</h3>} style={{ marginBottom: 16 }}>
            <Table
              rowKey="name"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={p.estates}
              columns={[
                { key: 'name', title: t('dashboard.fields.estate'), dataIndex: 'name' },
                { key: 'households', title: t('dashboard.fields.households'), dataIndex: 'households' },
                { key: 'occupied', title: t('dashboard.fields.occupiedHouseholds'), dataIndex: 'occupiedHouseholds' },
                {
                  key: 'isNew',
                  title: t('dashboard.fields.isNew'),
                  render: (_, e) => (e.isNew ? t('dashboard.yes') : t('dashboard.no')),
                },
                {
                  key: 'hasCommittee',
                  title: t('dashboard.fields.hasCommittee'),
                  render: (_, e) => (e.hasCommittee ? t('dashboard.yes') : t('dashboard.no')),
                },
              ]}
            />
          </Card>
        </>
      )}
      <Card title={<h3 className="card-heading">{t('dashboard.profile.history')}</h3>} loading={history.loading && !history.data}>
        <ul className="plain-list">
          {(history.data ?? []).map((h) => (
            <li key={`${h.at}-${h.action}`}>
              {formatChinaTime(h.at, language)} · {h.actor ?? '—'} ·{' '}
              {t(`dashboard.actions.${h.action.replace('community-profile.', '')}`, { defaultValue: h.action })}
              {h.changed.length > 0 && ` · ${h.changed.map((f) => t(`dashboard.fields.${f}`, { defaultValue: f })).join('、')}`}
            </li>
          ))}
        </ul>
      </Card>
    </section>
  );
}
