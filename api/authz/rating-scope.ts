import type { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../plugins/app/auth';
import { supervisionPath } from './organization-scope';

/**
 * 我要查 and 好差评 (issue 21). A signed-in resident follows and rates only the cases they opened themself; a county or
 * township sees the ratings of the organizations of the subtree it supervises (a county's civil-affairs bureau: its
 * whole county).
 */
export function casesOpenedBy(caller: Caller): Prisma.CaseWhereInput {
  return { openedById: caller.userId };
}

export function ratingsInScope(caller: Caller): Prisma.ServiceRatingWhereInput {
  return { responsibleOrgPath: { startsWith: supervisionPath(caller) } };
}
