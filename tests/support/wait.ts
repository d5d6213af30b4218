import type { Db } from '../../runtime/db';

/** Polls `probe` every 250 ms until it gives a value (not null, undefined or false); fails after `timeoutMs`. */
export async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The open task of a kind on a case, once the workflow has written it (polled every 200 ms for `timeoutMs`). */
export async function openTaskOf(db: Db, caseId: string, kind: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const task = await db.task.findFirst({ where: { caseId, kind, status: 'OPEN' } });
    if (task) return task;
    if (Date.now() > until) throw new Error(`no open ${kind} task for case ${caseId}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
