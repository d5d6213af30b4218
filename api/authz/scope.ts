import { AppError } from '../../domain/errors';
import type { Prisma } from '../../prisma/generated/client';
import type { Caller, CallerMembership } from '../plugins/app/auth';

/**
 * Organization scoping: a membership sees its own organization and everything below it in the tree.
 * Every read of organizations, users and cases goes through these builders, so an unscoped read has to be written
 * on purpose.
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

export function casesInScope(caller: Caller): Prisma.CaseWhereInput {
  return { organization: organizationsInScope(caller) };
}

export function isInScope(caller: Caller, organizationPath: string): boolean {
  return organizationPath.startsWith(currentMembership(caller).organizationPath);
}
