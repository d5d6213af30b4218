import type { Db } from './db';
import { AppError } from '../domain/errors';

/**
 * One running election per community: the one place for the rule, used by the township's manual start and by the
 * 村改居 approval that starts a new community's first election. Running: an election not completed or cancelled, or an
 * open election case whose election is not registered yet.
 */
export async function runningElectionOf(db: Db, communityOrgId: string): Promise<{ id: string; number: string | null } | null> {
  const election = await db.election.findFirst({
    where: { communityOrgId, status: { notIn: ['COMPLETED', 'CANCELLED'] } },
    select: { id: true, case: { select: { number: true } } },
  });
  if (election) return { id: election.id, number: election.case.number };
  const open = await db.case.findFirst({
    where: { procedure: 'election', organizationId: communityOrgId, status: 'OPEN' },
    select: { id: true, number: true },
  });
  return open ? { id: open.id, number: open.number } : null;
}

/** The refusal of a second running election (409 CONFLICT, naming the election under way). */
export function secondElectionRefusal(running: { id: string; number: string | null }): AppError {
  return new AppError('CONFLICT', {
    message: {
      'zh-CN': `该社区已有正在进行的选举（${running.number ?? running.id}）。`,
      en: `This community already has an election under way (${running.number ?? running.id}).`,
    },
    details: { electionId: running.id, caseNumber: running.number },
  });
}

/** Throws 409 when the community already has a running election. */
export async function refuseSecondRunningElection(db: Db, communityOrgId: string): Promise<void> {
  const running = await runningElectionOf(db, communityOrgId);
  if (running) throw secondElectionRefusal(running);
}
