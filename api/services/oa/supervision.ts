import { AppError } from '../../../domain/errors';
import { appendAudit } from '../../../runtime/audit';
import type { Db } from '../../../runtime/db';
import { notify } from '../../../runtime/notifications';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership } from '../../authz/organization-scope';
import { eligibleMembershipWhere, requireSupervision, supervisedTaskWhere } from '../../authz/task-scope';

/**
 * 督办: the open tasks of the caller's subtree that carry a card — yellow (the due date has passed) or red (escalated
 * to the supervising organization after the grace period) — the same cards the inbox shows (api/services/tasks/inbox.ts
 * `warningOf`), with the escalation (to which organization, when, from the task's `escalated_at`/`escalated_to_org_id`
 * and the `task.escalated` audit row) and the urges so far. Red first, then by due date.
 */
export async function listSupervisedCards({ db, caller, now = new Date() }: { db: Db; caller: Caller; now?: Date }) {
  requireSupervision(caller);
  currentMembership(caller);
  const tasks = await db.task.findMany({
    where: {
      AND: [supervisedTaskWhere(caller), { status: 'OPEN' }, { OR: [{ escalatedAt: { not: null } }, { dueAt: { lte: now } }] }],
    },
    orderBy: [{ escalatedAt: { sort: 'asc', nulls: 'last' } }, { dueAt: 'asc' }, { id: 'asc' }],
    take: 200,
    include: {
      case: { select: { number: true, title: true, procedure: true } },
      candidateOrg: { select: { name: true } },
      assignee: { select: { displayName: true } },
    },
  });
  const escalatedTo = [...new Set(tasks.map((t) => t.escalatedToOrgId).filter((x): x is string => !!x))];
  const [orgs, urges] = await Promise.all([
    db.organization.findMany({ where: { id: { in: escalatedTo } }, select: { id: true, name: true } }),
    db.taskUrge.groupBy({ by: ['taskId'], where: { taskId: { in: tasks.map((t) => t.id) } }, _count: { _all: true } }),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const urgeCount = new Map(urges.map((u) => [u.taskId, u._count._all]));
  const items = tasks.map((t) => ({
    id: t.id,
    caseId: t.caseId,
    caseNumber: t.case.number,
    caseTitle: t.case.title,
    procedure: t.case.procedure,
    kind: t.kind,
    candidateOrgId: t.candidateOrgId,
    candidateOrgName: t.candidateOrg.name,
    candidateRole: t.candidateRole,
    assigneeId: t.assigneeId,
    assigneeName: t.assignee?.displayName ?? null,
    dueAt: t.dueAt?.toISOString() ?? null,
    card: cardOf(t.escalatedAt),
    escalatedAt: t.escalatedAt?.toISOString() ?? null,
    escalatedToOrgName: t.escalatedToOrgId ? (orgName.get(t.escalatedToOrgId) ?? null) : null,
    urges: urgeCount.get(t.id) ?? 0,
  }));
  return { items, red: items.filter((i) => i.card === 'red').length, yellow: items.filter((i) => i.card === 'yellow').length };
}

/**
 * A supervisor reassigns an open task of an organization below theirs (the holder is away): to a member of the task's
 * organization who holds its role. Audited on the case with the reason; the new holder is notified.
 */
export async function reassignTask(options: {
  db: Db;
  caller: Caller;
  taskId: string;
  userId: string;
  reason: string;
  requestId: string;
}): Promise<void> {
  const { db, caller, taskId, userId, reason, requestId } = options;
  const m = currentMembership(caller);
  const task = await db.task.findFirst({
    where: { id: taskId, candidateOrgAncestors: { has: m.organizationId } },
    include: { case: { select: { number: true, title: true } } },
  });
  if (!task) throw new AppError('NOT_FOUND');
  requireSupervision(caller);
  if (task.candidateOrgId === m.organizationId) {
    // Not a refusal of authority (the caller may assign within their organization): the wrong operation for this task.
    throw new AppError('BAD_REQUEST', {
      details: { reason: 'own-organization' },
      message: {
        'zh-CN': '本单位的任务请用“分派”交给同事；改派用于上级单位督办下级单位的任务。',
        en: "Use Assign for your own organization's tasks; reassignment is for an organization above the task's.",
      },
    });
  }
  if (task.status !== 'OPEN') throw new AppError('TASK_NOT_OPEN');
  const member = await db.membership.findFirst({ where: { userId, ...eligibleMembershipWhere(task) } });
  if (!member) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'userId',
          code: 'not_eligible',
          message: {
            'zh-CN': '只能改派给该任务办理单位中具有相应职责的人员。',
            en: "Only to a member of the task's organization who holds its role.",
          },
        },
      ],
    });
  }
  await db.$transaction(async (tx) => {
    await tx.task.update({ where: { id: task.id }, data: { assigneeId: userId, claimedAt: new Date(), delegatedById: null } });
    await appendAudit(tx, {
      action: 'task.reassigned',
      targetType: 'task',
      targetId: task.id,
      caseId: task.caseId,
      actorId: caller.userId,
      actingOrgId: m.organizationId,
      outcome: 'success',
      requestId,
      data: { from: task.assigneeId, to: userId, reason },
    });
    await notify(tx, {
      kind: 'task.assigned',
      userId,
      caseId: task.caseId,
      taskId: task.id,
      params: { caseNumber: task.case.number, caseTitle: task.case.title, taskKind: task.kind, dueAt: task.dueAt?.toISOString() },
    });
  });
}

/** The inbox's card of an open, due task: red once escalated, else yellow. */
function cardOf(escalatedAt: Date | null): 'red' | 'yellow' {
  return escalatedAt ? 'red' : 'yellow';
}
