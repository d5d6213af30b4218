import type { Db } from '../../../runtime/db';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership } from '../../authz/organization-scope';
import { countyOf } from './scope';

/** The communities an applicant may name: those of its county, with their sub-district or township. */
export async function communitiesForApplicant(db: Db, caller: Caller) {
  const { county } = await countyOf(db, currentMembership(caller).organizationId);
  if (!county) return [];
  const rows = await db.organization.findMany({
    where: { kind: 'COMMUNITY', path: { startsWith: county.path } },
    select: { id: true, name: true, parent: { select: { name: true } } },
    orderBy: { code: 'asc' },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, parentName: r.parent?.name ?? null }));
}

/** Cities that have a public list (every city; the list may be empty). */
export async function citiesWithLists(db: Db) {
  const rows = await db.organization.findMany({
    where: { kind: 'CITY' },
    select: { id: true, name: true },
    orderBy: { code: 'asc' },
  });
  return rows;
}
