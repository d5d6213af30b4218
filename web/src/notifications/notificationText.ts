import type { TFunction } from 'i18next';
import type { AppNotification } from '../api/notifications';
import type { Language } from '../i18n';
import { taskKindName } from '../procedures/names';

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** A notification in the reader's language, built from its kind and params (the API stores no text). */
export function notificationText(notification: AppNotification, t: TFunction, language: Language): string {
  const params = notification.params;
  const caseNumber = text(params.caseNumber) || text(params.number);
  const task = typeof params.taskKind === 'string' ? taskKindName(params.taskKind, language) : '';
  const values = { caseNumber, task };
  switch (notification.kind) {
    case 'task.offered':
      return t('notifications.kinds.taskOffered', values);
    case 'task.assigned':
      if (params.delegated === true) return t('notifications.kinds.taskDelegated', values);
      if (params.returned === true) return t('notifications.kinds.taskReturned', values);
      return t('notifications.kinds.taskAssigned', values);
    case 'task.reminder':
      return t('notifications.kinds.taskReminder', values);
    case 'task.due':
      return t('notifications.kinds.taskDue', values);
    case 'task.escalated':
      return params.supervising === true
        ? t('notifications.kinds.taskEscalatedSupervising', values)
        : t('notifications.kinds.taskEscalated', values);
    case 'case.decided':
      return t('notifications.kinds.caseDecided', values);
    case 'owners-meeting.informed':
      return t('notifications.kinds.ownersMeetingInformed', values);
    case 'owners-meeting.opinion':
      return t('notifications.kinds.ownersMeetingOpinion', values);
    default:
      return t('notifications.kinds.other', values);
  }
}

/** Where a notification leads: its task, else its case. */
export function notificationLink(notification: AppNotification): string | undefined {
  if (notification.taskId) return `/tasks/${notification.taskId}`;
  if (notification.caseId) return `/cases/${notification.caseId}`;
  return undefined;
}
