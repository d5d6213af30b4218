import type { AppNotification } from '../api/notifications';
import type { Language } from '../i18n';
import { localized } from '../procedures/format';

/**
 * A notification in the reader's language: the sentence the API gives in both languages (domain/notifications.ts),
 * naming the case and what happened.
 */
export function notificationText(notification: AppNotification, language: Language): string {
  return localized(notification.text, language);
}

/** Where a notification leads: its task, else its case. */
export function notificationLink(notification: AppNotification): string | undefined {
  if (notification.taskId) return `/tasks/${notification.taskId}`;
  if (notification.caseId) return `/cases/${notification.caseId}`;
  return undefined;
}
