import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import type { Db } from '../../runtime/db';
import { retryCounts, type Official } from '../official';

/** One completion an official sent, and what the API answered. */
export interface Completion {
  taskId: string;
  caseId: string;
  kind: string;
  payload: unknown;
  /** 200, or 409 "already completed" after a retry (an earlier attempt took effect). */
  status: 200 | 409;
}

/** What a scripted case is expected to end as. */
export interface CaseExpectation {
  procedure: string;
  caseId: string;
  /** Case status at the end (OPEN for a listed service item, whose workflow waits for the period's end). */
  status: string;
  /** Further checks on the case's `data` (e.g. `{ stage: 'listed' }`). */
  data?: Record<string, unknown>;
  /** Task rows each step should have produced (kind → count). */
  tasks: Record<string, number>;
}

/** What the harness shares with every scripted official. */
export interface ChaosContext {
  apiUrl: string;
  /** The harness's own client of the database (reads, setup, in-process starts); every call is retried. */
  db: Db;
  temporal: Client;
  taskQueue: string;
  completions: Completion[];
  signIn(username: string): Promise<Official>;
}

/** Runs a database call of the harness until it succeeds (PostgreSQL may be restarting). */
export async function retryDb<T>(call: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}

/** Reads `look` from PostgreSQL every 250 ms until it gives a value; throws `what` with the timeout after `timeoutMs`. */
export async function waitFor<T>(look: () => Promise<T | undefined>, what: string, timeoutMs = 5 * 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await retryDb(look);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} after ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

/** Waits until the case has an open task of this kind and returns its id. */
export function openTask(ctx: ChaosContext, caseId: string, kind: string, timeoutMs?: number): Promise<string> {
  return waitFor(
    async () =>
      (
        await ctx.db.task.findFirst({
          where: { caseId, kind, status: 'OPEN' },
          orderBy: { createdAt: 'asc' },
          select: { id: true },
        })
      )?.id,
    `case ${caseId}: no open ${kind} task`,
    timeoutMs,
  );
}

/**
 * Completes the case's open task of `kind` as `official` with `payload`. A 409 "already completed" after a retried
 * attempt counts as done (the earlier attempt took effect); a 409 "not open" while the row is open means the workflow
 * has not taken the task up yet (e.g. replaying after a crash) and is retried.
 */
export async function completeStep(
  ctx: ChaosContext,
  official: Official,
  caseId: string,
  kind: string,
  payload: unknown,
): Promise<Completion> {
  const deadline = Date.now() + 5 * 60_000;
  const taskId = await openTask(ctx, caseId, kind);
  let retried = false;
  for (;;) {
    const answer = await official.send<{ error?: { code: string } }>('POST', `/api/v1/tasks/${taskId}/complete`, { payload });
    retried ||= answer.retried;
    const code = answer.body?.error?.code;
    if (answer.status === 200 || (answer.status === 409 && code === 'TASK_ALREADY_COMPLETED' && retried)) {
      const completion: Completion = { taskId, caseId, kind, payload, status: answer.status };
      ctx.completions.push(completion);
      return completion;
    }
    if (answer.status === 409 && code === 'TASK_NOT_OPEN' && Date.now() < deadline) {
      const row = await retryDb(() => ctx.db.task.findUnique({ where: { id: taskId }, select: { status: true } }));
      if (row?.status === 'OPEN') {
        retryCounts.notOpenYet += 1;
        retried = true;
        await sleep(500);
        continue;
      }
    }
    throw new Error(
      `case ${caseId}: completing ${kind} as ${official.name} answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
    );
  }
}

/** Sends a request that must succeed (after retries), e.g. a case start or an upload. */
export async function must<T>(official: Official, method: string, path: string, body: unknown, ok = [200, 201]): Promise<T> {
  const answer = await official.send<T>(method, path, body);
  if (!ok.includes(answer.status))
    throw new Error(`${method} ${path} as ${official.name}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  return answer.body;
}

/** Runs `count` cases through `drive`, `concurrency` at a time; returns each case's expectation or its error. */
export async function runCases(
  count: number,
  concurrency: number,
  drive: (i: number) => Promise<CaseExpectation>,
): Promise<(CaseExpectation | Error)[]> {
  const results: (CaseExpectation | Error)[] = new Array<CaseExpectation | Error>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      for (let i = next++; i < count; i = next++) {
        try {
          results[i] = await drive(i);
        } catch (error) {
          results[i] = error instanceof Error ? error : new Error(String(error));
        }
      }
    }),
  );
  return results;
}
