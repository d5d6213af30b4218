import type { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../plugins/app/auth';
import { currentMembership } from './organization-scope';

/**
 * Circulations (传阅) addressed to the caller: to them in person, or to the organization of the membership they act
 * under now. A recipient may read the circulated case (case-scope.ts) and sees it in 抄送我.
 */
export function circulatedToCaller(caller: Caller): Prisma.CaseCirculationWhereInput {
  const org = caller.membership?.organizationId;
  return { OR: [{ recipientUserId: caller.userId }, ...(org ? [{ recipientOrgId: org }] : [])] };
}

/**
 * Where a case may be circulated (传阅): the caller's own organization, its subtree, and its supervising chain (the
 * organizations above it up to the root). An organization's path is "/root/…/self/", so "in the subtree" is a path
 * that starts with the caller's, and "on the chain" is a path the caller's starts with.
 */
export function circulationScope(caller: Caller): Prisma.OrganizationWhereInput {
  const path = currentMembership(caller).organizationPath;
  const chain = path.split('/').filter(Boolean);
  const ancestors = chain.map((_, i) => `/${chain.slice(0, i + 1).join('/')}/`);
  return { OR: [{ path: { startsWith: path } }, { path: { in: ancestors } }] };
}
