import type { z } from 'zod';
import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { encryptWebhookSecret, generateWebhookSecret } from '../../../runtime/webhook-secrets';
import { AppError } from '../../../domain/errors';
import type { WebhookDeliveryStatus, WebhookEventType } from '../../../domain/webhook-events';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership } from '../../authz/organization-scope';
import { webhookSubscriptionsInScope } from '../../authz/webhook-scope';
import type { webhookSubscriptionBody, webhookSubscriptionPatch } from '../../schemas/webhooks';
import { callerAudit, type CallerRequest } from '../caller-request';

type SubscriptionRow = {
  id: string;
  organizationId: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
};

async function toView(db: Db, row: SubscriptionRow) {
  const grouped = await db.webhookDelivery.groupBy({ by: ['status'], where: { subscriptionId: row.id }, _count: true });
  const count = (status: WebhookDeliveryStatus) => grouped.find((g) => g.status === status)?._count ?? 0;
  return {
    id: row.id,
    organizationId: row.organizationId,
    url: row.url,
    eventTypes: row.eventTypes as WebhookEventType[],
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    counts: { pending: count('pending'), delivered: count('delivered'), failed: count('failed') },
  };
}

/** The subscriptions of the organization the administrator acts for. */
export async function listWebhookSubscriptions({ db, caller }: { db: Db; caller: Caller }) {
  const rows = await db.webhookSubscription.findMany({
    where: webhookSubscriptionsInScope(caller),
    orderBy: { createdAt: 'asc' },
  });
  return Promise.all(rows.map((row) => toView(db, row)));
}

async function findSubscription(db: Db, caller: Caller, id: string) {
  const row = await db.webhookSubscription.findFirst({ where: { AND: [{ id }, webhookSubscriptionsInScope(caller)] } });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A new subscription with a generated secret, shown in this answer only (stored encrypted, runtime/webhook-secrets.ts). */
export async function createWebhookSubscription({
  db,
  caller,
  input,
  requestId,
}: CallerRequest<z.infer<typeof webhookSubscriptionBody>>) {
  const secret = generateWebhookSecret();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.webhookSubscription.create({
      data: {
        organizationId: currentMembership(caller).organizationId,
        url: input.url,
        eventTypes: input.eventTypes,
        active: input.active,
        secretEncrypted: encryptWebhookSecret(secret),
        createdById: caller.userId,
      },
    });
    await appendAudit(
      tx,
      callerAudit(caller, requestId, {
        action: 'webhook.created',
        targetType: 'webhook-subscription',
        targetId: created.id,
        data: { url: created.url, eventTypes: created.eventTypes, active: created.active },
      }),
    );
    return created;
  });
  return { ...(await toView(db, row)), secret };
}

export async function updateWebhookSubscription({
  db,
  caller,
  id,
  input,
  requestId,
}: CallerRequest<z.infer<typeof webhookSubscriptionPatch>> & { id: string }) {
  await findSubscription(db, caller, id);
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.webhookSubscription.update({
      where: { id },
      data: { url: input.url, eventTypes: input.eventTypes, active: input.active },
    });
    await appendAudit(
      tx,
      callerAudit(caller, requestId, {
        action: 'webhook.updated',
        targetType: 'webhook-subscription',
        targetId: id,
        data: { url: updated.url, eventTypes: updated.eventTypes, active: updated.active },
      }),
    );
    return updated;
  });
  return toView(db, row);
}

/** A new secret replaces the old one at once (the receiver must switch); shown in this answer only. */
export async function rotateWebhookSecret({
  db,
  caller,
  id,
  requestId,
}: {
  db: Db;
  caller: Caller;
  id: string;
  requestId: string;
}) {
  await findSubscription(db, caller, id);
  const secret = generateWebhookSecret();
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.webhookSubscription.update({
      where: { id },
      data: { secretEncrypted: encryptWebhookSecret(secret) },
    });
    await appendAudit(
      tx,
      callerAudit(caller, requestId, { action: 'webhook.secret-rotated', targetType: 'webhook-subscription', targetId: id }),
    );
    return updated;
  });
  return { ...(await toView(db, row)), secret };
}

/** The delivery log of a subscription: the latest 100 deliveries, each with its attempts. */
export async function listWebhookDeliveries({
  db,
  caller,
  id,
  status,
}: {
  db: Db;
  caller: Caller;
  id: string;
  status?: WebhookDeliveryStatus;
}) {
  await findSubscription(db, caller, id);
  const rows = await db.webhookDelivery.findMany({
    where: { subscriptionId: id, ...(status ? { status } : {}) },
    include: { event: true, log: { orderBy: { at: 'asc' } } },
    orderBy: { createdAt: 'desc' },
    take: 100,
  });
  return rows.map((d) => ({
    id: d.id,
    eventId: d.eventId,
    eventType: d.event.type as WebhookEventType,
    caseNumber: d.event.caseNumber,
    occurredAt: d.event.occurredAt.toISOString(),
    status: d.status as WebhookDeliveryStatus,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    lastError: d.lastError,
    log: d.log.map((a) => ({
      attempt: a.attempt,
      at: a.at.toISOString(),
      statusCode: a.statusCode,
      durationMs: a.durationMs,
      error: a.error,
    })),
  }));
}

/**
 * Sends a delivery again (same event id, so the receiver can tell it is the same event): back to "pending" at once,
 * with a fresh count of attempts. The log keeps the earlier attempts.
 */
export async function redeliverWebhook({
  db,
  caller,
  id,
  deliveryId,
  requestId,
}: {
  db: Db;
  caller: Caller;
  id: string;
  deliveryId: string;
  requestId: string;
}) {
  await findSubscription(db, caller, id);
  await db.$transaction(async (tx) => {
    const updated = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, subscriptionId: id },
      data: { status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    if (updated.count === 0) throw new AppError('NOT_FOUND');
    await appendAudit(
      tx,
      callerAudit(caller, requestId, {
        action: 'webhook.redelivered',
        targetType: 'webhook-delivery',
        targetId: deliveryId,
        data: { subscriptionId: id },
      }),
    );
  });
}
