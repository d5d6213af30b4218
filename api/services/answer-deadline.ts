import type { Client } from '@temporalio/client';
import { settings } from '../../runtime/config';

/**
 * How long a request waits for Temporal (a start, an Update and its outcome) before the API answers 503 with
 * Retry-After: an official on a phone should not stare at a spinner for minutes while a worker restarts and replays.
 * Nothing is lost by giving up: an accepted Update keeps running, and the official's repeat is the same Update (fixed
 * update id) or the same start (Idempotency-Key), so it answers with the outcome once there is one.
 * `TEMPORAL_ANSWER_TIMEOUT_MS` overrides it (default 30 s).
 */
export function answerDeadlineMs(): number {
  return settings.answerTimeoutMs();
}

/** Runs `call` (Temporal client calls) with every gRPC call in it bounded by the request's answer deadline. */
export function withinAnswerDeadline<T>(temporal: Client, call: () => Promise<T>): Promise<T> {
  return temporal.withDeadline(Date.now() + answerDeadlineMs(), call);
}
