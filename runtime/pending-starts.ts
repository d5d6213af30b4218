// Case workflow starts through an outbox. A case row and its PendingWorkflowStart row commit together; the API then
// starts the workflow and deletes the row. If the API dies in between (or loses Temporal's answer), the row stays, and
// the worker's reconciler starts the workflow from it a few minutes later: an opened case is never left without its
// procedure. Starting twice is harmless: the workflow id is the case's, an existing run is reused, and a closed one is
// never started again. A row may carry an Update instead, sent with a fixed update id so that it counts once: until
// issue 19 a migrant application was an Update to its election, and rows written then are still delivered that way.
import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import type { Prisma } from '../prisma/generated/client';
import { settledUpdate } from '../workflows/lib/messages';
import { appendAudit } from './audit';
import type { Db, DbClient, DbTx } from './db';

export interface WorkflowStart {
  caseId: string;
  /** The case's workflow type (informational for an Update row). */
  workflowType: string;
  /** The workflow to start, or for an Update row the workflow the Update goes to. */
  workflowId: string;
  taskQueue: string;
  args: unknown[];
  /** Set when the case's workflow is started by an Update to another workflow. */
  update?: { name: string; id: string };
}

/** Records the start in the case's own transaction (the outbox row). */
export async function recordPendingStart(tx: DbClient, start: WorkflowStart): Promise<void> {
  const { update, ...row } = start;
  await tx.pendingWorkflowStart.create({
    data: { ...row, args: start.args as Prisma.InputJsonValue, updateName: update?.name ?? null, updateId: update?.id ?? null },
  });
}

/** The case's unfinished start from the outbox, or null when its workflow has started (or its start failed). */
export async function pendingStartOf(db: DbClient, caseId: string): Promise<WorkflowStart | null> {
  const row = await db.pendingWorkflowStart.findUnique({ where: { caseId } });
  if (!row) return null;
  return {
    caseId,
    workflowType: row.workflowType,
    workflowId: row.workflowId,
    taskQueue: row.taskQueue,
    args: row.args as unknown[],
    update: row.updateName && row.updateId ? { name: row.updateName, id: row.updateId } : undefined,
  };
}

/**
 * Starts the case's workflow (or sends its Update) and waits until it settled (its first task is in PostgreSQL), then
 * removes the outbox row. Throws what Temporal threw when it failed; a workflow that already ran counts as started.
 */
export async function launchWorkflow(db: Db, temporal: Client, start: WorkflowStart): Promise<void> {
  try {
    if (start.update) {
      await temporal.workflow
        .getHandle(start.workflowId)
        .executeUpdate(start.update.name, { args: start.args as [unknown], updateId: start.update.id });
    } else {
      await temporal.workflow.executeUpdateWithStart(settledUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation(start.workflowType, {
          workflowId: start.workflowId,
          taskQueue: start.taskQueue,
          args: start.args,
          // A second start (the reconciler after an API that died, or the other way round) joins the running
          // workflow, and a procedure whose workflow already closed is never started again.
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      });
    }
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  await db.pendingWorkflowStart.deleteMany({ where: { caseId: start.caseId } });
}

/** Temporal's definite "no" to a start sent as an Update: the validator or the workflow refused, or it is gone. */
export function isRefusedStart(error: unknown): boolean {
  return error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError;
}

/** What else a refused start changes, by procedure, besides the case becoming FAILED. */
const ON_START_REFUSED: Partial<Record<string, (tx: DbTx, caseId: string) => Promise<unknown>>> = {
  'migrant-eligibility': (tx, caseId) =>
    tx.migrantApplication.update({
      where: { id: caseId },
      data: { status: 'REFUSED', decisionReason: '申请未被受理（选民登记已结束）' },
    }),
};

/**
 * Marks a case whose start failed FAILED, with its audit row, if its outbox row is still there (removing it). Returns
 * false when the row was gone: someone else (the API or the reconciler) finished or failed the start first.
 */
export async function failPendingStart(
  tx: DbTx,
  caseId: string,
  audit: { actorId?: string | null; reason: string; requestId?: string | null },
): Promise<boolean> {
  const { count } = await tx.pendingWorkflowStart.deleteMany({ where: { caseId } });
  if (count === 0) return false;
  // The failed case gives up its Idempotency-Key: the client's repeat after the 503 opens a new case.
  const kase = await tx.case.update({
    where: { id: caseId },
    data: { status: 'FAILED', closedAt: new Date(), idempotencyKey: null },
  });
  await ON_START_REFUSED[kase.procedure]?.(tx, caseId);
  await appendAudit(tx, {
    action: 'case.start-failed',
    targetType: 'case',
    targetId: caseId,
    caseId,
    outcome: 'failed',
    ...audit,
  });
  return true;
}

/** Starts at most this many forgotten workflows per round. */
const BATCH = 50;

interface PendingRow {
  workflow_type: string;
  workflow_id: string;
  task_queue: string;
  args: unknown[];
  update_name: string | null;
  update_id: string | null;
}

/**
 * One round of the reconciler: every start older than `olderThanMs` whose API did not finish it is started now. Each
 * row is locked while its workflow starts (an API still busy with it waits, then finds the row gone); a case that is
 * no longer open only loses its row; a start Temporal refuses fails the case. Returns how many workflows it started.
 */
export async function resumePendingStarts(db: Db, temporal: Client, olderThanMs = 120_000): Promise<number> {
  const due = await db.pendingWorkflowStart.findMany({
    where: { createdAt: { lt: new Date(Date.now() - olderThanMs) } },
    orderBy: { createdAt: 'asc' },
    take: BATCH,
    select: { caseId: true },
  });
  let started = 0;
  for (const { caseId } of due) {
    const outcome = await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<PendingRow[]>`
        SELECT workflow_type, workflow_id, task_queue, args, update_name, update_id FROM pending_workflow_start
        WHERE case_id = ${caseId}::uuid FOR UPDATE SKIP LOCKED`;
      if (!row) return 'busy'; // the API is finishing it right now, or it is gone
      const kase = await tx.case.findUnique({ where: { id: caseId }, select: { status: true } });
      if (kase?.status !== 'OPEN') {
        await tx.pendingWorkflowStart.delete({ where: { caseId } });
        return 'closed';
      }
      let runId: string | null = null;
      try {
        if (row.update_name && row.update_id) {
          await temporal.workflow
            .getHandle(row.workflow_id)
            .executeUpdate(row.update_name, { args: row.args as [unknown], updateId: row.update_id });
        } else {
          const handle = await temporal.workflow.start(row.workflow_type, {
            workflowId: row.workflow_id,
            taskQueue: row.task_queue,
            args: row.args,
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          });
          runId = handle.firstExecutionRunId;
        }
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) {
          await tx.pendingWorkflowStart.delete({ where: { caseId } });
          return 'closed';
        }
        if (!isRefusedStart(error)) throw error; // Temporal not reachable: the row stays for the next round
        await failPendingStart(tx, caseId, { reason: error instanceof Error ? error.message : String(error) });
        return 'refused';
      }
      await tx.pendingWorkflowStart.delete({ where: { caseId } });
      await appendAudit(tx, {
        action: 'case.start-resumed',
        targetType: 'case',
        targetId: caseId,
        caseId,
        outcome: 'success',
        reason: 'the API that opened the case did not finish starting its workflow',
        data: { workflowId: row.workflow_id, runId, update: row.update_name },
      });
      return 'started';
    });
    if (outcome === 'started') started += 1;
  }
  return started;
}

/** Runs `resumePendingStarts` every `intervalMs` in the worker process; errors are logged and retried next round. */
export function startPendingStartReconciler(options: {
  db: Db;
  temporal: Client;
  log: (line: string) => void;
  intervalMs?: number;
  olderThanMs?: number;
}): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const started = await resumePendingStarts(options.db, options.temporal, options.olderThanMs);
      if (started > 0) options.log(`reconciler: started ${started} case workflow(s) whose API did not finish the start`);
    } catch (error) {
      options.log(`reconciler: ${error instanceof Error ? error.message : String(error)} (retrying next round)`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 60_000);
  return { stop: () => clearInterval(timer) };
}
