import type { AuditEntry } from '../../runtime/audit';
import type { Db } from '../../runtime/db';
import type { Caller } from '../plugins/app/auth';

/** What a service that writes on the caller's behalf takes: the database, the caller, their input and the request id its audit row carries. */
export type CallerRequest<Input> = { db: Db; caller: Caller; input: Input; requestId: string };

/** What a read of one case on the caller's behalf takes. */
export type CallerCaseRead = { db: Db; caller: Caller; caseId: string };

/** A successful write's audit row, in the caller's name and acting organization, carrying the request id. */
export function callerAudit(
  caller: Caller,
  requestId: string,
  entry: Omit<AuditEntry, 'actorId' | 'actingOrgId' | 'requestId' | 'outcome'>,
): AuditEntry {
  return { ...entry, actorId: caller.userId, actingOrgId: caller.membership?.organizationId, requestId, outcome: 'success' };
}
