/**
 * Counts the work a workflow has in flight (activities, child-workflow starts) so an Update handler can wait until
 * the workflow is settled: every effect of a completion, including the next task's row, is in PostgreSQL.
 * A workflow is settled when nothing it started is in flight; waiting on a human or a timer is settled.
 */
let inflight = 0;
/** How many times the workflow's code has reached a point where it waits for a person or the clock. */
let waitPoints = 0;

/** True once the workflow reached a waiting point and nothing it started is still in flight. */
export function isSettled(): boolean {
  return waitPoints > 0 && inflight === 0;
}

/** Marks that the workflow's code is about to wait (for a human, a timer or a child). */
export function enterWait(): void {
  waitPoints += 1;
}

/** Wraps an async function so each call counts as in-flight work until it settles. */
export function tracked<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    inflight += 1;
    try {
      return await fn(...args);
    } finally {
      inflight -= 1;
    }
  };
}

/** Wraps every function of an activities proxy with `tracked`. */
export function trackedActivities<T extends object>(proxy: T): T {
  return new Proxy(proxy, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? tracked(value as (...a: unknown[]) => Promise<unknown>) : value;
    },
  });
}
