import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import type { Caller } from '../../plugins/app/auth';
import type { Prisma } from '../../../prisma/generated/client';
import { currentMembership } from '../../authz/scope';

/**
 * Tasks a caller may act on: those assigned to them, and those offered to the organization and role of the
 * membership they currently act under. Every task read and write goes through these builders.
 */
export function actionableTaskWhere(caller: Caller): Prisma.TaskWhereInput {
  const membership = caller.membership;
  const offered: Prisma.TaskWhereInput[] = membership ? [{ candidateOrgId: membership.organizationId, candidateRole: membership.role }] : [];
  return { OR: [{ assigneeId: caller.userId }, ...offered] };
}

/** Tasks a caller may see for supervision: every task offered anywhere in their organization's subtree. */
export function supervisedTaskWhere(caller: Caller): Prisma.TaskWhereInput {
  return { candidateOrgAncestors: { has: currentMembership(caller).organizationId } };
}

const taskInclude = { case: { select: { id: true, workflowId: true, number: true, title: true, status: true, procedure: true } } } as const;

/** A task by id, if the caller may act on it; otherwise 404 (a foreign id does not reveal that it exists). */
export async function findTaskForCaller(db: Db, caller: Caller, taskId: string) {
  const task = await db.task.findFirst({ where: { AND: [{ id: taskId }, actionableTaskWhere(caller)] }, include: taskInclude });
  if (!task) throw new AppError('NOT_FOUND');
  return task;
}

/** A task the caller may act on now: open, and not claimed by someone else (409 naming who holds it). */
export async function findTaskToWorkOn(db: Db, caller: Caller, taskId: string) {
  const task = await findTaskForCaller(db, caller, taskId);
  if (task.status === 'OPEN' && task.assigneeId && task.assigneeId !== caller.userId) {
    const holder = await db.user.findUnique({ where: { id: task.assigneeId }, select: { displayName: true } });
    const name = holder?.displayName ?? '—';
    throw new AppError('TASK_CLAIMED', {
      details: { assignee: name },
      message: { 'zh-CN': `该任务已由 ${name} 认领。`, en: `${name} has claimed this task.` },
    });
  }
  return task;
}
