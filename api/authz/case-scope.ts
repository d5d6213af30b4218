import type { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../plugins/app/auth';
import { organizationsInScope, supervisionPath } from './organization-scope';
import { caseAccessTaskWhere } from './task-scope';
import { circulatedToCaller } from './circulation-scope';

/**
 * Case scoping, one rule for every procedure. Every read of cases goes through these builders.
 *
 * The cases a caller answers for: a resident acting for themself (APPLICANT) only the cases they opened, never their
 * neighbours'; anybody else the cases of their organization's subtree. The supervising lists of a procedure (owners'
 * meetings, a committee's reports) show these.
 */
export function ownCases(caller: Caller): Prisma.CaseWhereInput {
  return caller.membership?.role === 'APPLICANT' ? { openedById: caller.userId } : { organization: organizationsInScope(caller) };
}

/**
 * Cases a caller may read: those they answer for (`ownCases`), those with a task offered to them, held by them
 * while it is open, or (supervisors) offered in their subtree, and those circulated to them (传阅, read-only).
 */
export function casesInScope(caller: Caller): Prisma.CaseWhereInput {
  return {
    OR: [
      ownCases(caller),
      { tasks: { some: caseAccessTaskWhere(caller) } },
      { circulations: { some: circulatedToCaller(caller) } },
    ],
  };
}

/**
 * Cases of a service-admission procedure (admission or report) the caller oversees: those of the subtree they supervise (a county's civil-affairs
 * bureau reviews for its whole county; see `supervisionPath`).
 */
export function serviceAdmissionCasesInScope(caller: Caller, procedure: string): Prisma.CaseWhereInput {
  return { procedure, organization: { path: { startsWith: supervisionPath(caller) } } };
}
