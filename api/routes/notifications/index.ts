import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import { markNotificationsReadBody, markNotificationsReadResponse, notificationList } from '../../schemas/notifications';
import { listNotifications, markNotificationsRead } from '../../services/notifications/notifications';

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
    async (request) => listNotifications({ db, caller: callerOf(request), limit: request.query.limit }),
  );
  fastify.post(
    '/api/v1/notifications/read',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: '标为已读 / Mark as read',
        body: markNotificationsReadBody,
        response: { 200: markNotificationsReadResponse, ...errorResponses },
      },
    },
    async (request) => ({ marked: await markNotificationsRead({ db, caller: callerOf(request), ids: request.body.ids }) }),
  );
};

export default notificationRoutes;
