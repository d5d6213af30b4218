import type { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../plugins/app/auth';

/**
 * Circulations (传阅) addressed to the caller: to them in person, or to the organization of the membership they act
 * under now. A recipient may read the circulated case (case-scope.ts) and sees it in 抄送我.
 */
export function circulatedToCaller(caller: Caller): Prisma.CaseCirculationWhereInput {
  const org = caller.membership?.organizationId;
  return { OR: [{ recipientUserId: caller.userId }, ...(org ? [{ recipientOrgId: org }] : [])] };
}
