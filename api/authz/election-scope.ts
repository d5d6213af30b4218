import type { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../plugins/app/auth';
import { currentMembership, supervisionPath } from './organization-scope';

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

/** Migrant applications a caller may read: their own (an applicant), or those of elections in their scope. */
export function applicationsInScope(caller: Caller): Prisma.MigrantApplicationWhereInput {
  return currentMembership(caller).role === 'APPLICANT'
    ? { applicantUserId: caller.userId }
    : { election: electionsInScope(caller) };
}
