import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { failPendingStart, recordPendingStart, type WorkflowStart } from '../../../runtime/pending-starts';
import { nextCaseNumber } from '../../../runtime/case-numbers';
import { chinaDateOf } from '../../../domain/clock';
import { AppError } from '../../../domain/errors';
import { PROCEDURES, type ProcedureId } from '../../../domain/procedures';
import { type Prisma } from '../../../prisma/generated/client';
import type { Caller } from '../../plugins/app/auth';
import { workflowFailures } from '../../plugins/app/metrics';
import type { Idempotency } from './idempotent-start';
import { startWorkflow, workflowSettled } from '../temporal/workflow-door';
import { isTemporalNeverReached, isTemporalTimeout } from '../../../runtime/transient-errors';

export interface StartCaseOptions {
  db: Db;
  temporal: Client;
  taskQueue: string;
  procedure: ProcedureId;
  organizationId: string;
  title: string;
  caller: Caller;
  requestId: string;
  /** The case's rule set; by default the procedure's rule set on today's China date (`domain/procedures`). */
  ruleSetVersion?: string;
  data?: Record<string, unknown>;
  /** The workflow's arguments, given the new case id. */
  workflowArgs: (caseId: string) => unknown[];
  /** The client's Idempotency-Key, stored on the case (idempotent-start.ts answers repeats with this case). */
  idempotency?: Idempotency;
}

/**
 * Opens a case: the Case row, its audit row and the workflow start (an outbox row) commit together; then the workflow
 * starts and the call waits until it settled (its first task is in PostgreSQL). If Temporal refuses the start, the
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

/**
 * The first half of a start, in one transaction: the Case row, its audit row and the outbox row of its workflow start.
 * A process that dies right after it leaves exactly this behind, which the reconciler finishes.
 */
export async function openCase(options: StartCaseOptions) {
  const { db, caller } = options;
  const procedure = PROCEDURES[options.procedure];
  const ruleSetVersion = options.ruleSetVersion ?? procedure.ruleSetOn(chinaDateOf(new Date()));
  const caseId = randomUUID();
  const start: WorkflowStart = {
    caseId,
    workflowType: procedure.workflowType,
    workflowId: `${options.procedure}-${caseId}`,
    taskQueue: options.taskQueue,
    args: options.workflowArgs(caseId),
  };
  const created = await db.$transaction(async (tx) => {
    const number = await nextCaseNumber(tx, procedure.code, new Date().getFullYear());
    const row = await tx.case.create({
      data: {
        id: caseId,
        procedure: options.procedure,
        number,
        title: options.title,
        organizationId: options.organizationId,
        workflowId: start.workflowId,
        ruleSetVersion,
        data: (options.data ?? {}) as Prisma.InputJsonValue,
        openedById: caller.userId,
        idempotencyKey: options.idempotency?.key,
        idempotencyFingerprint: options.idempotency?.fingerprint,
      },
    });
    await recordPendingStart(tx, start);
    await appendAudit(tx, {
      action: 'case.opened',
      targetType: 'case',
      targetId: caseId,
      caseId,
      actorId: caller.userId,
      actingOrgId: caller.membership?.organizationId,
      outcome: 'success',
      requestId: options.requestId,
      // The rule set the case keeps for its whole life is part of the audited opening.
      data: { procedure: options.procedure, number, ruleSet: ruleSetVersion },
    });
    return row;
  });
  return { created, start };
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
