import { z } from 'zod';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from '../../domain/webhook-events';
import { bilingualIssue } from '../../domain/validation';

/** A receiver's address: http(s) only, no credentials in it. */
const targetUrl = z
  .string()
  .trim()
  .max(2000)
  .superRefine((value, ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
      ctx.addIssue(
        bilingualIssue(
          [],
          'webhook_url',
          '请填写以 https:// 或 http:// 开头、不含用户名和密码的接收地址。',
          'Enter the receiver’s address starting with https:// or http://, without a user name or password.',
        ),
      );
  });

const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .superRefine((types, ctx) => {
    if (new Set(types).size !== types.length)
      ctx.addIssue(bilingualIssue([], 'duplicate_event_type', '事件类型不能重复。', 'Each event type may be chosen once.'));
  });

export const webhookSubscriptionBody = z
  .object({ url: targetUrl, eventTypes, active: z.boolean().default(true) })
  .strict()
  .meta({ examples: [{ url: 'https://data.example.gov.cn/hooks/governance', eventTypes: ['case.opened', 'case.closed'] }] });

export const webhookSubscriptionPatch = z
  .object({ url: targetUrl.optional(), eventTypes: eventTypes.optional(), active: z.boolean().optional() })
  .strict()
  .meta({ examples: [{ active: false }] });

export const webhookSubscriptionView = z
  .object({
    id: z.string().uuid(),
    organizationId: z.string().uuid(),
    url: z.string(),
    eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Deliveries waiting, delivered and failed. */
    counts: z.object({ pending: z.number().int(), delivered: z.number().int(), failed: z.number().int() }),
  })
  .meta({ id: 'WebhookSubscription' });

/** The answer that carries the signing secret: given once, when it is generated (creation, rotation). */
export const webhookSubscriptionWithSecret = webhookSubscriptionView
  .extend({ secret: z.string() })
  .meta({ id: 'WebhookSubscriptionWithSecret' });

export const webhookAttemptView = z.object({
  attempt: z.number().int(),
  at: z.string(),
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
});

export const webhookDeliveryView = z
  .object({
    id: z.string().uuid(),
    eventId: z.string().uuid(),
    eventType: z.enum(WEBHOOK_EVENT_TYPES),
    caseNumber: z.string().nullable(),
    occurredAt: z.string(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    lastError: z.string().nullable(),
    log: z.array(webhookAttemptView),
  })
  .meta({ id: 'WebhookDelivery' });

export const webhookDeliveriesQuery = z.object({ status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional() }).strict();
