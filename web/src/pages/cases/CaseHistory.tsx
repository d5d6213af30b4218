import { Descriptions, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../api/cases';
import { currentLanguage } from '../../i18n';
import { formatDateTime, localized } from '../../procedures/format';
import { roleLabel, taskKindName } from '../../procedures/names';

type HistoryEntry = CaseRecord['history'][number];
type WrittenDecision = NonNullable<CaseRecord['writtenDecision']>;

const DECISIONS = [
  'propose',
  'return',
  'forward',
  'approve',
  'refuse',
  'admit',
  'appeal',
  'accept',
  'uphold',
  'reclassify',
  'resubmit',
  'withdraw',
  'upheld',
  'dismissed',
  'request-evidence',
  'reject',
] as const;
type Decision = (typeof DECISIONS)[number];

/** A step's decision in the reader's language (the raw value for one this build does not name). */
export function decisionLabel(decision: string, t: TFunction): string {
  if (decision === 'take-back') return t('flow.takeBackDecision');
  return (DECISIONS as readonly string[]).includes(decision) ? t(`cases.decisions.${decision as Decision}`) : decision;
}

/** 流转记录: each step's decision, opinion, who (name, organization, role) and when (China time). */
export function CaseHistory({ history }: { history: HistoryEntry[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (history.length === 0) return <Typography.Text type="secondary">{t('cases.history.empty')}</Typography.Text>;
  return (
    <ol className="plain-list" aria-label={t('cases.history.listLabel')}>
      {history.map((entry, index) => {
        const step =
          entry.step === 'withdrawn'
            ? t('cases.history.withdrawn')
            : entry.step === 'urged' || entry.step === 'circulated'
              ? t(`office.history.${entry.step}`)
              : entry.stepName
                ? localized(entry.stepName, language)
                : taskKindName(entry.step, language);
        const who = [entry.actorName, entry.organizationName, entry.role ? roleLabel(entry.role, language) : null]
          .filter(Boolean)
          .join(' · ');
        return (
          <li
            key={entry.taskId ?? `${entry.step}-${index}`}
            className="case-history-entry"
            style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}
          >
            <Typography.Text strong className="break-anywhere">
              {step}
            </Typography.Text>
            <dl className="case-history-fields">
              {entry.decision && (
                <>
                  <dt>{t('cases.history.decision')}</dt>
                  <dd>{decisionLabel(entry.decision, t)}</dd>
                </>
              )}
              {entry.returnTo && (
                <>
                  <dt>{t('flow.returnTo')}</dt>
                  <dd>{localized(entry.returnTo, language)}</dd>
                </>
              )}
              {entry.opinion && (
                <>
                  <dt>{t('cases.history.opinion')}</dt>
                  <dd className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
                    {entry.opinion}
                  </dd>
                </>
              )}
              <dt>{t('cases.history.actor')}</dt>
              <dd className="break-anywhere">{who || '—'}</dd>
              <dt>{t('cases.history.at')}</dt>
              <dd>{formatDateTime(entry.at, language)}</dd>
            </dl>
          </li>
        );
      })}
    </ol>
  );
}

/** The county's written decision (批复): number, decision, text, the new committee, who signed and when. */
export function WrittenDecisionCard({ decision }: { decision: WrittenDecision }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const committee = decision.newCommittee;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'number', label: t('cases.writtenDecision.documentNumber'), children: decision.documentNumber || '—' },
        { key: 'decision', label: t('cases.writtenDecision.decision'), children: decisionLabel(decision.decision, t) },
        {
          key: 'text',
          label: t('cases.writtenDecision.text'),
          children: (
            <div className="break-anywhere written-decision-text" style={{ whiteSpace: 'pre-wrap' }}>
              {decision.text}
            </div>
          ),
        },
        ...(committee
          ? [
              {
                key: 'committee',
                label: t('cases.writtenDecision.newCommittee'),
                children: t('cases.writtenDecision.committeeLine', {
                  name: committee.name,
                  area: committee.area,
                  households: committee.households,
                }),
              },
            ]
          : []),
        { key: 'issuer', label: t('cases.writtenDecision.issuer'), children: decision.organizationName },
        { key: 'by', label: t('cases.writtenDecision.decidedBy'), children: decision.decidedBy ?? '—' },
        { key: 'at', label: t('cases.writtenDecision.decidedAt'), children: formatDateTime(decision.decidedAt, language) },
      ]}
    />
  );
}
