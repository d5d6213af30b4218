import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import type { Caller } from '../../plugins/app/auth';
import type { Prisma } from '../../../prisma/generated/client';

/**
 * The tasks a caller may act on: those assigned to them, and those offered to the organization and role of the
 * membership they currently act under. Every task read goes through this builder.
 */
export function actionableTaskWhere(caller: Caller): Prisma.TaskWhereInput {
  const membership = caller.membership;
  const offered: Prisma.TaskWhereInput[] = membership
    ? [{ candidateOrgId: membership.organizationId, candidateRole: membership.role }]
    : [];
  return { OR: [{ assigneeId: caller.userId }, ...offered] };
}

/** A task by id, if the caller may act on it; otherwise 404 (a foreign id does not reveal that it exists). */
export async function findTaskForCaller(db: Db, caller: Caller, taskId: string) {
  const task = await db.task.findFirst({
    where: { AND: [{ id: taskId }, actionableTaskWhere(caller)] },
    include: { case: { select: { id: true, workflowId: true, number: true, title: true, status: true } } },
  });
  if (!task) throw new AppError('NOT_FOUND');
  return task;
}
