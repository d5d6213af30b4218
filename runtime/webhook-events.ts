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
  /** The subscriptions that want it, when the caller has read them already (`closingFacts`); else they are read here. */
  subscriptions?: readonly { id: string }[];
}

/**
 * Enqueues an event for other systems inside the caller's transaction, so that it commits with the fact it reports
 * or not at all: the event row (its id is the event id receivers de-duplicate by) and one outbox row per active
 * subscription that wants this type, of the organization or any organization above it. Nothing is written when no
 * subscription wants it. The dispatcher in the worker delivers the outbox (runtime/webhook-dispatcher.ts).
 */
export async function enqueueWebhookEvent(tx: DbTx, input: WebhookEventInput): Promise<void> {
  const subscriptions =
    input.subscriptions ??
    (await tx.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM webhook_subscription s
    JOIN organization o ON o.id = s.organization_id
    JOIN organization about ON about.id = ${input.organizationId}::uuid
    WHERE s.active AND ${input.type} = ANY (s.event_types) AND starts_with(about.path, o.path)`);
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

/**
 * What a case's close reports, in ONE read (a completion that closes a case pays one statement for its events when
 * nobody subscribes): the case's number, procedure and organization, and the active subscriptions of that
 * organization or one above it that want any of `types`, each with the types it wants.
 */
export async function closingFacts(
  tx: DbTx,
  caseId: string,
  types: readonly WebhookEventType[],
): Promise<{ procedure: string; number: string; organizationId: string; subscriptions: { id: string; types: string[] }[] }> {
  const [row] = await tx.$queryRaw<{ procedure: string; number: string; organization_id: string; subs: unknown }[]>`
    SELECT c.procedure, c.number, c.organization_id::text AS organization_id,
      (SELECT json_agg(json_build_object('id', s.id, 'types', s.event_types))
         FROM webhook_subscription s JOIN organization o ON o.id = s.organization_id
         WHERE s.active AND s.event_types && ${[...types]}::text[] AND starts_with(about.path, o.path)) AS subs
    FROM "case" c JOIN organization about ON about.id = c.organization_id
    WHERE c.id = ${caseId}::uuid`;
  if (!row) throw new Error(`no case ${caseId}`);
  return {
    procedure: row.procedure,
    number: row.number,
    organizationId: row.organization_id,
    subscriptions: (row.subs as { id: string; types: string[] }[] | null) ?? [],
  };
}
