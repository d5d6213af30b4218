import { randomUUID } from 'node:crypto';
import type { Db, DbTx } from './db';
import { appendAudit } from './audit';
import { nextCaseNumber } from './case-numbers';
import { recordPendingStart, type WorkflowStart } from './pending-starts';
import { enqueueWebhookEvent } from './webhook-events';
import { PROCEDURES, type ProcedureId } from '../domain/procedures';
import { chinaDateOf } from '../domain/clock';
import type { Prisma } from '../prisma/generated/client';

export interface OpenCaseOptions {
  db: Db;
  procedure: ProcedureId;
  organizationId: string;
  title: string;
  /** The rule set the case keeps for its whole life; by default the procedure's on today's China date (`domain/procedures`). */
  ruleSetVersion?: string;
  taskQueue: string;
  data?: Record<string, unknown>;
  /** The workflow's arguments, given the new case id. */
  workflowArgs: (caseId: string) => unknown[];
  /** Who opens the case, acting for their current organization; none when a procedure opens it (an activity). */
  caller?: { userId: string; membership?: { organizationId: string } | null };
  requestId?: string;
  /** The case id, when the opener chooses it (a procedure derives it, so that a retry opens nothing twice). */
  caseId?: string;
  /** The client's Idempotency-Key, stored on the case. */
  idempotency?: { key: string; fingerprint: string };
  /** Why the case was opened and what else the opening audit row records (e.g. the case that opened it). */
  audit?: { reason?: string; data?: Record<string, unknown> };
  /** More writes that commit with the case (e.g. its 我要查 query code, the rating that opens a rectification). */
  alsoInTransaction?: (tx: DbTx, caseId: string) => Promise<void>;
}

/** The workflow id of a case: the procedure and the case id, for every case whoever opens it. */
export function caseWorkflowId(procedure: ProcedureId, caseId: string): string {
  return `${procedure}-${caseId}`;
}

/**
 * Opens a case, the one way for the API and for activities, in one transaction: the Case row with its readable number,
 * the outbox row of its workflow start and its audit row. A process that dies right after it leaves exactly this
 * behind, which the worker's reconciler finishes (runtime/pending-starts.ts); the caller then starts the workflow.
 */
export async function openCase(options: OpenCaseOptions) {
  const { db, caller } = options;
  const procedure = PROCEDURES[options.procedure];
  const caseId = options.caseId ?? randomUUID();
  const ruleSetVersion = options.ruleSetVersion ?? procedure.ruleSetOn(chinaDateOf(new Date()));
  const start: WorkflowStart = {
    caseId,
    workflowType: procedure.workflowType,
    workflowId: caseWorkflowId(options.procedure, caseId),
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
        openedById: caller?.userId,
        idempotencyKey: options.idempotency?.key,
        idempotencyFingerprint: options.idempotency?.fingerprint,
      },
    });
    await recordPendingStart(tx, start);
    await options.alsoInTransaction?.(tx, caseId);
    await enqueueWebhookEvent(tx, {
      type: 'case.opened',
      organizationId: options.organizationId,
      caseId,
      caseNumber: number,
      data: { procedure: options.procedure, ruleSet: ruleSetVersion },
      dedupeKey: `case.opened:${caseId}`,
    });
    await appendAudit(tx, {
      action: 'case.opened',
      targetType: 'case',
      targetId: caseId,
      caseId,
      actorId: caller?.userId,
      actingOrgId: caller?.membership?.organizationId,
      outcome: 'success',
      requestId: options.requestId,
      reason: options.audit?.reason,
      // The rule set the case keeps for its whole life is part of the audited opening.
      data: { procedure: options.procedure, number, ...options.audit?.data, ruleSet: ruleSetVersion },
    });
    return row;
  });
  return { created, start };
}
