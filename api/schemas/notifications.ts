import { z } from 'zod';
import { localizedText } from '../../domain/localized-text';

/** GET /api/v1/notifications: the bell (each with its sentence in both languages, domain/notifications.ts). */
export const notificationList = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({
      id: z.string().uuid(),
      kind: z.string(),
      caseId: z.string().uuid().nullable(),
      taskId: z.string().uuid().nullable(),
      params: z.record(z.string(), z.unknown()),
      text: localizedText,
      createdAt: z.string(),
      read: z.boolean(),
    }),
  ),
});

export const markNotificationsReadBody = z
  .object({ ids: z.union([z.array(z.string().uuid()).max(500), z.literal('all')]) })
  .strict()
  .meta({ examples: [{ ids: 'all' }] });

export const markNotificationsReadResponse = z.object({ marked: z.number().int() });
