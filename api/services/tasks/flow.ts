import type { Client } from '@temporalio/client';
import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { AppError } from '../../../domain/errors';
import { isProcedureId, PROCEDURES, returnTargets, type ProcedureStep } from '../../../domain/procedures';
import { sendBackTaskUpdate, takeBackTaskUpdate } from '../../../workflows/lib/messages';
import { actorOf, type Caller } from '../../plugins/app/auth';
import { findTaskForCaller, findTaskToWorkOn } from './find-task';
import { updateWorkflow, WorkflowRefusal } from '../temporal/workflow-door';

/**
 * 退回 and 取回: the two ways a procedure's flow goes back, for every procedure whose workflow runs its steps with
 * `humanStep` (workflows/lib/human-task.ts). The API checks who asks (organization, role, the completion's author) and
 * what the declaration allows (`Procedure.returns`); the workflow's Update validator decides again against its own
 * state. A refusal changes nothing and is audited with its reason.
 */
interface FlowContext {
  db: Db;
  temporal: Client;
  caller: Caller;
  taskId: string;
  requestId: string;
}

/** The steps a task of this procedure and kind may send the file back to, as its procedure declares. */
export function returnTargetsOf(procedure: string, kind: string): readonly ProcedureStep[] {
  return isProcedureId(procedure) ? returnTargets(PROCEDURES[procedure], kind) : [];
}

async function refused(ctx: FlowContext, action: string, caseId: string, reason: string, error: AppError): Promise<never> {
  await ctx.db.$transaction((tx) =>
    appendAudit(tx, {
      action,
      targetType: 'task',
      targetId: ctx.taskId,
      caseId,
      actorId: ctx.caller.userId,
      actingOrgId: ctx.caller.membership?.organizationId,
      outcome: 'refused',
      reason,
      requestId: ctx.requestId,
    }),
  );
  throw error;
}

/**
 * 退回: the holder of an open task (its organization and role; not claimed by someone else) sends the file back to an
 * earlier step the procedure allows, with a reason. Returns once the target step's task is open again.
 */
export async function sendBackTask(
  ctx: FlowContext & { toStep: string; reason: string },
): Promise<{ openTaskId: string | null }> {
  const { db, caller } = ctx;
  const task = await findTaskToWorkOn({ db, caller, taskId: ctx.taskId });
  const refuse = (reason: string, error: AppError) => refused(ctx, 'task.send-back', task.caseId, reason, error);
  if (task.status !== 'OPEN') return refuse('not-open', new AppError('TASK_NOT_OPEN'));
  if (!returnTargetsOf(task.case.procedure, task.kind).some((s) => s.key === ctx.toStep)) {
    return refuse(
      `not-allowed:${ctx.toStep}`,
      new AppError('RETURN_NOT_ALLOWED', { details: { from: task.kind, to: ctx.toStep } }),
    );
  }
  try {
    await updateWorkflow({
      temporal: ctx.temporal,
      workflowId: task.workflowId ?? task.case.workflowId,
      update: sendBackTaskUpdate,
      args: [{ taskId: task.id, actor: actorOf(caller), toStep: ctx.toStep, reason: ctx.reason, requestId: ctx.requestId }],
      updateId: `send-back-${task.id}`,
    });
  } catch (error) {
    if (error instanceof WorkflowRefusal) return refuse(`workflow:${error.refusal}`, error);
    throw error;
  }
  const reopened = await db.task.findFirst({
    where: { caseId: task.caseId, kind: ctx.toStep, status: 'OPEN' },
    orderBy: { createdAt: 'desc' },
    select: { id: true },
  });
  return { openTaskId: reopened?.id ?? null };
}

/**
 * 取回: the official who completed a step (still in its organization and role) takes the completion back while the next
 * step's task is open, unclaimed and not completed. The step's task reopens for them; returns its id.
 */
export async function takeBackTask(ctx: FlowContext): Promise<{ openTaskId: string | null }> {
  const { db, caller } = ctx;
  const task = await findTaskForCaller({ db, caller, taskId: ctx.taskId });
  const refuse = (reason: string, error: AppError) => refused(ctx, 'task.take-back', task.caseId, reason, error);
  if (task.status !== 'COMPLETED') return refuse('not-completed', new AppError('TAKE_BACK_NOT_ALLOWED'));
  if (task.completedById !== caller.userId) return refuse('not-author', new AppError('TAKE_BACK_NOT_YOURS'));
  const membership = caller.membership;
  if (membership?.organizationId !== task.candidateOrgId || membership.role !== task.candidateRole) {
    return refuse('not-eligible', new AppError('FORBIDDEN'));
  }
  const next = await db.task.findFirst({
    where: { caseId: task.caseId, status: 'OPEN', context: { path: ['previousTaskId'], equals: task.id } },
    select: { id: true, assigneeId: true },
  });
  if (!next || next.assigneeId !== null) {
    return refuse(next ? 'next-claimed' : 'next-acted', new AppError('TAKE_BACK_NOT_ALLOWED'));
  }
  try {
    await updateWorkflow({
      temporal: ctx.temporal,
      workflowId: task.workflowId ?? task.case.workflowId,
      update: takeBackTaskUpdate,
      args: [{ taskId: task.id, actor: actorOf(caller), requestId: ctx.requestId }],
      updateId: `take-back-${task.id}-${next.id}`,
    });
  } catch (error) {
    if (error instanceof WorkflowRefusal) return refuse(`workflow:${error.refusal}`, error);
    throw error;
  }
  const reopened = await db.task.findFirst({
    where: { caseId: task.caseId, kind: task.kind, status: 'OPEN', assigneeId: caller.userId },
    orderBy: { createdAt: 'desc' },
    select: { id: true },
  });
  return { openTaskId: reopened?.id ?? null };
}
