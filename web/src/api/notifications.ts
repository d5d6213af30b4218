import type { z } from 'zod';
import { apiRequest } from './client';
import { parseResponse } from './parse';
import { markNotificationsReadResponse, notificationList } from './schemas/procedures';

export type NotificationList = z.infer<typeof notificationList>;
export type AppNotification = NotificationList['items'][number];

export async function fetchNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return parseResponse(notificationList, await apiRequest('/api/v1/notifications?limit=20', { signal }));
}

export async function markNotificationsRead(ids: string[] | 'all'): Promise<number> {
  const body = await apiRequest('/api/v1/notifications/read', { method: 'POST', body: { ids } });
  return parseResponse(markNotificationsReadResponse, body).marked;
}
