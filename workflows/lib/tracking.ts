import type { BatchableWrite, DeferredWrite } from '../../activities';

/**
 * Counts the work a workflow has in flight (activities, child-workflow starts) so an Update handler can wait until
 * the workflow is settled: every effect of a completion, including the next task's row, is in PostgreSQL.
 * A workflow is settled when nothing it started is in flight and no write is waiting; waiting on a human or a timer
 * is settled.
 *
 * Writes that return nothing and are idempotent (the task, case and rule-decision writes of `BATCHED_WRITES`) are
 * deferred: queued in order and applied in one transaction (`applyWrites`) before the workflow next waits, reads, or
 * calls anything else. A step (completion recorded, rules and case data written, next task opened) thus commits
 * once, and the Update answers only after that commit.
 */
let inflight = 0;
/** How many times the workflow's code has reached a point where it waits for a person or the clock. */
let waitPoints = 0;
/** Deferred writes not yet applied, in the order the workflow made them. */
const pending: DeferredWrite[] = [];
/** The last flush; the next one starts after it, so batches commit in order. */
let lastFlush: Promise<void> = Promise.resolve();
let batching: { apply: (writes: DeferredWrite[]) => Promise<void> } | undefined;

export const BATCHED_WRITES: ReadonlySet<string> = new Set<BatchableWrite>([
  'openTask',
  'recordTaskCompletion',
  'cancelTask',
  'recordTaskReturned',
  'closeCase',
  'mergeCaseData',
  'recordRuleDecisions',
]);
/** Activities that read nothing the deferred writes write (the holiday calendar): no flush before them. */
const INDEPENDENT_OF_WRITES: ReadonlySet<string> = new Set(['resolveDeadline']);

/** Turns write batching on for this workflow execution (`apply` is the `applyWrites` activity). */
export function enableWriteBatching(apply: (writes: DeferredWrite[]) => Promise<void>): void {
  batching = { apply };
}

/** True once the workflow reached a waiting point, nothing it started is still in flight and every write is applied. */
export function isSettled(): boolean {
  return waitPoints > 0 && inflight === 0 && pending.length === 0;
}

/** The workflow's code is blocked waiting (nothing in flight) while writes wait to be applied: someone must flush. */
export function idleWithPendingWrites(): boolean {
  return waitPoints > 0 && inflight === 0 && pending.length > 0;
}

/** Marks that the workflow's code is about to wait (for a human, a timer or a child). */
export function enterWait(): void {
  waitPoints += 1;
}

/** Applies every deferred write (one transaction), after any flush already under way. */
export function flushWrites(): Promise<void> {
  const flush = lastFlush.then(async () => {
    if (pending.length === 0 || !batching) return;
    const writes = pending.splice(0);
    inflight += 1;
    try {
      await batching.apply(writes);
    } finally {
      inflight -= 1;
    }
  });
  // Only the order is chained here; a failure reaches the caller of this flush through `flush`.
  lastFlush = flush.then(
    () => undefined,
    () => undefined,
  );
  return flush;
}

/** Wraps an async function so each call counts as in-flight work until it settles; deferred writes go first. */
export function tracked<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  options: { independent?: boolean } = {},
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    inflight += 1;
    try {
      if (!options.independent) await flushWrites();
      return await fn(...args);
    } finally {
      inflight -= 1;
    }
  };
}

/**
 * The one layer between workflow code and Temporal's activity proxies. `activities.x(input)` calls activity `x` of
 * the proxy `current()` gives at the call (a procedure chooses local or regular activities once, before its first
 * call: `installTaskHandlers`). A batchable write is deferred while batching is on; every other call is `tracked`,
 * after the deferred writes (except the calendar reads of `INDEPENDENT_OF_WRITES`). Each activity's wrapper is built
 * once, on its first use.
 */
export function trackedActivities<T extends object>(current: () => T): T {
  const calls = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy({} as T, {
    get(_target, property) {
      if (typeof property !== 'string') return undefined;
      let call = calls.get(property);
      if (!call) {
        call = activityCall(property, () => Reflect.get(current(), property) as (...args: unknown[]) => Promise<unknown>);
        calls.set(property, call);
      }
      return call;
    },
  });
}

function activityCall(
  name: string,
  activity: () => (...args: unknown[]) => Promise<unknown>,
): (...args: unknown[]) => Promise<unknown> {
  const call = tracked((...args: unknown[]) => activity()(...args), { independent: INDEPENDENT_OF_WRITES.has(name) });
  if (!BATCHED_WRITES.has(name)) return call;
  return (input: unknown) => {
    if (!batching) return call(input);
    pending.push({ name, input } as DeferredWrite);
    return Promise.resolve();
  };
}
