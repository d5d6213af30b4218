import { AppError } from '../../domain/errors';
import type { Prisma } from '../../prisma/generated/client';
import type { Caller, CallerMembership } from '../plugins/app/auth';

/**
 * Organization scoping: a membership sees its own organization and everything below it in the tree.
 * Every read of organizations and users goes through these builders (cases: case-scope.ts; tasks: task-scope.ts;
 * elections: election-scope.ts), so an unscoped read has to be written on purpose.
 */
export function currentMembership(caller: Caller): CallerMembership {
  if (!caller.membership) throw new AppError('FORBIDDEN');
  return caller.membership;
}

export function organizationsInScope(caller: Caller): Prisma.OrganizationWhereInput {
  return { path: { startsWith: currentMembership(caller).organizationPath } };
}

export function usersInScope(caller: Caller): Prisma.UserWhereInput {
  return { memberships: { some: { organization: organizationsInScope(caller) } } };
}

/**
 * The subtree a caller supervises: their organization's, except that a county's (or a city's) civil-affairs bureau
 * reviews for its whole county (city) — the bureau is its child — so its subtree is its parent's.
 */
export function supervisionPath(caller: Caller): string {
  const m = currentMembership(caller);
  if (
    (m.role === 'COUNTY_CIVIL_AFFAIRS_REVIEWER' || m.role === 'CITY_CIVIL_AFFAIRS_REVIEWER') &&
    m.organizationKind === 'CIVIL_AFFAIRS_BUREAU'
  ) {
    return m.organizationPath.replace(/[^/]+\/$/, '');
  }
  return m.organizationPath;
}

export function isInScope(caller: Caller, organizationPath: string): boolean {
  return organizationPath.startsWith(currentMembership(caller).organizationPath);
}
