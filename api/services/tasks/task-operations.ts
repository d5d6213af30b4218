import type { Db, DbTx } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { notify } from '../../../runtime/notifications';
import { AppError } from '../../../domain/errors';
import type { Caller } from '../../plugins/app/auth';
import { ROLE_NAMES, type RoleName } from '../../../domain/roles';
import { eligibleMembershipWhere } from '../../authz/task-scope';
import { findTaskForCaller, findTaskToWorkOn } from './find-task';

interface OperationContext {
  db: Db;
  caller: Caller;
  taskId: string;
  requestId: string;
}

async function audited(
  ctx: OperationContext,
  caseId: string,
  action: string,
  data: Record<string, unknown>,
  write: (tx: DbTx) => Promise<void>,
) {
  await ctx.db.$transaction(async (tx) => {
    await write(tx);
    await appendAudit(tx, {
      action,
      targetType: 'task',
      targetId: ctx.taskId,
      caseId,
      actorId: ctx.caller.userId,
      actingOrgId: ctx.caller.membership?.organizationId,
      outcome: 'success',
      requestId: ctx.requestId,
      data,
    });
  });
}

function notOpen(): AppError {
  return new AppError('TASK_NOT_OPEN');
}

/** Claims an open task offered to the caller's organization and role; exactly one of two simultaneous claims wins. */
export async function claimTask(ctx: OperationContext): Promise<void> {
  const task = await findTaskToWorkOn({ db: ctx.db, caller: ctx.caller, taskId: ctx.taskId });
  if (task.status !== 'OPEN') throw notOpen();
  if (task.assigneeId === ctx.caller.userId) return;
  await audited(ctx, task.caseId, 'task.claimed', {}, async (tx) => {
    const won = await tx.task.updateMany({
      where: { id: task.id, status: 'OPEN', assigneeId: null },
      data: { assigneeId: ctx.caller.userId, claimedAt: new Date() },
    });
    if (won.count === 0) {
      await findTaskToWorkOn({ db: ctx.db, caller: ctx.caller, taskId: ctx.taskId }); // throws TASK_CLAIMED naming the winner
      throw notOpen();
    }
  });
}

export async function unclaimTask(ctx: OperationContext): Promise<void> {
  const task = await findTaskForCaller({ db: ctx.db, caller: ctx.caller, taskId: ctx.taskId });
  if (task.status !== 'OPEN' || task.assigneeId !== ctx.caller.userId) throw notOpen();
  await audited(ctx, task.caseId, 'task.unclaimed', {}, async (tx) => {
    await tx.task.update({ where: { id: task.id }, data: { assigneeId: null, claimedAt: null, delegatedById: null } });
  });
}

/**
 * A colleague who may hold the task: a member of its candidate organization with its candidate role (the statute gives
 * the step to that role, so assigning and delegating both check it). Otherwise 400 naming the field, and nothing changes.
 */
async function requireEligibleColleague(db: Db, userId: string, task: { candidateOrgId: string; candidateRole: string }) {
  const member = await db.membership.findFirst({ where: { userId, ...eligibleMembershipWhere(task) } });
  if (!member) {
    const role = ROLE_NAMES[task.candidateRole as RoleName] ?? { 'zh-CN': task.candidateRole, en: task.candidateRole };
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'userId',
          code: 'not_a_colleague',
          message: {
            'zh-CN': `只能交给本单位具有“${role['zh-CN']}”职责的同事。`,
            en: `Only a colleague of the same organization who holds the role “${role.en}”.`,
          },
        },
      ],
    });
  }
}

/** Colleagues who may hold the task (assign or delegate), for a caller who may act on it; `q` searches names. */
export async function eligibleAssignees(ctx: { db: Db; caller: Caller; taskId: string; q?: string }) {
  const task = await findTaskForCaller({ db: ctx.db, caller: ctx.caller, taskId: ctx.taskId });
  const q = ctx.q?.trim();
  return ctx.db.user.findMany({
    where: {
      memberships: { some: eligibleMembershipWhere(task) },
      ...(q
        ? { OR: [{ displayName: { contains: q, mode: 'insensitive' } }, { username: { contains: q, mode: 'insensitive' } }] }
        : {}),
    },
    select: { id: true, displayName: true, username: true },
    orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
    take: 50,
  });
}

/** Assigns the task to a colleague who holds the task's role in its organization. */
export async function assignTask(ctx: OperationContext & { userId: string }): Promise<void> {
  const task = await findTaskToWorkOn({ db: ctx.db, caller: ctx.caller, taskId: ctx.taskId });
  if (task.status !== 'OPEN') throw notOpen();
  await requireEligibleColleague(ctx.db, ctx.userId, task);
  await audited(ctx, task.caseId, 'task.assigned', { to: ctx.userId }, async (tx) => {
    await tx.task.update({
      where: { id: task.id },
      data: { assigneeId: ctx.userId, claimedAt: new Date(), delegatedById: null },
    });
    await notify(tx, {
      kind: 'task.assigned',
      userId: ctx.userId,
      caseId: task.caseId,
      taskId: task.id,
      params: { caseNumber: task.case.number, caseTitle: task.case.title, taskKind: task.kind },
    });
  });
}

/**
 * Delegates a task the caller holds to a colleague who holds the task's role in its organization (as assigning does);
 * it comes back with `returnTask`. The delegate's access ends with the task (see actionableTaskWhere).
 */
export async function delegateTask(ctx: OperationContext & { userId: string }): Promise<void> {
  const task = await findTaskToWorkOn({ db: ctx.db, caller: ctx.caller, taskId: ctx.taskId });
  if (task.status !== 'OPEN' || task.assigneeId !== ctx.caller.userId) throw notOpen();
  await requireEligibleColleague(ctx.db, ctx.userId, task);
  await audited(ctx, task.caseId, 'task.delegated', { to: ctx.userId }, async (tx) => {
    await tx.task.update({ where: { id: task.id }, data: { assigneeId: ctx.userId, delegatedById: ctx.caller.userId } });
    await notify(tx, {
      kind: 'task.assigned',
      userId: ctx.userId,
      caseId: task.caseId,
      taskId: task.id,
      params: { caseNumber: task.case.number, caseTitle: task.case.title, taskKind: task.kind, delegated: true },
    });
  });
}

/** Returns a delegated task to the official who delegated it. */
export async function returnTask(ctx: OperationContext): Promise<void> {
  const task = await findTaskForCaller({ db: ctx.db, caller: ctx.caller, taskId: ctx.taskId });
  if (task.status !== 'OPEN' || task.assigneeId !== ctx.caller.userId || !task.delegatedById) throw notOpen();
  const back = task.delegatedById;
  await audited(ctx, task.caseId, 'task.returned', { to: back }, async (tx) => {
    await tx.task.update({ where: { id: task.id }, data: { assigneeId: back, delegatedById: null } });
    await notify(tx, {
      kind: 'task.assigned',
      userId: back,
      caseId: task.caseId,
      taskId: task.id,
      params: { caseNumber: task.case.number, caseTitle: task.case.title, taskKind: task.kind, returned: true },
    });
  });
}

export async function commentOnTask(ctx: OperationContext & { body: string }) {
  const task = await findTaskForCaller({ db: ctx.db, caller: ctx.caller, taskId: ctx.taskId });
  let id = '';
  await audited(ctx, task.caseId, 'task.commented', {}, async (tx) => {
    id = (
      await tx.taskComment.create({ data: { taskId: task.id, caseId: task.caseId, authorId: ctx.caller.userId, body: ctx.body } })
    ).id;
  });
  return id;
}
