import { z } from 'zod';
import { apiRequest } from './client';
import { parseResponse } from './parse';
import {
  type webhookSubscriptionBody,
  type webhookSubscriptionPatch,
  webhookDeliveryView,
  webhookSubscriptionView,
  webhookSubscriptionWithSecret,
} from '../../../api/schemas/webhooks';

export { webhookSubscriptionBody } from '../../../api/schemas/webhooks';
export type WebhookSubscription = z.infer<typeof webhookSubscriptionView>;
export type WebhookSubscriptionWithSecret = z.infer<typeof webhookSubscriptionWithSecret>;
export type WebhookDelivery = z.infer<typeof webhookDeliveryView>;

const base = '/api/v1/admin/webhooks';
const subscriptionPath = (id: string) => `${base}/${encodeURIComponent(id)}`;

export async function listWebhooks(signal?: AbortSignal): Promise<WebhookSubscription[]> {
  return parseResponse(z.array(webhookSubscriptionView), await apiRequest(base, { signal }));
}

export async function createWebhook(input: z.input<typeof webhookSubscriptionBody>): Promise<WebhookSubscriptionWithSecret> {
  return parseResponse(webhookSubscriptionWithSecret, await apiRequest(base, { method: 'POST', body: input }));
}

export async function updateWebhook(id: string, input: z.infer<typeof webhookSubscriptionPatch>): Promise<WebhookSubscription> {
  return parseResponse(webhookSubscriptionView, await apiRequest(subscriptionPath(id), { method: 'PATCH', body: input }));
}

export async function rotateWebhookSecret(id: string): Promise<WebhookSubscriptionWithSecret> {
  return parseResponse(webhookSubscriptionWithSecret, await apiRequest(`${subscriptionPath(id)}/secret`, { method: 'POST' }));
}

export async function listWebhookDeliveries(id: string, signal?: AbortSignal): Promise<WebhookDelivery[]> {
  return parseResponse(z.array(webhookDeliveryView), await apiRequest(`${subscriptionPath(id)}/deliveries`, { signal }));
}

export async function redeliverWebhook(id: string, deliveryId: string): Promise<void> {
  await apiRequest(`${subscriptionPath(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, { method: 'POST' });
}
