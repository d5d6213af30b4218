import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../../runtime/db';
import { failPendingStart, type WorkflowStart } from '../../../runtime/pending-starts';
import { openCase, type OpenCaseOptions } from '../../../runtime/open-case';
import { AppError } from '../../../domain/errors';
import type { Caller } from '../../plugins/app/auth';
import { workflowFailures } from '../../plugins/app/metrics';
import type { Idempotency } from './idempotent-start';
import { startWorkflow, workflowSettled } from '../temporal/workflow-door';
import { isTemporalNeverReached, isTemporalTimeout } from '../../../runtime/transient-errors';

export interface StartCaseOptions extends Omit<OpenCaseOptions, 'caller' | 'caseId' | 'audit'> {
  temporal: Client;
  caller: Caller;
  requestId: string;
  /** The client's Idempotency-Key, stored on the case (idempotent-start.ts answers repeats with this case). */
  idempotency?: Idempotency;
}

/**
 * Opens a case (`openCase`: the Case row, its audit row and the workflow start, an outbox row, commit together); then
 * the workflow starts and the call waits until it settled (its first task is in PostgreSQL). If Temporal refuses the start, the
 * case is marked FAILED, audited, and the caller gets 503: nothing is left half-open. If this process dies between
 * the commit and the start, the worker's reconciler starts the workflow from the outbox (runtime/pending-starts.ts).
 */
export async function startCase(options: StartCaseOptions) {
  const { db, temporal, caller } = options;
  const { created, start } = await openCase(options);
  const caseId = start.caseId;
  try {
    await startWorkflow({ db, temporal, start });
  } catch (error) {
    // The start may have succeeded even though the answer was lost; only a workflow that does not exist fails the case.
    // One that exists is waited for like any start, so that the answer still comes with the first task in PostgreSQL
    // (a worker killed during the first workflow task, or an Update RPC that outlived its deadline, lands here).
    const timedOut = isTemporalTimeout(error);
    if (await workflowExists(temporal, start, error)) {
      if (!timedOut) await settledAndForget(db, temporal, start);
      else await db.pendingWorkflowStart.deleteMany({ where: { caseId } }); // started; its first task comes later
      return created;
    }
    // Out of time, the start may still land: the outbox row stays for the reconciler (and the client's repeat with its
    // Idempotency-Key), and the case stays open.
    if (timedOut) throw new AppError('SERVICE_UNAVAILABLE', { details: { caseId } });
    workflowFailures.inc({ operation: 'start' });
    // The reconciler may hold (and then start) this start; only the one that removes the outbox row decides.
    const failed = await db.$transaction((tx) =>
      failPendingStart(tx, caseId, {
        actorId: caller.userId,
        reason: error instanceof Error ? error.message : String(error),
        requestId: options.requestId,
      }),
    );
    if (!failed && (await workflowExists(temporal, start, error))) {
      await settledAndForget(db, temporal, start);
      return created;
    }
    throw new AppError('SERVICE_UNAVAILABLE', { details: { caseId } });
  }
  return created;
}

/** Waits (briefly) for a workflow that exists to settle and drops its outbox row: the start has happened. */
async function settledAndForget(db: Db, temporal: Client, start: WorkflowStart): Promise<void> {
  await workflowSettled({ temporal, workflowId: start.workflowId }).catch(() => undefined); // still running, its task comes later: the case exists, so the start succeeded
  await db.pendingWorkflowStart.deleteMany({ where: { caseId: start.caseId } });
}

/**
 * Whether Temporal has the workflow after its start failed with `startError`. No only when Temporal says "not found",
 * or when neither the start nor this question ever reached Temporal (no connection: the start cannot have happened).
 * Any other failure decides nothing: the caller gets 503, the case stays open and its outbox row stays for the
 * reconciler.
 */
export async function workflowExists(temporal: Client, start: WorkflowStart, startError: unknown): Promise<boolean> {
  try {
    await temporal.workflow.getHandle(start.workflowId).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    if (isTemporalNeverReached(startError)) return false;
    throw new AppError('SERVICE_UNAVAILABLE', { details: { caseId: start.caseId } });
  }
}
