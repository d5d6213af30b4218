import { AppError } from '../../domain/errors';
import type { Prisma } from '../../prisma/generated/client';
import type { Db } from '../../runtime/db';
import type { Caller } from '../plugins/app/auth';
import { currentMembership, supervisionPath } from './organization-scope';

/**
 * Who may do what with community profiles (issue 22):
 * - read: any official whose supervision subtree holds the community (a residents' committee its own);
 * - keep (write, import): the community's own residents' committee (RESIDENTS_COMMITTEE_OFFICIAL of that community);
 * - confirm: a township or sub-district official whose organization is above the community.
 * Route permissions (api/authz/permissions.ts) decide the role; these decide the organization.
 */
export function profilesInScope(caller: Caller): Prisma.CommunityProfileWhereInput {
  return { community: { path: { startsWith: supervisionPath(caller) } } };
}

export interface ScopedCommunity {
  id: string;
  code: string;
  name: string;
  path: string;
  parentId: string | null;
}

/** A community the caller may read (their subtree), or NOT_FOUND: nothing shows whether it exists elsewhere. */
export async function communityInScope(db: Db, caller: Caller, communityOrgId: string): Promise<ScopedCommunity> {
  const community = await db.organization.findFirst({
    where: { id: communityOrgId, kind: 'COMMUNITY', path: { startsWith: supervisionPath(caller) } },
    select: { id: true, code: true, name: true, path: true, parentId: true },
  });
  if (!community) throw new AppError('NOT_FOUND');
  return community;
}

/** The residents' committee keeps its own community's profile, nobody else does. */
export function mayKeep(caller: Caller, community: Pick<ScopedCommunity, 'id'>): boolean {
  const m = currentMembership(caller);
  return m.role === 'RESIDENTS_COMMITTEE_OFFICIAL' && m.organizationId === community.id;
}

/** The township (or sub-district office) above the community confirms it. */
export function mayConfirm(caller: Caller, community: Pick<ScopedCommunity, 'path'>): boolean {
  const m = currentMembership(caller);
  return (
    m.role === 'TOWNSHIP_OFFICIAL' &&
    (m.organizationKind === 'TOWNSHIP' || m.organizationKind === 'SUBDISTRICT') &&
    community.path.startsWith(m.organizationPath)
  );
}
