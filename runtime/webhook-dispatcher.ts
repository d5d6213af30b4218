import type { Db } from './db';
import { settings } from './config';
import { decryptWebhookSecret, webhookSignature } from './webhook-secrets';
import { WEBHOOK_HEADERS } from '../domain/webhook-events';

export interface WebhookDispatcherOptions {
  db: Db;
  /** Defaults from the configuration (settings.webhookDispatch(), runtime/config.ts). */
  intervalMs?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  timeoutMs?: number;
  /** Deliveries claimed per round (default 20), sent at once. */
  batchSize?: number;
  log?: (line: string) => void;
}

export interface WebhookDispatcher {
  /** One round: claims due deliveries, sends them, records each attempt; resolves to how many were attempted. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

/** What a receiver gets: the event id is stable across retries and redeliveries, for de-duplication. */
export interface WebhookPayload {
  id: string;
  type: string;
  occurredAt: string;
  organization: { id: string; code: string; name: string };
  caseNumber: string | null;
  data: unknown;
}

/** The wait before the next attempt after `attempts` failed ones: exponential, capped, with jitter (half of it random). */
export function webhookBackoffMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

interface Claimed {
  id: string;
  event_id: string;
  subscription_id: string;
  attempts: number;
}

/**
 * Delivers the webhook outbox (runtime/webhook-events.ts) from the worker process, like the mail sender: each round
 * claims due rows with FOR UPDATE SKIP LOCKED and moves their next attempt past a lease, so several workers never send
 * the same row at once and a worker killed mid-send leaves the row to be sent again after the lease (at least once).
 * Each POST is signed; each attempt is logged (status code, duration, error). A 2xx answer delivers; anything else
 * waits with exponential backoff and jitter, until the maximum attempts make the delivery "failed".
 */
export function startWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const configured = settings.webhookDispatch();
  const intervalMs = options.intervalMs ?? configured.intervalMs;
  const maxAttempts = options.maxAttempts ?? configured.maxAttempts;
  const backoffBaseMs = options.backoffBaseMs ?? configured.backoffBaseMs;
  const backoffMaxMs = options.backoffMaxMs ?? configured.backoffMaxMs;
  const timeoutMs = options.timeoutMs ?? configured.timeoutMs;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = timeoutMs + 30_000;
  const log = options.log ?? (() => undefined);
  const { db } = options;
  let current: Promise<number> | undefined;

  const send = async (row: Claimed): Promise<void> => {
    const delivery = await db.webhookDelivery.findUniqueOrThrow({
      where: { id: row.id },
      include: { event: true, subscription: true },
    });
    const org = await db.organization.findUniqueOrThrow({
      where: { id: delivery.event.organizationId },
      select: { id: true, code: true, name: true },
    });
    const payload: WebhookPayload = {
      id: delivery.event.id,
      type: delivery.event.type,
      occurredAt: delivery.event.occurredAt.toISOString(),
      organization: org,
      caseNumber: delivery.event.caseNumber,
      data: delivery.event.data,
    };
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const signature = webhookSignature(decryptWebhookSecret(delivery.subscription.secretEncrypted), timestamp, body);
      const response = await fetch(delivery.subscription.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_HEADERS.eventId]: payload.id,
          [WEBHOOK_HEADERS.eventType]: payload.type,
          [WEBHOOK_HEADERS.timestamp]: timestamp,
          [WEBHOOK_HEADERS.signature]: signature,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      statusCode = response.status;
      await response.body?.cancel();
      if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
    } catch (cause) {
      error = describe(cause);
    }
    const durationMs = Date.now() - started;
    const attempts = row.attempts + 1;
    const delivered = error === null;
    await db.$transaction(async (tx) => {
      await tx.webhookAttempt.create({ data: { deliveryId: row.id, attempt: attempts, statusCode, durationMs, error } });
      // Only the claim's own attempt count moves the row on (a redelivery meanwhile reset it).
      await tx.webhookDelivery.updateMany({
        where: { id: row.id, status: 'pending', attempts: row.attempts },
        data: delivered
          ? { status: 'delivered', attempts, deliveredAt: new Date(), lastError: null }
          : {
              attempts,
              lastError: error,
              status: attempts >= maxAttempts ? 'failed' : 'pending',
              nextAttemptAt: new Date(Date.now() + webhookBackoffMs(attempts, backoffBaseMs, backoffMaxMs)),
            },
      });
    });
  };

  const round = async (): Promise<number> => {
    const claimed = await db.$queryRaw<Claimed[]>`
      UPDATE webhook_delivery SET next_attempt_at = now() + ${leaseMs} * interval '1 millisecond'
      WHERE id IN (
        SELECT id FROM webhook_delivery WHERE status = 'pending' AND next_attempt_at <= now()
        ORDER BY next_attempt_at LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)
      RETURNING id, event_id, subscription_id, attempts`;
    const results = await Promise.allSettled(claimed.map(send));
    for (const r of results) if (r.status === 'rejected') log(`webhook dispatcher: ${describe(r.reason)}`);
    return claimed.length;
  };

  const tick = (): Promise<number> => {
    if (current) return current;
    current = round()
      .catch((error: unknown) => {
        log(`webhook dispatcher: ${describe(error)}`);
        return 0;
      })
      .finally(() => {
        current = undefined;
      });
    return current;
  };

  const timer = intervalMs > 0 ? setInterval(() => void tick(), intervalMs) : undefined;
  return {
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      await current;
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const detail = cause instanceof Error ? `: ${(cause as Error & { code?: string }).code ?? cause.message}` : '';
    return `${error.name === 'TimeoutError' ? 'timeout' : error.message}${detail}`.slice(0, 500);
  }
  return String(error).slice(0, 500);
}
