import type { DbTx } from './db';
import type { WebhookEventType } from '../domain/webhook-events';

export interface WebhookEventInput {
  type: WebhookEventType;
  /** The organization the event is about: subscriptions of it and of every organization above it receive it. */
  organizationId: string;
  caseId?: string;
  caseNumber?: string;
  /** What the event says: codes, numbers, dates; never names, ID numbers or free text about people. */
  data?: Record<string, unknown>;
  /** The fact once: enqueued again (a retried activity), nothing new is written. */
  dedupeKey: string;
}

/**
 * Enqueues an event for other systems inside the caller's transaction, so that it commits with the fact it reports
 * or not at all: the event row (its id is the event id receivers de-duplicate by) and one outbox row per active
 * subscription that wants this type, of the organization or any organization above it. Nothing is written when no
 * subscription wants it. The dispatcher in the worker delivers the outbox (runtime/webhook-dispatcher.ts).
 */
export async function enqueueWebhookEvent(tx: DbTx, input: WebhookEventInput): Promise<void> {
  const subscriptions = await tx.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM webhook_subscription s
    JOIN organization o ON o.id = s.organization_id
    JOIN organization about ON about.id = ${input.organizationId}::uuid
    WHERE s.active AND ${input.type} = ANY (s.event_types) AND starts_with(about.path, o.path)`;
  if (subscriptions.length === 0) return;
  const [event] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO webhook_event (id, type, organization_id, case_id, case_number, data, dedupe_key)
    VALUES (gen_random_uuid(), ${input.type}, ${input.organizationId}::uuid, ${input.caseId ?? null}::uuid,
      ${input.caseNumber ?? null}, ${JSON.stringify(input.data ?? {})}::jsonb, ${input.dedupeKey})
    ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`;
  if (!event) return;
  await tx.webhookDelivery.createMany({
    data: subscriptions.map((s) => ({ eventId: event.id, subscriptionId: s.id })),
    skipDuplicates: true,
  });
}

/** Whether a case already reported its decision (a procedure whose closing is its decision reports it at the close). */
export async function caseDecisionReported(tx: DbTx, caseId: string): Promise<boolean> {
  return (await tx.webhookEvent.count({ where: { caseId, type: 'case.decided' } })) > 0;
}
