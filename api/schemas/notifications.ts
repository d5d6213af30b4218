import { z } from 'zod';

/** GET /api/v1/notifications: the bell (the web app renders each kind in the reader's language from `params`). */
export const notificationList = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({ id: z.string().uuid(), kind: z.string(), caseId: z.string().uuid().nullable(), taskId: z.string().uuid().nullable(), params: z.record(z.string(), z.unknown()), createdAt: z.string(), read: z.boolean() }),
  ),
});

export const markNotificationsReadBody = z
  .object({ ids: z.union([z.array(z.string().uuid()).max(500), z.literal('all')]) })
  .strict()
  .meta({ examples: [{ ids: 'all' }] });

export const markNotificationsReadResponse = z.object({ marked: z.number().int() });
