import type { z } from 'zod';
import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { AppError } from '../../../domain/errors';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership } from '../../authz/organization-scope';
import { savedFiltersInScope } from '../../authz/task-scope';
import type { savedFilterBody } from '../../schemas/inbox';
import type { CallerRequest } from '../caller-request';

export async function listSavedFilters(db: Db, caller: Caller) {
  const rows = await db.savedFilter.findMany({ where: savedFiltersInScope(caller), orderBy: { name: 'asc' } });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    filter: r.filter as Record<string, unknown>,
    shared: r.shared,
    mine: r.ownerId === caller.userId,
  }));
}

export async function findSavedFilter({ db, caller, id }: { db: Db; caller: Caller; id: string }) {
  const row = await db.savedFilter.findFirst({ where: { AND: [{ id }, savedFiltersInScope(caller)] } });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function saveFilter({ db, caller, input, requestId }: CallerRequest<z.infer<typeof savedFilterBody>>) {
  return db.$transaction(async (tx) => {
    const row = await tx.savedFilter.create({
      data: {
        ownerId: caller.userId,
        organizationId: currentMembership(caller).organizationId,
        name: input.name,
        filter: input.filter,
        shared: input.shared,
      },
    });
    await appendAudit(tx, {
      action: 'saved-filter.created',
      targetType: 'saved-filter',
      targetId: row.id,
      actorId: caller.userId,
      actingOrgId: row.organizationId,
      outcome: 'success',
      requestId,
      data: { name: row.name, shared: row.shared },
    });
    return { id: row.id, name: row.name, filter: row.filter as Record<string, unknown>, shared: row.shared, mine: true };
  });
}

export async function deleteSavedFilter({
  db,
  caller,
  id,
  requestId,
}: {
  db: Db;
  caller: Caller;
  id: string;
  requestId: string;
}) {
  const row = await db.savedFilter.findFirst({ where: { id, ownerId: caller.userId } });
  if (!row) throw new AppError('NOT_FOUND');
  await db.$transaction(async (tx) => {
    await tx.savedFilter.delete({ where: { id } });
    await appendAudit(tx, {
      action: 'saved-filter.deleted',
      targetType: 'saved-filter',
      targetId: id,
      actorId: caller.userId,
      actingOrgId: row.organizationId,
      outcome: 'success',
      requestId,
    });
  });
}
