// Case workflow starts through an outbox. A case row and its PendingWorkflowStart row commit together; the API then
// starts the workflow and deletes the row. If the API dies in between (or loses Temporal's answer), the row stays, and
// the worker's reconciler starts the workflow from it a few minutes later: an opened case is never left without its
// procedure. Starting twice is harmless: the workflow id is the case's, an existing run is reused, and a closed one is
// never started again.
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Prisma } from '../prisma/generated/client';
import { settledUpdate } from '../workflows/lib/messages';
import { appendAudit } from './audit';
import type { Db, DbClient } from './db';

export interface WorkflowStart {
  caseId: string;
  workflowType: string;
  workflowId: string;
  taskQueue: string;
  args: unknown[];
}

/** Records the start in the case's own transaction (the outbox row). */
export async function recordPendingStart(tx: DbClient, start: WorkflowStart): Promise<void> {
  await tx.pendingWorkflowStart.create({ data: { ...start, args: start.args as Prisma.InputJsonValue } });
}

function startOperation(start: WorkflowStart) {
  return new WithStartWorkflowOperation(start.workflowType, {
    workflowId: start.workflowId,
    taskQueue: start.taskQueue,
    args: start.args,
    // A second start (the reconciler after an API that died, or the other way round) joins the running workflow…
    workflowIdConflictPolicy: 'USE_EXISTING',
    // …and never starts a procedure again whose workflow already closed.
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
}

/**
 * Starts the case's workflow and waits until it settled (its first task is in PostgreSQL), then removes the outbox
 * row. Throws what Temporal threw when the start failed; a workflow that already ran to its end counts as started.
 */
export async function launchWorkflow(db: Db, temporal: Client, start: WorkflowStart): Promise<void> {
  try {
    await temporal.workflow.executeUpdateWithStart(settledUpdate, { startWorkflowOperation: startOperation(start) });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  await db.pendingWorkflowStart.deleteMany({ where: { caseId: start.caseId } });
}

/** Starts at most this many forgotten workflows per round. */
const BATCH = 50;

/**
 * One round of the reconciler: every start older than `olderThanMs` whose API did not finish it is started now. Each
 * row is locked while its workflow starts (an API still busy with it waits, then finds the row gone); a case that is
 * no longer open only loses its row. Returns how many workflows it started.
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
    const resumed = await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ workflow_type: string; workflow_id: string; task_queue: string; args: unknown[] }[]>`
        SELECT workflow_type, workflow_id, task_queue, args FROM pending_workflow_start
        WHERE case_id = ${caseId}::uuid FOR UPDATE SKIP LOCKED`;
      if (!row) return false; // the API is finishing it right now, or it is gone
      const kase = await tx.case.findUnique({ where: { id: caseId }, select: { status: true } });
      if (kase?.status === 'OPEN') {
        const handle = await temporal.workflow
          .start(row.workflow_type, {
            workflowId: row.workflow_id,
            taskQueue: row.task_queue,
            args: row.args,
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          })
          .catch((error: unknown) => {
            if (error instanceof WorkflowExecutionAlreadyStartedError) return undefined;
            throw error;
          });
        await appendAudit(tx, {
          action: 'case.start-resumed',
          targetType: 'case',
          targetId: caseId,
          caseId,
          outcome: 'success',
          reason: 'the API that opened the case did not finish starting its workflow',
          data: { workflowId: row.workflow_id, runId: handle?.firstExecutionRunId ?? null },
        });
      }
      await tx.pendingWorkflowStart.delete({ where: { caseId } });
      return kase?.status === 'OPEN';
    });
    if (resumed) started += 1;
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
