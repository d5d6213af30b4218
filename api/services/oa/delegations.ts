import { chinaDateOf, isValidIsoDate } from '../../../domain/clock';
import { AppError, type FieldError } from '../../../domain/errors';
import { appendAudit } from '../../../runtime/audit';
import type { Db, DbClient, DbTx } from '../../../runtime/db';
import type { Caller, CallerMembership } from '../../plugins/app/auth';
import { currentMembership, usersInScope } from '../../authz/organization-scope';

/**
 * The delegators whose tasks a user may act on today under a period delegation (委托/代理): active (not revoked), the
 * China date of `now` within its range, and for the membership the user acts under now (same organization and role).
 */
export async function activeDelegators(
  db: DbClient,
  userId: string,
  membership: Pick<CallerMembership, 'organizationId' | 'role'> | null,
  now = new Date(),
): Promise<string[]> {
  if (!membership) return [];
  const today = chinaDateOf(now);
  const rows = await db.periodDelegation.findMany({
    where: {
      delegateId: userId,
      organizationId: membership.organizationId,
      role: membership.role,
      revokedAt: null,
      startsOn: { lte: today },
      endsOn: { gte: today },
    },
    select: { delegatorId: true },
  });
  return [...new Set(rows.map((r) => r.delegatorId))];
}

function invalid(path: string, code: string, zh: string, en: string): AppError {
  const fields: FieldError[] = [{ path, code, message: { 'zh-CN': zh, en } }];
  return new AppError('VALIDATION_FAILED', { fields });
}

/**
 * Delegates the caller's tasks (in the organization and role they act under now) to a colleague holding the same
 * membership, from `startsOn` to `endsOn` (China dates, both included; not in the past). Audited.
 */
export async function createDelegation(options: {
  db: Db;
  caller: Caller;
  input: { delegateId: string; startsOn: string; endsOn: string; reason: string };
  requestId: string;
  now?: Date;
}) {
  const { db, caller, input, requestId, now = new Date() } = options;
  const m = currentMembership(caller);
  if (!isValidIsoDate(input.startsOn)) throw invalid('startsOn', 'invalid_date', '开始日期无效。', 'The start date is invalid.');
  if (!isValidIsoDate(input.endsOn)) throw invalid('endsOn', 'invalid_date', '结束日期无效。', 'The end date is invalid.');
  if (input.startsOn < chinaDateOf(now))
    throw invalid(
      'startsOn',
      'in_the_past',
      '开始日期不能早于今天（北京时间）。',
      'The start date cannot be before today (China time).',
    );
  if (input.endsOn < input.startsOn)
    throw invalid('endsOn', 'before_start', '结束日期不能早于开始日期。', 'The end date cannot be before the start date.');
  if (input.delegateId === caller.userId)
    throw invalid('delegateId', 'self', '不能委托给自己。', 'You cannot delegate to yourself.');
  // Somebody outside the caller's organization scope is not named (404), like every foreign id.
  if ((await db.user.count({ where: { AND: [{ id: input.delegateId }, usersInScope(caller)] } })) === 0)
    throw new AppError('NOT_FOUND');
  const colleague = await db.membership.findFirst({
    where: { userId: input.delegateId, organizationId: m.organizationId, role: m.role, user: { disabled: false } },
  });
  if (!colleague) {
    throw invalid(
      'delegateId',
      'not_a_colleague',
      '只能委托给本单位具有相同职责的同事。',
      'Only to a colleague of the same organization who holds the same role.',
    );
  }
  return db.$transaction(async (tx: DbTx) => {
    const d = await tx.periodDelegation.create({
      data: {
        delegatorId: caller.userId,
        delegateId: input.delegateId,
        organizationId: m.organizationId,
        role: m.role,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        reason: input.reason,
      },
    });
    await appendAudit(tx, {
      action: 'delegation.created',
      targetType: 'period-delegation',
      targetId: d.id,
      actorId: caller.userId,
      actingOrgId: m.organizationId,
      outcome: 'success',
      requestId,
      data: { delegateId: d.delegateId, startsOn: d.startsOn, endsOn: d.endsOn, role: d.role, reason: d.reason },
    });
    return d;
  });
}

/** The delegations the caller gave and received, newest first, with names. */
export async function listDelegations(db: Db, caller: Caller) {
  const rows = await db.periodDelegation.findMany({
    where: { OR: [{ delegatorId: caller.userId }, { delegateId: caller.userId }] },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: 200,
  });
  const users = await db.user.findMany({
    where: { id: { in: rows.flatMap((r) => [r.delegatorId, r.delegateId]) } },
    select: { id: true, displayName: true },
  });
  const name = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({
    id: r.id,
    direction: directionOf(r.delegatorId === caller.userId),
    delegator: name.get(r.delegatorId) ?? '—',
    delegate: name.get(r.delegateId) ?? '—',
    organizationId: r.organizationId,
    role: r.role,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    reason: r.reason,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** The delegator ends a delegation (from now on). */
export async function revokeDelegation(options: { db: Db; caller: Caller; id: string; requestId: string }) {
  const { db, caller, id, requestId } = options;
  const d = await db.periodDelegation.findFirst({ where: { id, delegatorId: caller.userId } });
  if (!d) throw new AppError('NOT_FOUND');
  if (d.revokedAt) return;
  await db.$transaction(async (tx) => {
    await tx.periodDelegation.update({ where: { id }, data: { revokedAt: new Date() } });
    await appendAudit(tx, {
      action: 'delegation.revoked',
      targetType: 'period-delegation',
      targetId: id,
      actorId: caller.userId,
      actingOrgId: caller.membership?.organizationId,
      outcome: 'success',
      requestId,
      data: {},
    });
  });
}

/**
 * When the caller acts on a task another user holds, under a period delegation: one audit row saying on whose behalf.
 */
export async function auditOnBehalf(options: {
  db: Db;
  caller: Caller;
  task: { id: string; caseId: string; assigneeId: string | null };
  operation: string;
  requestId: string;
}): Promise<void> {
  const { db, caller, task, operation, requestId } = options;
  if (!task.assigneeId || task.assigneeId === caller.userId || !caller.actingFor?.includes(task.assigneeId)) return;
  await db.$transaction((tx) =>
    appendAudit(tx, {
      action: 'task.on-behalf',
      targetType: 'task',
      targetId: task.id,
      caseId: task.caseId,
      actorId: caller.userId,
      actingOrgId: caller.membership?.organizationId,
      outcome: 'success',
      requestId,
      data: { onBehalfOf: task.assigneeId, operation },
    }),
  );
}

/** Colleagues the caller may delegate to: members of the organization and role they act under now (not disabled). */
export async function delegationColleagues(db: Db, caller: Caller) {
  const m = currentMembership(caller);
  return db.user.findMany({
    where: {
      id: { not: caller.userId },
      disabled: false,
      memberships: { some: { organizationId: m.organizationId, role: m.role } },
    },
    select: { id: true, displayName: true, username: true },
    orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
    take: 100,
  });
}

function directionOf(given: boolean): 'given' | 'received' {
  return given ? 'given' : 'received';
}
