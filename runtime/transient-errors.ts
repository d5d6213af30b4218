// Which failures are temporary: the request did not happen (or is safe to repeat) and the caller may try again shortly.
// The API answers these 503 with Retry-After instead of 500, so clients and officials see "try again", and the
// metrics tell a passing restart of Temporal or PostgreSQL apart from a bug.
import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

/**
 * gRPC status codes Temporal uses for "not now": DEADLINE_EXCEEDED (4), RESOURCE_EXHAUSTED (8), FAILED_PRECONDITION (9;
 * an Update is refused while the workflow's last task failed or timed out and is being retried), ABORTED (10),
 * UNAVAILABLE (14; server restarting).
 */
const TEMPORAL_TRANSIENT_CODES = new Set<number>([4, 8, 9, 10, 14]);

/**
 * Prisma codes: cannot reach or lost the database (P1001, P1002, P1008, P1017), pool timeout (P2024), a transaction
 * that could not start or was closed by its timeout (P2028), a write conflict or deadlock (P2034).
 */
const PRISMA_TRANSIENT_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2034', 'P2037']);

/** The kinds @prisma/adapter-pg gives a driver error it recognises as a connection or contention problem. */
const ADAPTER_TRANSIENT_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'TooManyConnections',
  'SocketTimeout',
  'TransactionWriteConflict',
]);

/** PostgreSQL SQLSTATE: connection exceptions (08…), too many connections or out of resources (53…), shutting down. */
const PG_TRANSIENT_STATES = /^(08|53|57P0[1-3]|40001|40P01)/;

const NODE_NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

/** pg's pool and client say these in plain text when a connection cannot be had or is lost. */
const PG_CONNECTION_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|connection is closed|terminating connection/i;

function isTransientOne(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const e = error as { code?: unknown; kind?: unknown; message?: unknown };
  if (typeof e.kind === 'string' && ADAPTER_TRANSIENT_KINDS.has(e.kind)) return true;
  // A gRPC service error carries a numeric code and `details`; only those numbers are gRPC status codes.
  if (typeof e.code === 'number' && 'details' in e && TEMPORAL_TRANSIENT_CODES.has(e.code)) return true;
  if (typeof e.code === 'string') {
    if (PRISMA_TRANSIENT_CODES.has(e.code) || NODE_NET_CODES.has(e.code)) return true;
    if (/^[0-9A-Z]{5}$/.test(e.code) && PG_TRANSIENT_STATES.test(e.code)) return true;
  }
  return typeof e.message === 'string' && PG_CONNECTION_MESSAGES.test(e.message);
}

/** The error and its causes, each once (a cause chain may loop). */
function* causeChain(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  for (let current: unknown = error; current && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    yield current;
  }
}

/**
 * True when a Temporal call ran out of time (its deadline, or an Update whose outcome did not come in time): unlike a
 * refusal, what was asked may still happen.
 */
export function isTemporalTimeout(error: unknown): boolean {
  for (const current of causeChain(error)) {
    if (current instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
    const e = current as { code?: unknown; details?: unknown };
    if (e.code === 4 && e.details !== undefined) return true;
  }
  return false;
}

/** True when the error, or anything in its cause chain, is a temporary refusal of Temporal or PostgreSQL. */
export function isTransientError(error: unknown): boolean {
  for (const current of causeChain(error)) {
    if (isTransientOne(current)) return true;
    // Prisma driver-adapter errors carry the driver's own error (with its SQLSTATE) under meta.driverAdapterError.
    const adapterCause = (current as { meta?: { driverAdapterError?: { cause?: unknown } } }).meta?.driverAdapterError?.cause;
    if (adapterCause && isTransientOne(adapterCause)) return true;
  }
  return false;
}

/** Seconds a client should wait before trying again after a transient failure. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * True when a Temporal call never left this process: gRPC UNAVAILABLE with "No connection established" (the channel had
 * no connection to send it on). Unlike a timeout or a dropped connection, what was asked cannot have happened.
 */
export function isTemporalNeverReached(error: unknown): boolean {
  for (const current of causeChain(error)) {
    const e = current as { code?: unknown; details?: unknown };
    if (e.code === 14 && typeof e.details === 'string' && e.details.startsWith('No connection established')) return true;
  }
  return false;
}
