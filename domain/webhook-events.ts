import type { LocalizedText } from './localized-text';

/**
 * The events other systems (一网通办 platforms, a county's data platform) can subscribe to (issue 21 item 6).
 * Each is enqueued in the transaction of the fact it reports (runtime/webhook-events.ts), never invented for a step
 * that rolled back; the payloads carry case numbers, codes and dates, never personal data.
 */
export const WEBHOOK_EVENT_TYPES = ['case.opened', 'case.decided', 'case.closed', 'task.overdue', 'document.issued'] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_NAMES: Record<WebhookEventType, LocalizedText> = {
  'case.opened': { 'zh-CN': '案件受理', en: 'Case opened' },
  'case.decided': { 'zh-CN': '案件作出决定', en: 'Case decided' },
  'case.closed': { 'zh-CN': '案件办结', en: 'Case closed' },
  'task.overdue': { 'zh-CN': '任务逾期（黄牌、红牌）', en: 'Task overdue (yellow, red card)' },
  'document.issued': { 'zh-CN': '文书印发', en: 'Document issued' },
};

/** Delivery states of one event to one subscription. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** The headers a delivery carries; the signature is HMAC-SHA256(secret, `${timestamp}.${body}`) in hex. */
export const WEBHOOK_HEADERS = {
  eventId: 'x-event-id',
  timestamp: 'x-timestamp',
  signature: 'x-signature',
  eventType: 'x-event-type',
} as const;
