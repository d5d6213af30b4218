/**
 * Pluggable senders of the notification outbox (issue 20 item 8): one interface, one file per channel. E-mail is
 * runtime/mail-sender.ts (SMTP); SMS is ./sms.ts and the 政务 IM robot ./im.ts. Each is off unless configured
 * (runtime/config.ts), and a channel that is off gets no outbox rows.
 */
export type Channel = 'sms' | 'im';

export interface ChannelMessage {
  /** The outbox row's id: a gateway that de-duplicates can use it. */
  id: string;
  /** The mobile number (sms); null for the IM robot. */
  to: string | null;
  text: string;
}

export interface ChannelSender {
  channel: Channel;
  /** Resolves when the gateway accepted the message; throws (with a short reason) when it did not. */
  send(message: ChannelMessage): Promise<void>;
}

/** POSTs JSON and returns the parsed answer, failing on a non-2xx status or a timeout. */
export async function postJson(url: string, body: string, headers: Record<string, string> = {}, timeoutMs = 10_000) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}`);
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}
