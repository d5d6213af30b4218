import type { z } from 'zod';
import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import type { Prisma } from '../../../prisma/generated/client';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership, isInScope } from '../../authz/scope';
import type { inboxFilter, inboxItem, inboxQuery } from '../../schemas/inbox';
import { actionableTaskWhere, supervisedTaskWhere } from './task-scope';

type InboxQuery = z.infer<typeof inboxQuery>;
type InboxFilter = z.infer<typeof inboxFilter>;

function viewWhere(caller: Caller, view: InboxFilter['view']): Prisma.TaskWhereInput {
  const membership = currentMembership(caller);
  if (view === 'mine') return { assigneeId: caller.userId };
  if (view === 'unclaimed') return { candidateOrgId: membership.organizationId, candidateRole: membership.role, assigneeId: null, status: 'OPEN' };
  return supervisedTaskWhere(caller);
}

async function filterWhere(db: Db, caller: Caller, filter: InboxFilter, now: Date): Promise<Prisma.TaskWhereInput[]> {
  const where: Prisma.TaskWhereInput[] = [];
  if (filter.procedure) where.push({ procedure: filter.procedure });
  if (filter.kind) where.push({ kind: filter.kind });
  if (filter.status) where.push({ status: filter.status });
  else if (filter.view !== 'organization') where.push({ status: 'OPEN' });
  if (filter.dueBefore) where.push({ dueAt: { lt: new Date(filter.dueBefore) } });
  if (filter.overdue === 'true') where.push({ status: 'OPEN', dueAt: { lt: now } });
  if (filter.overdue === 'false') where.push({ OR: [{ dueAt: null }, { dueAt: { gte: now } }] });
  if (filter.organizationId) {
    const org = await db.organization.findUnique({ where: { id: filter.organizationId }, select: { id: true, path: true } });
    if (!org || !isInScope(caller, org.path)) throw new AppError('NOT_FOUND');
    where.push({ candidateOrgAncestors: { has: org.id } });
  }
  if (filter.q) where.push({ case: { OR: [{ title: { contains: filter.q, mode: 'insensitive' } }, { number: { contains: filter.q, mode: 'insensitive' } }] } });
  return where;
}

function warningOf(task: { status: string; dueAt: Date | null; remindedAt: Date | null; escalatedAt: Date | null }, now: Date): z.infer<typeof inboxItem>['warning'] {
  if (task.status !== 'OPEN') return 'none';
  if (task.escalatedAt) return 'red';
  if (task.dueAt && task.dueAt <= now) return 'yellow';
  return task.remindedAt ? 'reminded' : 'none';
}

/** Cursor = base64url of the last item's id; the order is (sort field, id), so pages never skip or repeat. */
export async function listInbox(db: Db, caller: Caller, query: InboxQuery, now = new Date()) {
  const [field, direction] = query.sort.startsWith('-') ? [query.sort.slice(1), 'desc' as const] : [query.sort, 'asc' as const];
  const where: Prisma.TaskWhereInput = {
    AND: [
      query.view === 'organization' ? {} : actionableTaskWhere(caller),
      viewWhere(caller, query.view),
      ...(await filterWhere(db, caller, query, now)),
    ],
  };
  const cursorId = query.cursor ? Buffer.from(query.cursor, 'base64url').toString('utf8') : undefined;
  const rows = await db.task.findMany({
    // One SQL statement with lateral joins instead of one query per relation.
    relationLoadStrategy: 'join',
    where,
    orderBy: [{ [field]: { sort: direction, nulls: 'last' } }, { id: direction }],
    take: query.limit + 1,
    ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}),
    include: {
      case: { select: { number: true, title: true } },
      candidateOrg: { select: { name: true } },
      assignee: { select: { displayName: true } },
    },
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((t) => ({
      id: t.id,
      caseId: t.caseId,
      caseNumber: t.case.number,
      caseTitle: t.case.title,
      procedure: t.procedure,
      kind: t.kind,
      formId: t.formId,
      status: t.status,
      candidateOrgId: t.candidateOrgId,
      candidateOrgName: t.candidateOrg.name,
      candidateRole: t.candidateRole,
      assigneeId: t.assigneeId,
      assigneeName: t.assignee?.displayName ?? null,
      dueAt: t.dueAt?.toISOString() ?? null,
      warning: warningOf(t, now),
      calendarWarning: t.calendarWarning,
      createdAt: t.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit ? Buffer.from(page[page.length - 1]!.id, 'utf8').toString('base64url') : null,
  };
}
