import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { nextCaseNumber } from '../../../runtime/case-numbers';
import { AppError } from '../../../domain/errors';
import { PROCEDURES, type ProcedureId } from '../../../domain/procedures';
import { settledUpdate } from '../../../workflows/lib/messages';
import { type Prisma } from '../../../prisma/generated/client';
import type { Caller } from '../../plugins/app/auth';
import { workflowFailures } from '../../plugins/app/metrics';

export interface StartCaseOptions {
  db: Db;
  temporal: Client;
  taskQueue: string;
  procedure: ProcedureId;
  organizationId: string;
  title: string;
  caller: Caller;
  requestId: string;
  ruleSetVersion: string;
  data?: Record<string, unknown>;
  /** The workflow's arguments, given the new case id. */
  workflowArgs: (caseId: string) => unknown[];
}

/**
 * Opens a case: the Case row and its audit row commit together, then the workflow starts and the call waits until
 * it settled (its first task is in PostgreSQL). If Temporal refuses the start, the case is marked FAILED, audited,
 * and the caller gets 503: nothing is left half-open.
 */
export async function startCase(options: StartCaseOptions) {
  const { db, temporal, caller } = options;
  const procedure = PROCEDURES[options.procedure];
  const caseId = randomUUID();
  const workflowId = `${options.procedure}-${caseId}`;
  const created = await db.$transaction(async (tx) => {
    const number = await nextCaseNumber(tx, procedure.code, new Date().getFullYear());
    const row = await tx.case.create({
      data: {
        id: caseId,
        procedure: options.procedure,
        number,
        title: options.title,
        organizationId: options.organizationId,
        workflowId,
        ruleSetVersion: options.ruleSetVersion,
        data: (options.data ?? {}) as Prisma.InputJsonValue,
        openedById: caller.userId,
      },
    });
    await appendAudit(tx, {
      action: 'case.opened',
      targetType: 'case',
      targetId: caseId,
      caseId,
      actorId: caller.userId,
      actingOrgId: caller.membership?.organizationId,
      outcome: 'success',
      requestId: options.requestId,
      data: { procedure: options.procedure, number },
    });
    return row;
  });
  try {
    const start = new WithStartWorkflowOperation(procedure.workflowType, {
      workflowId,
      taskQueue: options.taskQueue,
      args: options.workflowArgs(caseId),
      workflowIdConflictPolicy: 'FAIL',
    });
    await temporal.workflow.executeUpdateWithStart(settledUpdate, { startWorkflowOperation: start });
  } catch (error) {
    // The start may have succeeded even though the answer was lost; only a workflow that does not exist fails the case.
    // One that exists is waited for like any start, so that the answer still comes with the first task in PostgreSQL
    // (a worker killed during the first workflow task, or an Update RPC that outlived its deadline, lands here).
    if (await workflowExists(temporal, workflowId)) {
      await temporal.workflow
        .getHandle(workflowId)
        .executeUpdate(settledUpdate)
        .catch(() => undefined); // still running, its task comes later: the case exists, so the start succeeded
      return created;
    }
    workflowFailures.inc({ operation: 'start' });
    await db.$transaction(async (tx) => {
      await tx.case.update({ where: { id: caseId }, data: { status: 'FAILED', closedAt: new Date() } });
      await appendAudit(tx, {
        action: 'case.start-failed',
        targetType: 'case',
        targetId: caseId,
        caseId,
        actorId: caller.userId,
        outcome: 'failed',
        reason: error instanceof Error ? error.message : String(error),
        requestId: options.requestId,
      });
    });
    throw new AppError('SERVICE_UNAVAILABLE', { details: { caseId } });
  }
  return created;
}

async function workflowExists(temporal: Client, workflowId: string): Promise<boolean> {
  try {
    await temporal.workflow.getHandle(workflowId).describe();
    return true;
  } catch {
    return false;
  }
}
