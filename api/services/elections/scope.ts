import type { DbClient } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import type { Prisma } from '../../../prisma/generated/client';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership } from '../../authz/scope';

/**
 * Which elections a caller sees (every election read goes through this builder):
 * - an election committee member: the elections their committee runs;
 * - a resident, a residents' or village committee official: their own community's elections;
 * - a county civil-affairs reviewer: the county of their bureau (the bureau is the county's child);
 * - everybody else: elections of communities in their organization's subtree (township, county, administrator).
 */
export function electionsInScope(caller: Caller): Prisma.ElectionWhereInput {
  const m = currentMembership(caller);
  switch (m.role) {
    case 'ELECTION_COMMITTEE_MEMBER':
      return { committeeOrgId: m.organizationId };
    case 'APPLICANT':
    case 'RESIDENTS_COMMITTEE_OFFICIAL':
    case 'VILLAGE_COMMITTEE_OFFICIAL':
      return { communityOrgId: m.organizationId };
    default:
      return { community: { path: { startsWith: supervisionPath(caller) } } };
  }
}

/** The subtree a caller supervises: a civil-affairs bureau reviews for its whole county. */
export function supervisionPath(caller: Caller): string {
  const m = currentMembership(caller);
  if (m.role === 'COUNTY_CIVIL_AFFAIRS_REVIEWER' && m.organizationKind === 'CIVIL_AFFAIRS_BUREAU')
    return m.organizationPath.replace(/[^/]+\/$/, '');
  return m.organizationPath;
}

/** An election the caller may see, else 404 (a foreign id does not reveal that it exists). */
export async function findElection(db: DbClient, caller: Caller, electionId: string) {
  const election = await db.election.findFirst({
    where: { AND: [{ id: electionId }, electionsInScope(caller)] },
    include: { case: true, community: { select: { id: true, name: true, path: true } } },
  });
  if (!election) throw new AppError('NOT_FOUND');
  return election;
}

/** An election the caller runs as a member of its election committee, else 404. */
export async function findCommitteeElection(db: DbClient, caller: Caller, electionId: string) {
  const m = currentMembership(caller);
  if (m.role !== 'ELECTION_COMMITTEE_MEMBER') throw new AppError('NOT_FOUND');
  return findElection(db, caller, electionId);
}

/** A 409 saying which step of the election it is in. */
export function wrongStep(zh: string, en: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('CONFLICT', { message: { 'zh-CN': zh, en }, details });
}
