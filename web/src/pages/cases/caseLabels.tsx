import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../api/cases';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { currentLanguage } from '../../i18n';
import { eventLabel } from '../../i18n/labels';

const STATUS_TONES: Record<CaseStatus, Tone> = {
  OPEN: 'info',
  COMPLETED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'neutral',
  FAILED: 'error',
};

export function caseStatusName(status: CaseStatus, t: TFunction): string {
  return t(`cases.status.${status}`);
}

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={STATUS_TONES[status]}>{caseStatusName(status, t)}</ToneTag>;
}

/** An audit action of the case's timeline in the reader's language (i18n/labels.ts names the procedures' events). */
export function timelineActionName(action: string, t: TFunction): string {
  switch (action) {
    case 'case.opened':
      return t('cases.actions.caseOpened');
    case 'case.closed':
      return t('cases.actions.caseClosed');
    case 'task.opened':
      return t('cases.actions.taskOpened');
    case 'task.claimed':
      return t('cases.actions.taskClaimed');
    case 'task.unclaimed':
      return t('cases.actions.taskUnclaimed');
    case 'task.assigned':
      return t('cases.actions.taskAssigned');
    case 'task.delegated':
      return t('cases.actions.taskDelegated');
    case 'task.returned':
      return t('cases.actions.taskReturned');
    case 'task.sent-back':
      return t('flow.timeline.sentBack');
    case 'task.send-back':
      return t('flow.timeline.sendBackAttempt');
    case 'task.taken-back':
      return t('flow.timeline.takenBack');
    case 'task.take-back':
      return t('flow.timeline.takeBackAttempt');
    case 'task.completed':
      return t('cases.actions.taskCompleted');
    case 'task.complete':
      return t('cases.actions.taskCompleteAttempt');
    case 'task.cancelled':
      return t('cases.actions.taskCancelled');
    case 'task.commented':
      return t('cases.actions.taskCommented');
    case 'task.reminder':
      return t('cases.actions.taskReminder');
    case 'task.due':
      return t('cases.actions.taskDue');
    case 'task.escalated':
      return t('cases.actions.taskEscalated');
    case 'document.attached':
      return t('cases.actions.documentAttached');
    case 'village-conversion.draft-saved':
      return t('cases.actions.draftSaved');
    case 'village-conversion.withdraw':
      return t('cases.actions.withdraw');
    case 'organization.created':
      return t('cases.actions.organizationCreated');
    default:
      return eventLabel(action, currentLanguage());
  }
}
