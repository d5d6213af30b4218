import type { Db, DbTx } from './db';
import { settings } from './config';
import { webhookBackoffMs } from './webhook-dispatcher';
import type { Channel, ChannelSender } from './senders/sender';
import { smsSender } from './senders/sms';
import { imSender } from './senders/im';

/** The SMS and IM senders the configuration turns on (none by default). */
export function configuredChannelSenders(): ChannelSender[] {
  const sms = settings.smsGateway();
  const im = settings.imWebhook();
  return [...(sms ? [smsSender(sms)] : []), ...(im ? [imSender(im)] : [])];
}

/** Which channels are on: notify() writes outbox rows only for these. */
export function enabledChannels(): Set<Channel> {
  return new Set(configuredChannelSenders().map((s) => s.channel));
}

/** Writes channel messages inside the caller's transaction; a message already written (same key) is skipped. */
export async function enqueueChannelMessages(
  tx: DbTx,
  messages: { channel: Channel; toAddress: string | null; body: string; dedupeKey: string }[],
): Promise<void> {
  if (messages.length > 0) await tx.channelOutbox.createMany({ data: messages, skipDuplicates: true });
}

export interface ChannelSendingOptions {
  db: Db;
  senders?: ChannelSender[];
  intervalMs?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  log?: (line: string) => void;
}

/**
 * Sends the SMS and IM outbox from the worker process: rows claimed with FOR UPDATE SKIP LOCKED under a lease (a
 * worker killed mid-send leaves the row to be sent again after it), sent by the channel's sender, then marked sent;
 * a failure waits with exponential backoff and jitter, until the maximum attempts make it "failed". A row is never
 * written twice (its dedupe key), so a gateway that is down delays messages but neither loses nor multiplies them.
 */
export function startChannelSending(
  options: ChannelSendingOptions,
): { tick(): Promise<number>; stop(): Promise<void> } | undefined {
  const senders = new Map((options.senders ?? configuredChannelSenders()).map((s) => [s.channel, s]));
  if (senders.size === 0) return undefined;
  const configured = settings.channelSending();
  const intervalMs = options.intervalMs ?? configured.intervalMs;
  const maxAttempts = options.maxAttempts ?? configured.maxAttempts;
  const backoffBaseMs = options.backoffBaseMs ?? 30_000;
  const backoffMaxMs = options.backoffMaxMs ?? 3_600_000;
  const log = options.log ?? (() => undefined);
  const { db } = options;
  const channels = [...senders.keys()];
  let current: Promise<number> | undefined;

  const round = async (): Promise<number> => {
    const claimed = await db.$queryRaw<
      { id: string; channel: Channel; to_address: string | null; body: string; attempts: number }[]
    >`
      UPDATE channel_outbox SET next_attempt_at = now() + interval '2 minutes'
      WHERE id IN (
        SELECT id FROM channel_outbox WHERE status = 'pending' AND next_attempt_at <= now() AND channel = ANY (${channels})
        ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
      RETURNING id, channel, to_address, body, attempts`;
    for (const row of claimed) {
      const attempts = row.attempts + 1;
      try {
        await senders.get(row.channel)!.send({ id: row.id, to: row.to_address, text: row.body });
        await db.channelOutbox.update({
          where: { id: row.id },
          data: { status: 'sent', sentAt: new Date(), attempts, lastError: null },
        });
      } catch (error) {
        await db.channelOutbox.update({
          where: { id: row.id },
          data: {
            attempts,
            lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
            status: attempts >= maxAttempts ? 'failed' : 'pending',
            nextAttemptAt: new Date(Date.now() + webhookBackoffMs(attempts, backoffBaseMs, backoffMaxMs)),
          },
        });
      }
    }
    return claimed.length;
  };

  const tick = (): Promise<number> => {
    current ??= round()
      .catch((error: unknown) => {
        log(`channel sender: ${error instanceof Error ? error.message : String(error)}`);
        return 0;
      })
      .finally(() => {
        current = undefined;
      });
    return current;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
