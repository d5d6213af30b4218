import type { Db } from '../../../runtime/db';
import type { Caller } from '../../plugins/app/auth';
import { circulatedToCaller } from '../../authz/circulation-scope';
import { opinionOf } from '../cases/case-history';
import { shownCaseStatus, taskDecision } from '../cases/step-states';

/**
 * The office lists beside the inbox's 待办 (api/services/tasks/inbox.ts, views "mine" and "unclaimed"): 已办 (tasks I
 * completed, with my decision and opinion), 我发起 (cases I opened) and 抄送我 (cases circulated to me, 传阅). Each
 * is scoped by who asks: the rows name the caller (completed by, opened by, addressed to), so nothing else leaks.
 */
export async function listDone({ db, caller, limit }: { db: Db; caller: Caller; limit: number }) {
  const tasks = await db.task.findMany({
    where: { completedById: caller.userId, status: 'COMPLETED' },
    orderBy: [{ completedAt: 'desc' }, { id: 'asc' }],
    take: limit,
    include: {
      case: { select: { number: true, title: true, procedure: true } },
      candidateOrg: { select: { name: true } },
    },
  });
  return tasks.map((t) => ({
    taskId: t.id,
    caseId: t.caseId,
    caseNumber: t.case.number,
    caseTitle: t.case.title,
    procedure: t.case.procedure,
    kind: t.kind,
    organizationName: t.candidateOrg.name,
    completedAt: t.completedAt?.toISOString() ?? null,
    decision: taskDecision(t.result),
    opinion: opinionOf(t.result),
  }));
}

export async function listStarted({ db, caller, limit }: { db: Db; caller: Caller; limit: number }) {
  const cases = await db.case.findMany({
    where: { openedById: caller.userId },
    orderBy: [{ openedAt: 'desc' }, { id: 'asc' }],
    take: limit,
    include: { organization: { select: { name: true } } },
  });
  return cases.map((c) => ({
    caseId: c.id,
    caseNumber: c.number,
    caseTitle: c.title,
    procedure: c.procedure,
    status: shownCaseStatus(c),
    organizationName: c.organization.name,
    openedAt: c.openedAt.toISOString(),
  }));
}

export async function listCirculatedToMe({ db, caller, limit }: { db: Db; caller: Caller; limit: number }) {
  const rows = await db.caseCirculation.findMany({
    where: circulatedToCaller(caller),
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: limit,
    include: {
      case: { select: { number: true, title: true, procedure: true } },
      receipts: { where: { userId: caller.userId } },
    },
  });
  const [users, orgs] = await Promise.all([
    db.user.findMany({ where: { id: { in: rows.map((r) => r.senderId) } }, select: { id: true, displayName: true } }),
    db.organization.findMany({ where: { id: { in: rows.map((r) => r.senderOrgId) } }, select: { id: true, name: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    circulationId: r.id,
    caseId: r.caseId,
    caseNumber: r.case.number,
    caseTitle: r.case.title,
    procedure: r.case.procedure,
    purpose: r.purpose,
    sender: userName.get(r.senderId) ?? '—',
    senderOrganization: orgName.get(r.senderOrgId) ?? '—',
    sentAt: r.createdAt.toISOString(),
    openedAt: r.receipts[0]?.firstOpenedAt.toISOString() ?? null,
  }));
}

/** The menu's counts of the three lists: completed tasks, cases opened, circulations not yet opened. */
export async function countWorklists(
  db: Db,
  caller: Caller,
): Promise<{ done: number; started: number; circulatedUnread: number }> {
  const [done, started, circulatedUnread] = await Promise.all([
    db.task.count({ where: { completedById: caller.userId, status: 'COMPLETED' } }),
    db.case.count({ where: { openedById: caller.userId } }),
    db.caseCirculation.count({
      where: { AND: [circulatedToCaller(caller), { receipts: { none: { userId: caller.userId } } }] },
    }),
  ]);
  return { done, started, circulatedUnread };
}
