import { AppError } from '../../../domain/errors';
import { appendAudit } from '../../../runtime/audit';
import type { Db, DbTx } from '../../../runtime/db';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership, isInScope } from '../../authz/organization-scope';

/**
 * 常用意见: phrases offered in a task's opinion box. Personal ones belong to their owner; organization-wide ones to an
 * organization, and only its administrator (a SYSTEM_ADMIN membership whose scope includes the organization) keeps
 * them. A caller sees their own phrases and those of the organization they act for now.
 */
export async function listPhrases(db: Db, caller: Caller) {
  const org = caller.membership?.organizationId;
  const rows = await db.opinionPhrase.findMany({
    where: { OR: [{ ownerId: caller.userId }, ...(org ? [{ organizationId: org }] : [])] },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 500,
  });
  const admin = caller.membership?.role === 'SYSTEM_ADMIN';
  return rows.map((p) => ({
    id: p.id,
    text: p.text,
    scope: scopeOf(p.ownerId),
    editable: p.ownerId ? p.ownerId === caller.userId : admin,
  }));
}

function notAdmin(): AppError {
  return new AppError('FORBIDDEN', {
    details: { reason: 'organization-phrases-admin-only' },
    message: {
      'zh-CN': '单位常用意见由本单位管理员维护。',
      en: "Organization-wide phrases are kept by the organization's administrator.",
    },
  });
}

async function requirePhraseAdmin(db: Db, caller: Caller, organizationId: string): Promise<void> {
  const m = currentMembership(caller);
  if (m.role !== 'SYSTEM_ADMIN') throw notAdmin();
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { path: true } });
  if (!org || !isInScope(caller, org.path)) throw new AppError('NOT_FOUND');
}

async function audit(tx: DbTx, caller: Caller, action: string, id: string, requestId: string, data: Record<string, unknown>) {
  await appendAudit(tx, {
    action,
    targetType: 'opinion-phrase',
    targetId: id,
    actorId: caller.userId,
    actingOrgId: caller.membership?.organizationId,
    outcome: 'success',
    requestId,
    data,
  });
}

export async function createPhrase(options: {
  db: Db;
  caller: Caller;
  input: { text: string; scope: 'personal' | 'organization'; organizationId?: string };
  requestId: string;
}) {
  const { db, caller, input, requestId } = options;
  let organizationId: string | null = null;
  if (input.scope === 'organization') {
    organizationId = input.organizationId ?? currentMembership(caller).organizationId;
    await requirePhraseAdmin(db, caller, organizationId);
  }
  return db.$transaction(async (tx) => {
    const p = await tx.opinionPhrase.create({
      data: {
        text: input.text,
        ownerId: organizationId ? null : caller.userId,
        organizationId,
        createdById: caller.userId,
      },
    });
    await audit(tx, caller, 'opinion-phrase.created', p.id, requestId, { scope: input.scope, organizationId });
    return { id: p.id, text: p.text, scope: input.scope, editable: true };
  });
}

/** A phrase the caller may change: their own, or (administrator) an organization's in scope; else 404 or 403. */
async function phraseToManage(db: Db, caller: Caller, id: string) {
  const p = await db.opinionPhrase.findUnique({ where: { id } });
  if (!p) throw new AppError('NOT_FOUND');
  if (p.ownerId) {
    if (p.ownerId !== caller.userId) throw new AppError('NOT_FOUND');
    return p;
  }
  const org = await db.organization.findUnique({ where: { id: p.organizationId! }, select: { path: true } });
  const visible =
    caller.membership?.organizationId === p.organizationId || (!!org && !!caller.membership && isInScope(caller, org.path));
  if (!visible) throw new AppError('NOT_FOUND');
  await requirePhraseAdmin(db, caller, p.organizationId!);
  return p;
}

export async function updatePhrase(options: { db: Db; caller: Caller; id: string; text: string; requestId: string }) {
  const { db, caller, id, text, requestId } = options;
  const p = await phraseToManage(db, caller, id);
  return db.$transaction(async (tx) => {
    const updated = await tx.opinionPhrase.update({ where: { id: p.id }, data: { text } });
    await audit(tx, caller, 'opinion-phrase.updated', p.id, requestId, {});
    return {
      id: updated.id,
      text: updated.text,
      scope: scopeOf(updated.ownerId),
      editable: true,
    };
  });
}

export async function deletePhrase(options: { db: Db; caller: Caller; id: string; requestId: string }) {
  const { db, caller, id, requestId } = options;
  const p = await phraseToManage(db, caller, id);
  await db.$transaction(async (tx) => {
    await tx.opinionPhrase.delete({ where: { id: p.id } });
    await audit(tx, caller, 'opinion-phrase.deleted', p.id, requestId, { text: p.text });
  });
}

function scopeOf(ownerId: string | null): 'personal' | 'organization' {
  return ownerId ? 'personal' : 'organization';
}
