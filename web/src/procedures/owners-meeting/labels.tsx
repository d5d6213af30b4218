import { useTranslation } from 'react-i18next';
import { ToneTag } from '../../components/ToneTag';

/** 民法典 Art. 278: a special matter needs three quarters, an ordinary one more than half. */
export function MatterTag({ matter }: { matter: 'special' | 'ordinary' }) {
  const { t } = useTranslation();
  return <ToneTag tone={matter === 'special' ? 'warning' : 'neutral'}>{t(`ownersMeeting.matters.${matter}`)}</ToneTag>;
}

/** Whether an agenda item passed (undefined or null: not voted yet). */
export function ItemOutcomeTag({ passed }: { passed: boolean | null | undefined }) {
  const { t } = useTranslation();
  if (passed === null || passed === undefined) return <ToneTag tone="neutral">{t('ownersMeeting.outcome.pending')}</ToneTag>;
  return passed ? (
    <ToneTag tone="success">{t('ownersMeeting.outcome.passed')}</ToneTag>
  ) : (
    <ToneTag tone="error">{t('ownersMeeting.outcome.failed')}</ToneTag>
  );
}

const OPINION_TONES = { pending: 'neutral', given: 'success', 'none-by-deadline': 'warning' } as const;

/** OM-OPINION status: awaited, given, or none by the deadline (never consent). */
export function OpinionTag({ status }: { status: keyof typeof OPINION_TONES }) {
  const { t } = useTranslation();
  return <ToneTag tone={OPINION_TONES[status]}>{t(`ownersMeeting.opinionStatus.${status}`)}</ToneTag>;
}

const REPORT_TONES = { pending: 'neutral', given: 'info', none: 'success', 'none-by-deadline': 'neutral' } as const;

/** OM-REPORT: the decisions were reported; the residents' committee's suggestions (given, none, awaited). */
export function ReportTag({ status }: { status: keyof typeof REPORT_TONES }) {
  const { t } = useTranslation();
  return <ToneTag tone={REPORT_TONES[status]}>{t(`ownersMeeting.reportStatus.${status}`)}</ToneTag>;
}

/** Why the supervising office should look at a meeting. */
export function AttentionTag({ flag }: { flag: 'opinion-missing' | 'no-quorum' | 'posted-late' }) {
  const { t } = useTranslation();
  return <ToneTag tone="error">{t(`ownersMeeting.attention.${flag}`)}</ToneTag>;
}
