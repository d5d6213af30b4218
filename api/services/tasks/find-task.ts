import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import type { Caller } from '../../plugins/app/auth';
import { actionableTaskWhere, maySupervise, supervisedTaskWhere } from '../../authz/task-scope';

const taskInclude = {
  case: { select: { id: true, workflowId: true, number: true, title: true, status: true, procedure: true } },
} as const;

/** A task by id, if the caller may act on it; otherwise 404 (a foreign id does not reveal that it exists). */
export async function findTaskForCaller({ db, caller, taskId }: { db: Db; caller: Caller; taskId: string }) {
  const task = await db.task.findFirst({ where: { AND: [{ id: taskId }, actionableTaskWhere(caller)] }, include: taskInclude });
  if (task) return task;
  // A supervisor sees the task (read-only) but does not act on it: say so rather than pretend it does not exist.
  if (
    caller.membership &&
    maySupervise(caller) &&
    (await db.task.count({ where: { AND: [{ id: taskId }, supervisedTaskWhere(caller)] } })) > 0
  ) {
    throw new AppError('FORBIDDEN', {
      details: { reason: 'supervision-read-only' },
      message: {
        'zh-CN': '督办人员只能查看下级单位的任务，不能认领或办理。',
        en: 'A supervisor may view the task of a subordinate organization but not claim or complete it.',
      },
    });
  }
  throw new AppError('NOT_FOUND');
}

/**
 * A task to read: one the caller may act on (`access: 'act'`), or one of their organization's subtree they supervise
 * (`access: 'supervise'`, read-only); otherwise 404.
 */
export async function findTaskToRead({ db, caller, taskId }: { db: Db; caller: Caller; taskId: string }) {
  const actionable = await db.task.findFirst({
    where: { AND: [{ id: taskId }, actionableTaskWhere(caller)] },
    include: taskInclude,
  });
  if (actionable) return { ...actionable, access: 'act' as const };
  if (caller.membership && maySupervise(caller)) {
    const supervised = await db.task.findFirst({
      where: { AND: [{ id: taskId }, supervisedTaskWhere(caller)] },
      include: taskInclude,
    });
    if (supervised) return { ...supervised, access: 'supervise' as const };
  }
  throw new AppError('NOT_FOUND');
}

/**
 * A task the caller may act on now: open, not claimed by someone else (409 naming who holds it), by a caller acting
 * under a membership that holds the task's role in its organization (an official acts only for their own organization:
 * an assignment made before delegation checked the role, or a membership removed since, gives no right to decide: 403).
 */
export async function findTaskToWorkOn({ db, caller, taskId }: { db: Db; caller: Caller; taskId: string }) {
  const task = await findTaskForCaller({ db, caller, taskId });
  if (
    task.status === 'OPEN' &&
    task.assigneeId &&
    task.assigneeId !== caller.userId &&
    !caller.actingFor?.includes(task.assigneeId) // a period delegation (委托/代理) of the holder to the caller
  ) {
    const holder = await db.user.findUnique({ where: { id: task.assigneeId }, select: { displayName: true } });
    const name = holder?.displayName ?? '—';
    throw new AppError('TASK_CLAIMED', {
      details: { assignee: name },
      message: { 'zh-CN': `该任务已由 ${name} 认领。`, en: `${name} has claimed this task.` },
    });
  }
  const membership = caller.membership;
  if (membership?.organizationId !== task.candidateOrgId || membership.role !== task.candidateRole) {
    const holdsIt = caller.memberships.some((m) => m.organizationId === task.candidateOrgId && m.role === task.candidateRole);
    throw new AppError('FORBIDDEN', {
      details: {
        reason: holdsIt ? 'switch-membership' : 'not-eligible',
        candidateOrgId: task.candidateOrgId,
        candidateRole: task.candidateRole,
      },
      message: holdsIt
        ? {
            'zh-CN': '请先切换到该任务办理单位的相应职务，再办理。',
            en: "Switch to your membership in the task's organization and role first.",
          }
        : {
            'zh-CN': '您在该任务的办理单位不具有相应职责，不能办理。',
            en: 'You do not hold the role this task needs in its organization.',
          },
    });
  }
  return task;
}
