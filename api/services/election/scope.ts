import type { DbClient } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership } from '../../authz/organization-scope';
import { electionsInScope } from '../../authz/election-scope';

/** An election the caller may see, else 404 (a foreign id does not reveal that it exists). */
export async function findElection({ db, caller, electionId }: { db: DbClient; caller: Caller; electionId: string }) {
  const election = await db.election.findFirst({
    where: { AND: [{ id: electionId }, electionsInScope(caller)] },
    include: { case: true, community: { select: { id: true, name: true, path: true } } },
  });
  if (!election) throw new AppError('NOT_FOUND');
  return election;
}

/** An election the caller runs as a member of its election committee, else 404. */
export async function findCommitteeElection({ db, caller, electionId }: { db: DbClient; caller: Caller; electionId: string }) {
  const m = currentMembership(caller);
  if (m.role !== 'ELECTION_COMMITTEE_MEMBER') throw new AppError('NOT_FOUND');
  return findElection({ db, caller, electionId });
}

/** A 409 saying which step of the election it is in. */
export function wrongStep(zh: string, en: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('CONFLICT', { message: { 'zh-CN': zh, en }, details });
}
