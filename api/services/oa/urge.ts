import { chinaDateOf } from '../../../domain/clock';
import { AppError } from '../../../domain/errors';
import { appendAudit } from '../../../runtime/audit';
import { isUniqueViolation, type Db } from '../../../runtime/db';
import { notify } from '../../../runtime/notifications';
import type { Caller } from '../../plugins/app/auth';
import { casesInScope } from '../../authz/case-scope';
import { maySupervise } from '../../authz/task-scope';

/**
 * Who may urge (催办) a task: the case's initiator (who opened it), or an official acting for an organization above
 * the task's organization (its supervising chain: the parent, and the parent's parents). The task's own organization
 * does not urge itself.
 */
export function urgeCapacity(
  caller: Caller,
  task: { candidateOrgId: string; candidateOrgAncestors: string[]; case: { openedById: string | null } },
): 'initiator' | 'supervisor' | null {
  const m = caller.membership;
  if (
    m &&
    maySupervise(caller) &&
    m.organizationId !== task.candidateOrgId &&
    task.candidateOrgAncestors.includes(m.organizationId)
  )
    return 'supervisor';
  if (task.case.openedById === caller.userId) return 'initiator';
  return null;
}

const taskSelect = {
  id: true,
  caseId: true,
  kind: true,
  status: true,
  dueAt: true,
  assigneeId: true,
  candidateOrgId: true,
  candidateRole: true,
  candidateOrgAncestors: true,
  case: { select: { id: true, number: true, title: true, openedById: true } },
} as const;

/**
 * 催办: urges an open task with a reason. The holder (or, for an unclaimed task, everyone holding its role in its
 * organization) is notified through the notification outbox; the urge is audited on the case. One urge per task, urger
 * and China day: a second the same day is refused with 429 URGE_LIMIT_REACHED and changes nothing.
 */
export async function urgeTask(options: {
  db: Db;
  caller: Caller;
  taskId: string;
  reason: string;
  requestId: string;
  now?: Date;
}): Promise<{ id: string; chinaDate: string }> {
  const { db, caller, taskId, reason, requestId, now = new Date() } = options;
  const task = await db.task.findUnique({ where: { id: taskId }, select: taskSelect });
  if (!task) throw new AppError('NOT_FOUND');
  const capacity = urgeCapacity(caller, task);
  if (!capacity) {
    // Someone who may read the case (the holder, a colleague) is told why; anybody else learns nothing.
    const readable = await db.case.count({ where: { AND: [{ id: task.caseId }, casesInScope(caller)] } });
    if (readable === 0) throw new AppError('NOT_FOUND');
    throw new AppError('FORBIDDEN', {
      details: { reason: 'not-initiator-or-supervisor' },
      message: {
        'zh-CN': '只有案件发起人或该任务办理单位的上级单位可以催办。',
        en: "Only the case's initiator or an organization above the task's organization may urge it.",
      },
    });
  }
  if (task.status !== 'OPEN') throw new AppError('TASK_NOT_OPEN');
  const chinaDate = chinaDateOf(now);
  try {
    return await db.$transaction(async (tx) => {
      const urge = await tx.taskUrge.create({
        data: {
          taskId: task.id,
          caseId: task.caseId,
          urgedById: caller.userId,
          urgerOrgId: caller.membership?.organizationId ?? null,
          capacity,
          reason,
          chinaDate,
          createdAt: now,
        },
      });
      const params = {
        caseNumber: task.case.number,
        caseTitle: task.case.title,
        taskKind: task.kind,
        dueAt: task.dueAt?.toISOString(),
        urgedBy: caller.membership ? `${caller.membership.organizationName} ${caller.displayName}` : caller.displayName,
        reason,
      };
      await notify(tx, {
        kind: 'task.urged',
        ...(task.assigneeId ? { userId: task.assigneeId } : { organizationId: task.candidateOrgId, role: task.candidateRole }),
        caseId: task.caseId,
        taskId: task.id,
        params,
        dedupeKey: `urge:${urge.id}`,
      });
      await appendAudit(tx, {
        action: 'task.urged',
        targetType: 'task',
        targetId: task.id,
        caseId: task.caseId,
        actorId: caller.userId,
        actingOrgId: caller.membership?.organizationId,
        outcome: 'success',
        requestId,
        data: { capacity, reason, chinaDate, holder: task.assigneeId, kind: task.kind },
      });
      return { id: urge.id, chinaDate };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('URGE_LIMIT_REACHED', { details: { chinaDate } });
    throw error;
  }
}

/** The urges of a task the caller may read the case of, newest first, with who urged and for which organization. */
export async function listUrges({ db, caller, taskId }: { db: Db; caller: Caller; taskId: string }) {
  const task = await db.task.findFirst({ where: { id: taskId, case: casesInScope(caller) }, select: { id: true } });
  if (!task) throw new AppError('NOT_FOUND');
  const urges = await db.taskUrge.findMany({ where: { taskId }, orderBy: { createdAt: 'desc' }, take: 200 });
  const [users, orgs] = await Promise.all([
    db.user.findMany({ where: { id: { in: urges.map((u) => u.urgedById) } }, select: { id: true, displayName: true } }),
    db.organization.findMany({
      where: { id: { in: urges.map((u) => u.urgerOrgId).filter((x): x is string => !!x) } },
      select: { id: true, name: true },
    }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return urges.map((u) => ({
    id: u.id,
    capacity: u.capacity as 'initiator' | 'supervisor',
    reason: u.reason,
    urgedBy: userName.get(u.urgedById) ?? '—',
    organizationName: u.urgerOrgId ? (orgName.get(u.urgerOrgId) ?? null) : null,
    chinaDate: u.chinaDate,
    at: u.createdAt.toISOString(),
  }));
}
