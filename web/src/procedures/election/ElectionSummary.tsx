import { Card, Col, Descriptions, Row, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/session';
import type { InboxItem } from '../../api/tasks';
import { currentLanguage } from '../../i18n';
import type { ElectionDetail } from './api';
import { applicationStatusName, lawName, methodName, objectionStatusName, positionName } from './labels';
import { latestListPublicationDate } from '../../../../domain/rules/election';
import { isValidIsoDate } from '../../../../domain/clock';
import { OpenSteps } from './OpenSteps';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={<h3 className="card-heading">{title}</h3>} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

interface Round {
  round: string;
  votesCast: number;
  registeredVoters: number;
  seats: number;
  valid: boolean;
  elected: string[];
  candidates: { name: string; votes: number }[];
}

function asRound(value: Record<string, unknown>): Round | undefined {
  const candidates = Array.isArray(value.candidates) ? value.candidates : [];
  if (typeof value.votesCast !== 'number' || typeof value.round !== 'string') return undefined;
  return {
    round: value.round,
    votesCast: value.votesCast,
    registeredVoters: typeof value.registeredVoters === 'number' ? value.registeredVoters : 0,
    seats: typeof value.seats === 'number' ? value.seats : 0,
    valid: value.valid === true,
    elected: Array.isArray(value.elected) ? value.elected.filter((n): n is string => typeof n === 'string') : [],
    candidates: candidates.filter(
      (c): c is { name: string; votes: number } =>
        typeof c === 'object' &&
        c !== null &&
        typeof (c as { name?: unknown }).name === 'string' &&
        typeof (c as { votes?: unknown }).votes === 'number',
    ),
  };
}

/** Counts by status as "label n · label n". */
function counts(values: Record<string, number>, name: (status: string) => string): string {
  const entries = Object.entries(values).filter(([, n]) => n > 0);
  return entries.length === 0 ? '0' : entries.map(([status, n]) => `${name(status)} ${n}`).join(' · ');
}

/** The election's overview: open steps, the statutory calendar, the set-up, counts, candidates and results. */
export function ElectionSummary({ election: e, steps, me }: { election: ElectionDetail; steps: InboxItem[]; me: Me }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const listLatest = e.electionDate && isValidIsoDate(e.electionDate) ? latestListPublicationDate(e.electionDate) : undefined;
  const rounds = e.rounds.map(asRound).filter((r): r is Round => r !== undefined);

  return (
    <>
      {me.membership?.role !== 'APPLICANT' && (
        <Section title={t('election.detail.openSteps')}>
          <OpenSteps items={steps} me={me} />
        </Section>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Section title={t('election.detail.calendar')}>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'date',
                  label: t('election.fields.electionDate'),
                  children: e.electionDate ?? t('election.detail.notSet'),
                },
                { key: 'latest', label: t('election.fields.listLatest'), children: listLatest ?? '—' },
                {
                  key: 'published',
                  label: t('election.fields.listPublishedOn'),
                  children: e.listPublishedOn ?? t('election.detail.notYet'),
                },
                ...(e.listLateReason
                  ? [{ key: 'late', label: t('election.fields.listLateReason'), children: e.listLateReason }]
                  : []),
                { key: 'objections', label: t('election.fields.objectionLastDay'), children: e.objectionLastDay ?? '—' },
                { key: 'handover', label: t('election.fields.handedOverOn'), children: e.handedOverOn ?? '—' },
              ]}
            />
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title={t('election.detail.setup')}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'law', label: t('election.fields.law'), children: lawName(e.law, t) },
                { key: 'seats', label: t('election.fields.seats'), children: e.seats ?? t('election.detail.notSet') },
                {
                  key: 'method',
                  label: t('election.fields.method'),
                  children: e.method ? methodName(e.method, language) : t('election.detail.notSet'),
                },
                {
                  key: 'committee',
                  label: t('election.detail.committee'),
                  children:
                    e.committeeMembers.length === 0
                      ? t('election.detail.notSet')
                      : e.committeeMembers.map((m) => `${m.name}（${positionName(m.position, t)}）`).join('、'),
                },
                {
                  key: 'voters',
                  label: t('election.fields.registeredVoters'),
                  children: e.registeredVoters ?? t('election.detail.notYet'),
                },
                {
                  key: 'applications',
                  label: t('election.detail.applications'),
                  children: counts(e.applications, (s) => applicationStatusName(s, t)),
                },
                {
                  key: 'objectionCounts',
                  label: t('election.detail.objections'),
                  children: counts(e.objections, (s) => objectionStatusName(s, t)),
                },
              ]}
            />
          </Section>
        </Col>
      </Row>
      {(e.candidates.length > 0 || rounds.length > 0) && (
        <Section title={t('election.detail.results')}>
          {e.candidates.length > 0 && (
            <Typography.Paragraph>
              {t('election.detail.candidates')}：{e.candidates.join('、')}
            </Typography.Paragraph>
          )}
          {rounds.map((round, index) => (
            <div key={index} style={{ marginBottom: 12 }}>
              <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                {t(`election.forms.results.rounds.${round.round === 'runoff' ? 'runoff' : 'first'}`)} ·{' '}
                {t('election.detail.roundSummary', {
                  cast: round.votesCast,
                  registered: round.registeredVoters,
                  seats: round.seats,
                })}
                {!round.valid && ` · ${t('election.forms.results.invalid')}`}
              </Typography.Paragraph>
              <Table
                size="small"
                rowKey="name"
                pagination={false}
                dataSource={round.candidates}
                scroll={{ x: 'max-content' }}
                columns={[
                  { key: 'name', title: t('election.fields.name'), dataIndex: 'name' },
                  { key: 'votes', title: t('election.detail.votes'), dataIndex: 'votes' },
                  {
                    key: 'elected',
                    title: t('election.detail.elected'),
                    render: (_, c) => (round.elected.includes(c.name) ? t('rules.yes') : ''),
                  },
                ]}
              />
            </div>
          ))}
          {e.elected.length > 0 && (
            <Typography.Paragraph strong>
              {t('election.detail.elected')}：{e.elected.join('、')}
            </Typography.Paragraph>
          )}
        </Section>
      )}
    </>
  );
}
