import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import { listNotifications, markNotificationsRead } from '../../services/notifications/notifications';

const notificationList = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({ id: z.string().uuid(), kind: z.string(), caseId: z.string().uuid().nullable(), taskId: z.string().uuid().nullable(), params: z.record(z.string(), z.unknown()), createdAt: z.string(), read: z.boolean() }),
  ),
});

const notificationRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;
  fastify.get(
    '/api/v1/notifications',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: '通知（铃铛）/ Notifications (the bell)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict(),
        response: { 200: notificationList, ...errorResponses },
      },
    },
    async (request) => listNotifications(db, callerOf(request), request.query),
  );
  fastify.post(
    '/api/v1/notifications/read',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: '标为已读 / Mark as read',
        body: z.object({ ids: z.union([z.array(z.string().uuid()).max(500), z.literal('all')]) }).strict().meta({ examples: [{ ids: 'all' }] }),
        response: { 200: z.object({ marked: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => ({ marked: await markNotificationsRead(db, callerOf(request), request.body.ids) }),
  );
};

export default notificationRoutes;
