import nodemailer from 'nodemailer';
import type { Db } from './db';

export interface MailSenderOptions {
  db: Db;
  /** e.g. smtp://user:pass@mail.example.gov.cn:587 ; the sender is off when unset. */
  smtpUrl?: string;
  from: string;
  intervalMs?: number;
  log?: (line: string) => void;
}

const MAX_ATTEMPTS = 5;

/**
 * Sends the e-mail outbox through SMTP when configured. Rows are claimed with FOR UPDATE SKIP LOCKED so several
 * worker processes never send the same mail twice; failures are retried a few times, then left as "failed".
 */
export function startMailSender(options: MailSenderOptions): { stop(): void } | undefined {
  if (!options.smtpUrl) return undefined;
  const transport = nodemailer.createTransport(options.smtpUrl);
  const log = options.log ?? (() => undefined);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await options.db.$transaction(
        async (tx) => {
          const batch = await tx.$queryRaw<{ id: string; to_address: string; subject: string; body: string; attempts: number }[]>`
          SELECT id, to_address, subject, body, attempts FROM email_outbox
          WHERE status = 'pending' ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED`;
          for (const mail of batch) {
            try {
              await transport.sendMail({ from: options.from, to: mail.to_address, subject: mail.subject, text: mail.body });
              await tx.emailOutbox.update({
                where: { id: mail.id },
                data: { status: 'sent', sentAt: new Date(), attempts: mail.attempts + 1 },
              });
            } catch (error) {
              const attempts = mail.attempts + 1;
              await tx.emailOutbox.update({
                where: { id: mail.id },
                data: {
                  attempts,
                  lastError: error instanceof Error ? error.message : String(error),
                  status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
                },
              });
            }
          }
        },
        { timeout: 60_000 },
      );
    } catch (error) {
      log(`mail sender: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 10_000);
  return { stop: () => clearInterval(timer) };
}
