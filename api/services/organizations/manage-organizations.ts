import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { AppError } from '../../../domain/errors';
import { canHaveParent, type OrgKindName } from '../../../domain/organizations';
import { organizationsInScope } from '../../authz/organization-scope';
import type { Caller } from '../../plugins/app/auth';
import { createOrganization } from '../../../runtime/organizations';
import { callerAudit, type CallerRequest } from '../caller-request';

export function listOrganizations({
  db,
  caller,
  filter,
}: {
  db: Db;
  caller: Caller;
  filter: { kind?: OrgKindName; q?: string };
}) {
  return db.organization.findMany({
    where: {
      AND: [
        organizationsInScope(caller),
        filter.kind ? { kind: filter.kind } : {},
        filter.q ? { OR: [{ name: { contains: filter.q } }, { code: { contains: filter.q } }] } : {},
      ],
    },
    orderBy: [{ path: 'asc' }],
    take: 5000,
  });
}

/** An organization in the caller's scope, or 404. */
export async function findOrganizationInScope({
  db,
  caller,
  organizationId,
}: {
  db: Db;
  caller: Caller;
  organizationId: string;
}) {
  const org = await db.organization.findFirst({ where: { AND: [{ id: organizationId }, organizationsInScope(caller)] } });
  if (!org) throw new AppError('NOT_FOUND');
  return org;
}

function kindMismatch(kind: OrgKindName, parentKind: OrgKindName | null): AppError {
  return new AppError('VALIDATION_FAILED', {
    fields: [
      {
        path: 'kind',
        code: 'invalid_parent_kind',
        message: {
          'zh-CN': `该类型的组织不能设在此上级组织之下（${parentKind ?? '无'}）。`,
          en: `A ${kind} cannot be placed under ${parentKind ?? 'no parent'}.`,
        },
      },
    ],
  });
}

export function duplicateCode(code: string, path = 'code'): AppError {
  return new AppError('VALIDATION_FAILED', {
    fields: [
      {
        path,
        code: 'duplicate',
        message: { 'zh-CN': `组织代码 ${code} 已存在。`, en: `Organization code ${code} already exists.` },
      },
    ],
  });
}

export async function addOrganization({
  db,
  caller,
  input,
  requestId,
}: CallerRequest<{ code: string; name: string; nameEn?: string; kind: OrgKindName; parentId: string }>) {
  const parent = await findOrganizationInScope({ db, caller, organizationId: input.parentId });
  if (!canHaveParent(input.kind, parent.kind)) throw kindMismatch(input.kind, parent.kind);
  if (await db.organization.findUnique({ where: { code: input.code }, select: { id: true } })) throw duplicateCode(input.code);
  return db.$transaction(async (tx) => {
    const org = await createOrganization(tx, input);
    await appendAudit(
      tx,
      callerAudit(caller, requestId, {
        action: 'organization.created',
        targetType: 'organization',
        targetId: org.id,
        data: { code: org.code, name: org.name, kind: org.kind, parentId: org.parentId },
      }),
    );
    return org;
  });
}

export async function updateOrganization({
  db,
  caller,
  organizationId,
  input,
  requestId,
}: CallerRequest<{ name?: string; nameEn?: string | null }> & { organizationId: string }) {
  await findOrganizationInScope({ db, caller, organizationId });
  return db.$transaction(async (tx) => {
    const org = await tx.organization.update({ where: { id: organizationId }, data: input });
    await appendAudit(
      tx,
      callerAudit(caller, requestId, {
        action: 'organization.updated',
        targetType: 'organization',
        targetId: org.id,
        data: input,
      }),
    );
    return org;
  });
}
