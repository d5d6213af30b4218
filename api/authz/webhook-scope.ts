import type { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../plugins/app/auth';
import { currentMembership } from './organization-scope';

/**
 * Webhook subscriptions: an administrator manages those of the organization they act for (its events include every
 * organization below it, runtime/webhook-events.ts); another organization's are "not found".
 */
export function webhookSubscriptionsInScope(caller: Caller): Prisma.WebhookSubscriptionWhereInput {
  return { organizationId: currentMembership(caller).organizationId };
}
