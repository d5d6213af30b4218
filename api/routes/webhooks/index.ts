import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import {
  webhookDeliveriesQuery,
  webhookDeliveryView,
  webhookSubscriptionBody,
  webhookSubscriptionPatch,
  webhookSubscriptionView,
  webhookSubscriptionWithSecret,
} from '../../schemas/webhooks';
import {
  createWebhookSubscription,
  listWebhookDeliveries,
  listWebhookSubscriptions,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhookSubscription,
} from '../../services/webhooks/subscriptions';

const params = z.object({ subscriptionId: z.string().uuid() });
const deliveryParams = z.object({ subscriptionId: z.string().uuid(), deliveryId: z.string().uuid() });
const manage = { permission: 'webhooks.manage' } as const;
const tags = ['admin'];

/** Events for other systems (issue 21 item 6): the administrator's webhook subscriptions and their delivery log. */
const webhookRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;

  fastify.get(
    '/api/v1/admin/webhooks',
    {
      config: manage,
      schema: {
        tags,
        summary: '事件订阅 / Webhook subscriptions',
        response: { 200: z.array(webhookSubscriptionView), ...errorResponses },
      },
    },
    async (request) => listWebhookSubscriptions({ db, caller: callerOf(request) }),
  );

  fastify.post(
    '/api/v1/admin/webhooks',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建事件订阅（密钥只显示一次） / Create a webhook subscription (the secret is shown once)',
        body: webhookSubscriptionBody,
        response: { 201: webhookSubscriptionWithSecret, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createWebhookSubscription({ db, caller: callerOf(request), input: request.body, requestId: request.id })),
  );

  fastify.patch(
    '/api/v1/admin/webhooks/:subscriptionId',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改、停用或启用事件订阅 / Update, deactivate or activate a subscription',
        params,
        body: webhookSubscriptionPatch,
        response: { 200: webhookSubscriptionView, ...errorResponses },
      },
    },
    async (request) =>
      updateWebhookSubscription({
        db,
        caller: callerOf(request),
        id: request.params.subscriptionId,
        input: request.body,
        requestId: request.id,
      }),
  );

  fastify.post(
    '/api/v1/admin/webhooks/:subscriptionId/secret',
    {
      config: manage,
      schema: {
        tags,
        summary: '更换签名密钥（只显示一次） / Rotate the signing secret (shown once)',
        params,
        response: { 200: webhookSubscriptionWithSecret, ...errorResponses },
      },
    },
    async (request) =>
      rotateWebhookSecret({ db, caller: callerOf(request), id: request.params.subscriptionId, requestId: request.id }),
  );

  fastify.get(
    '/api/v1/admin/webhooks/:subscriptionId/deliveries',
    {
      config: manage,
      schema: {
        tags,
        summary: '投递记录 / Delivery log',
        params,
        querystring: webhookDeliveriesQuery,
        response: { 200: z.array(webhookDeliveryView), ...errorResponses },
      },
    },
    async (request) =>
      listWebhookDeliveries({ db, caller: callerOf(request), id: request.params.subscriptionId, status: request.query.status }),
  );

  fastify.post(
    '/api/v1/admin/webhooks/:subscriptionId/deliveries/:deliveryId/redeliver',
    {
      config: manage,
      schema: {
        tags,
        summary: '重新投递 / Redeliver',
        params: deliveryParams,
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      await redeliverWebhook({
        db,
        caller: callerOf(request),
        id: request.params.subscriptionId,
        deliveryId: request.params.deliveryId,
        requestId: request.id,
      });
      return { ok: true as const };
    },
  );
};

export default webhookRoutes;
