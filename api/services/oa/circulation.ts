import { AppError } from '../../../domain/errors';
import { appendAudit } from '../../../runtime/audit';
import type { Db } from '../../../runtime/db';
import { notify } from '../../../runtime/notifications';
import type { Caller } from '../../plugins/app/auth';
import { casesInScope } from '../../authz/case-scope';
import { circulatedToCaller, circulationScope } from '../../authz/circulation-scope';
import { currentMembership } from '../../authz/organization-scope';

function outOfScope(path: 'userIds' | 'organizationIds'): AppError {
  return new AppError('VALIDATION_FAILED', {
    fields: [
      {
        path,
        code: 'out_of_scope',
        message: {
          'zh-CN': '只能传阅给本单位、下级单位或上级单位的人员和单位。',
          en: 'Only to people and organizations of your organization, those below it, or those above it.',
        },
      },
    ],
  });
}

/**
 * 传阅: circulates a case the caller may read to colleagues and organizations in scope, with a purpose. Each
 * recipient is notified, sees the case in 抄送我 and may read it; the circulation is audited on the case.
 */
export async function circulateCase(options: {
  db: Db;
  caller: Caller;
  caseId: string;
  purpose: string;
  userIds: string[];
  organizationIds: string[];
  requestId: string;
}): Promise<{ ids: string[] }> {
  const { db, caller, caseId, purpose, requestId } = options;
  const m = currentMembership(caller);
  const row = await db.case.findFirst({ where: { AND: [{ id: caseId }, casesInScope(caller)] } });
  if (!row) throw new AppError('NOT_FOUND');
  const userIds = [...new Set(options.userIds)].filter((id) => id !== caller.userId);
  const organizationIds = [...new Set(options.organizationIds)];
  if (userIds.length + organizationIds.length === 0) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'userIds',
          code: 'no_recipient',
          message: { 'zh-CN': '请至少选择一位传阅对象。', en: 'Choose at least one recipient.' },
        },
      ],
    });
  }
  const scope = circulationScope(caller);
  const users = await db.user.findMany({
    where: { id: { in: userIds }, disabled: false, memberships: { some: { organization: scope } } },
    select: { id: true },
  });
  if (users.length !== userIds.length) throw outOfScope('userIds');
  const orgs = await db.organization.findMany({ where: { AND: [{ id: { in: organizationIds } }, scope] }, select: { id: true } });
  if (orgs.length !== organizationIds.length) throw outOfScope('organizationIds');
  const recipients: { recipientUserId?: string; recipientOrgId?: string }[] = [
    ...userIds.map((id) => ({ recipientUserId: id })),
    ...organizationIds.map((id) => ({ recipientOrgId: id })),
  ];
  return db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const r of recipients) {
      const c = await tx.caseCirculation.create({
        data: { caseId, senderId: caller.userId, senderOrgId: m.organizationId, purpose, ...r },
      });
      ids.push(c.id);
      await notify(tx, {
        kind: 'case.circulated',
        ...(r.recipientUserId ? { userId: r.recipientUserId } : { organizationId: r.recipientOrgId }),
        caseId,
        params: { caseNumber: row.number, caseTitle: row.title, sender: `${m.organizationName} ${caller.displayName}`, purpose },
        dedupeKey: `circulation:${c.id}`,
      });
    }
    await appendAudit(tx, {
      action: 'case.circulated',
      targetType: 'case',
      targetId: caseId,
      caseId,
      actorId: caller.userId,
      actingOrgId: m.organizationId,
      outcome: 'success',
      requestId,
      data: { purpose, userIds, organizationIds, circulations: ids },
    });
    return { ids };
  });
}

/**
 * The circulations of a case the caller may read, with each recipient's read receipts (who first opened it, when).
 * `toMe` marks those addressed to the caller (in person or to their current organization).
 */
export async function listCaseCirculations({ db, caller, caseId }: { db: Db; caller: Caller; caseId: string }) {
  const row = await db.case.findFirst({ where: { AND: [{ id: caseId }, casesInScope(caller)] }, select: { id: true } });
  if (!row) throw new AppError('NOT_FOUND');
  const rows = await db.caseCirculation.findMany({
    where: { caseId },
    orderBy: { createdAt: 'asc' },
    include: { receipts: { orderBy: { firstOpenedAt: 'asc' } } },
    take: 500,
  });
  const userIds = new Set<string>();
  const orgIds = new Set<string>();
  for (const r of rows) {
    userIds.add(r.senderId);
    orgIds.add(r.senderOrgId);
    if (r.recipientUserId) userIds.add(r.recipientUserId);
    if (r.recipientOrgId) orgIds.add(r.recipientOrgId);
    r.receipts.forEach((x) => userIds.add(x.userId));
  }
  const [users, orgs] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, displayName: true } }),
    db.organization.findMany({ where: { id: { in: [...orgIds] } }, select: { id: true, name: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const myOrg = caller.membership?.organizationId;
  return rows.map((r) => ({
    id: r.id,
    purpose: r.purpose,
    sender: userName.get(r.senderId) ?? '—',
    senderOrganization: orgName.get(r.senderOrgId) ?? '—',
    recipient: r.recipientUserId
      ? { kind: 'user' as const, name: userName.get(r.recipientUserId) ?? '—' }
      : { kind: 'organization' as const, name: orgName.get(r.recipientOrgId!) ?? '—' },
    toMe: r.recipientUserId === caller.userId || (!!myOrg && r.recipientOrgId === myOrg),
    sentAt: r.createdAt.toISOString(),
    receipts: r.receipts.map((x) => ({ reader: userName.get(x.userId) ?? '—', firstOpenedAt: x.firstOpenedAt.toISOString() })),
  }));
}

/**
 * Records that the caller opened a case circulated to them (阅知回执): the first opening of each circulation of the
 * case addressed to them is kept (a later opening changes nothing). Answers how many receipts were new.
 */
export async function markCirculationsOpened(options: {
  db: Db;
  caller: Caller;
  caseId: string;
  requestId: string;
}): Promise<{ recorded: number }> {
  const { db, caller, caseId, requestId } = options;
  const addressed = await db.caseCirculation.findMany({
    where: { caseId, ...circulatedToCaller(caller), receipts: { none: { userId: caller.userId } } },
    select: { id: true },
  });
  if (addressed.length === 0) {
    // Nothing new: either already opened, or not addressed to the caller (then the case must still be readable).
    const readable = await db.case.count({ where: { AND: [{ id: caseId }, casesInScope(caller)] } });
    if (readable === 0) throw new AppError('NOT_FOUND');
    return { recorded: 0 };
  }
  return db.$transaction(async (tx) => {
    const created = await tx.circulationReceipt.createMany({
      data: addressed.map((c) => ({ circulationId: c.id, userId: caller.userId })),
      skipDuplicates: true,
    });
    if (created.count > 0) {
      await appendAudit(tx, {
        action: 'case.circulation-read',
        targetType: 'case',
        targetId: caseId,
        caseId,
        actorId: caller.userId,
        actingOrgId: caller.membership?.organizationId,
        outcome: 'success',
        requestId,
        data: { circulations: addressed.map((c) => c.id) },
      });
    }
    return { recorded: created.count };
  });
}

/**
 * Whom the caller may circulate a case to (传阅对象): organizations and people of their organization, its subtree and
 * its supervising chain, optionally matching `q` (names), at most 50 of each.
 */
export async function circulationRecipients(options: { db: Db; caller: Caller; caseId: string; q?: string }) {
  const { db, caller, caseId } = options;
  const row = await db.case.findFirst({ where: { AND: [{ id: caseId }, casesInScope(caller)] }, select: { id: true } });
  if (!row) throw new AppError('NOT_FOUND');
  const scope = circulationScope(caller);
  const q = options.q?.trim();
  const [organizations, users] = await Promise.all([
    db.organization.findMany({
      where: { AND: [scope, q ? { name: { contains: q, mode: 'insensitive' } } : {}] },
      select: { id: true, name: true },
      orderBy: [{ path: 'asc' }],
      take: 50,
    }),
    db.user.findMany({
      where: {
        id: { not: caller.userId },
        disabled: false,
        memberships: { some: { organization: scope } },
        ...(q ? { displayName: { contains: q, mode: 'insensitive' } } : {}),
      },
      select: { id: true, displayName: true, memberships: { select: { organization: { select: { name: true, path: true } } } } },
      orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
      take: 50,
    }),
  ]);
  return {
    organizations,
    users: users.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      organizationName: u.memberships.map((m) => m.organization.name).join('、'),
    })),
  };
}
