import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ToneTag, type Tone } from '../../components/ToneTag';
import type { Language } from '../../i18n';
import { ELECTION_METHODS, electionMethodName, type ElectionLaw, type ElectionMethod } from '../../../../domain/rules/election';
import type { ApplicationStatus, ElectionStatus, Objection } from './api';

/** Names and status tags of the election pages, in the reader's language. */

const ELECTION_TONES: Record<ElectionStatus, Tone> = {
  SETUP: 'neutral',
  REGISTRATION: 'info',
  OBJECTIONS: 'warning',
  CANDIDATES: 'info',
  VOTING: 'info',
  HANDOVER: 'info',
  COMPLETED: 'success',
  CANCELLED: 'neutral',
};

export function electionStatusName(status: ElectionStatus, t: TFunction): string {
  return t(`election.status.${status}`);
}

export function ElectionStatusTag({ status }: { status: ElectionStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={ELECTION_TONES[status]}>{electionStatusName(status, t)}</ToneTag>;
}

const APPLICATION_TONES: Record<ApplicationStatus, Tone> = {
  UNDER_REVIEW: 'info',
  EVIDENCE_REQUESTED: 'warning',
  APPROVED: 'success',
  REFUSED: 'error',
};

export function applicationStatusName(status: string, t: TFunction): string {
  return status in APPLICATION_TONES ? t(`election.applicationStatus.${status as ApplicationStatus}`) : status;
}

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={APPLICATION_TONES[status]}>{applicationStatusName(status, t)}</ToneTag>;
}

const OBJECTION_TONES: Record<Objection['status'], Tone> = {
  OPEN: 'info',
  UPHELD: 'success',
  DISMISSED: 'neutral',
  LATE: 'error',
};

export function objectionStatusName(status: string, t: TFunction): string {
  return status in OBJECTION_TONES ? t(`election.objectionStatus.${status as Objection['status']}`) : status;
}

export function ObjectionStatusTag({ status }: { status: Objection['status'] }) {
  const { t } = useTranslation();
  return <ToneTag tone={OBJECTION_TONES[status]}>{objectionStatusName(status, t)}</ToneTag>;
}

export function objectionKindName(kind: string, t: TFunction): string {
  return kind === 'omission' || kind === 'wrongful-inclusion' || kind === 'other' ? t(`election.objectionKind.${kind}`) : kind;
}

export function isElectionMethod(value: string | null | undefined): value is ElectionMethod {
  return (ELECTION_METHODS as readonly string[]).includes(value ?? '');
}

/** The method's statutory name (domain/rules/election.ts), or a dash when not set yet. */
export function methodName(method: string | null | undefined, language: Language): string {
  return isElectionMethod(method) ? electionMethodName(method)[language] : (method ?? '—');
}

export function isElectionLaw(value: string): value is ElectionLaw {
  return value === 'villagers-committee-law' || value === 'residents-committee-law';
}

export function lawName(law: string, t: TFunction): string {
  return isElectionLaw(law) ? t(`election.law.${law}`) : law;
}

export function positionName(position: string, t: TFunction): string {
  return position === 'chair' || position === 'vice-chair' || position === 'member'
    ? t(`election.position.${position}`)
    : position;
}
