import { isDeepStrictEqual } from 'node:util';
import type { Client } from '@temporalio/client';
import type { Db } from '../runtime/db';
import { verifyAuditChain } from '../runtime/audit-verify';
import type { CaseExpectation, Completion } from './officials/steps';

export interface ProcedureFigures {
  casesRun: number;
  atExpectedEnd: number;
  /** Cases whose script failed (an unexpected answer), with the first few messages. */
  scriptErrors: number;
  /** Cases not at their expected end: case status, data, workflow status or task rows differ. */
  unfinished: number;
  tasksDuplicated: number;
  decisionsLost: number;
}

export interface Verification {
  procedures: Record<string, ProcedureFigures>;
  completionsAnswered: number;
  completionsAfterRetry409: number;
  tasksDuplicated: number;
  decisionsLost: number;
  unfinished: number;
  /** Cases whose start failed (503, case FAILED) while their workflow runs anyway. */
  failedStartsStillRunning: number;
  failedStarts: number;
  /** Outbox rows of case starts nobody finished (runtime/pending-starts.ts): 0 once every case ran. */
  pendingStartsLeft: number;
  /**
   * Cases no script drove, by procedure and status: those the procedures open themselves (a migrant application's
   * review, the election a conversion calls) and any opened twice by a retried start (which would stay OPEN).
   */
  otherCases: Record<string, Record<string, number>>;
  audit: { ok: boolean; checked: number; firstBroken?: unknown };
  problems: string[];
}

/** `actual` has every field of `expected` with an equal value (the form schema may add defaults or trim text). */
function contains(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected !== 'object')
    return isDeepStrictEqual(actual, expected) || (typeof expected === 'string' && actual === expected.trim());
  if (Array.isArray(expected))
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => contains(actual[i], e));
  if (actual === null || typeof actual !== 'object') return false;
  return Object.entries(expected).every(([k, v]) => v === undefined || contains((actual as Record<string, unknown>)[k], v));
}

async function inBatches<T>(items: T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}

/**
 * After the run: every case at its expected end (case row, workflow, task rows), no task twice (a step opened more
 * often than the script drove it, or a task with more than one completion in the audit trail), no decision lost (a
 * completion the API accepted whose result is not in the task row and the audit trail), and the audit chain verifies.
 */
export async function verifyRun(
  db: Db,
  temporal: Client,
  results: Record<string, (CaseExpectation | Error)[]>,
  completions: Completion[],
): Promise<Verification> {
  const problems: string[] = [];
  const note = (p: string) => void (problems.length < 30 && problems.push(p));
  const procedures: Record<string, ProcedureFigures> = {};
  const expectations = Object.values(results)
    .flat()
    .filter((r): r is CaseExpectation => !(r instanceof Error));
  // Completions of cases whose script failed count too: their decisions must be kept like any other.
  const caseIds = [...new Set([...expectations.map((e) => e.caseId), ...completions.map((c) => c.caseId)])];
  const [cases, tasks, completionAudits] = await Promise.all([
    db.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, status: true, data: true, workflowId: true } }),
    db.task.findMany({
      where: { caseId: { in: caseIds } },
      select: { id: true, caseId: true, kind: true, status: true, result: true },
    }),
    db.auditEvent.findMany({
      where: { caseId: { in: caseIds }, action: 'task.completed' },
      select: { targetId: true, data: true },
    }),
  ]);
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const tasksByCase = new Map<string, typeof tasks>();
  for (const t of tasks) tasksByCase.set(t.caseId, [...(tasksByCase.get(t.caseId) ?? []), t]);
  const auditsByTask = new Map<string, typeof completionAudits>();
  for (const a of completionAudits) auditsByTask.set(a.targetId ?? '', [...(auditsByTask.get(a.targetId ?? '') ?? []), a]);

  const workflowStatus = new Map<string, string>();
  await inBatches(cases, 16, async (c) => {
    try {
      workflowStatus.set(c.id, (await temporal.workflow.getHandle(c.workflowId).describe()).status.name);
    } catch (error) {
      workflowStatus.set(c.id, `unknown (${error instanceof Error ? error.message : String(error)})`);
    }
  });

  for (const [procedure, list] of Object.entries(results)) {
    const figures: ProcedureFigures = {
      casesRun: list.length,
      atExpectedEnd: 0,
      scriptErrors: 0,
      unfinished: 0,
      tasksDuplicated: 0,
      decisionsLost: 0,
    };
    procedures[procedure] = figures;
    for (const r of list) {
      if (r instanceof Error) {
        figures.scriptErrors += 1;
        figures.unfinished += 1;
        note(`${procedure}: ${r.message}`);
        continue;
      }
      const row = caseById.get(r.caseId);
      const own = tasksByCase.get(r.caseId) ?? [];
      // Duplicates: more rows of a step than the script drove, or a task completed twice in the audit trail.
      const byKind = new Map<string, number>();
      for (const t of own) byKind.set(t.kind, (byKind.get(t.kind) ?? 0) + 1);
      let duplicated = 0;
      for (const [kind, n] of byKind) if (n > (r.tasks[kind] ?? 0)) duplicated += n - (r.tasks[kind] ?? 0);
      for (const t of own) duplicated += Math.max(0, (auditsByTask.get(t.id)?.length ?? 0) - 1);
      if (duplicated) note(`${procedure} ${r.caseId}: ${duplicated} duplicated task(s) ${JSON.stringify([...byKind])}`);
      figures.tasksDuplicated += duplicated;

      const expectedWorkflow = r.status === 'OPEN' ? 'RUNNING' : 'COMPLETED';
      const atEnd =
        row?.status === r.status &&
        contains(row.data, r.data ?? {}) &&
        workflowStatus.get(r.caseId) === expectedWorkflow &&
        own.every((t) => t.status === 'COMPLETED') &&
        Object.entries(r.tasks).every(([kind, n]) => (byKind.get(kind) ?? 0) >= n);
      if (atEnd) figures.atExpectedEnd += 1;
      else {
        figures.unfinished += 1;
        note(
          `${procedure} ${r.caseId}: case ${row?.status} (expected ${r.status}), workflow ${workflowStatus.get(r.caseId)}, tasks ${JSON.stringify(own.map((t) => [t.kind, t.status]))}`,
        );
      }
    }
  }

  // No decision lost: each accepted completion is in its task row and in exactly one audit row with that result.
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const procedureOf = new Map(expectations.map((e) => [e.caseId, e.procedure]));
  for (const c of completions) {
    const task = taskById.get(c.taskId);
    const audits = auditsByTask.get(c.taskId) ?? [];
    const kept =
      task?.status === 'COMPLETED' &&
      contains(task.result, c.payload) &&
      audits.some((a) => contains((a.data as { result?: unknown }).result, c.payload));
    if (!kept) {
      const procedure = procedureOf.get(c.caseId);
      if (procedure && procedures[procedure]) procedures[procedure].decisionsLost += 1;
      note(
        `decision lost: ${c.kind} ${c.taskId} (answered ${c.status}) row ${task?.status} ${String(JSON.stringify(task?.result)).slice(0, 200)}`,
      );
    }
  }

  const failed = await db.case.findMany({ where: { status: 'FAILED' }, select: { id: true, workflowId: true } });
  let failedStartsStillRunning = 0;
  await inBatches(failed, 16, async (c) => {
    try {
      const status = (await temporal.workflow.getHandle(c.workflowId).describe()).status.name;
      if (status === 'RUNNING') {
        failedStartsStillRunning += 1;
        note(`case ${c.id} is FAILED but its workflow runs`);
      }
    } catch {
      // no workflow: the start really failed
    }
  });

  const otherCases: Record<string, Record<string, number>> = {};
  const others = await db.case.groupBy({
    by: ['procedure', 'status'],
    where: { id: { notIn: caseIds } },
    _count: { _all: true },
  });
  for (const o of others) otherCases[o.procedure] = { ...otherCases[o.procedure], [o.status]: o._count._all };

  const pendingStartsLeft = await db.pendingWorkflowStart.count();
  if (pendingStartsLeft > 0) note(`${pendingStartsLeft} case start(s) still in the outbox`);

  const audit = await verifyAuditChain(db);
  if (!audit.ok) note(`audit chain broken at ${JSON.stringify(audit.firstBroken)}`);
  const sum = (k: keyof ProcedureFigures) => Object.values(procedures).reduce((s, p) => s + p[k], 0);
  return {
    procedures,
    completionsAnswered: completions.length,
    completionsAfterRetry409: completions.filter((c) => c.status === 409).length,
    tasksDuplicated: sum('tasksDuplicated'),
    decisionsLost: sum('decisionsLost'),
    unfinished: sum('unfinished'),
    failedStarts: failed.length,
    failedStartsStillRunning,
    pendingStartsLeft,
    otherCases,
    audit: { ok: audit.ok, checked: audit.checked, firstBroken: audit.firstBroken },
    problems,
  };
}
