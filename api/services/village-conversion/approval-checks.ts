import type { Db } from '../../../runtime/db';
import type { AppError } from '../../../domain/errors';
import type { z } from 'zod';
import type { vcCountyDecisionForm } from '../../../domain/forms/village-conversion';
import { residentsCommitteeCode } from '../../../domain/organizations';
import { runningElectionOf, secondElectionRefusal } from '../../../runtime/running-election';

/**
 * An approval starts the new community's first election, so it is refused (409, the manual start's own refusal) when
 * the community the approval would set up already has an election running. The activity that starts the election
 * applies the same check again (api/services/election/running-election.ts), for a start that races this one.
 */
export async function approvalElectionConflict({
  db,
  caseId,
  payload,
}: {
  db: Db;
  caseId: string;
  payload: z.infer<typeof vcCountyDecisionForm>;
}): Promise<AppError | null> {
  if (payload.decision !== 'approve') return null;
  const row = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { organization: { select: { code: true, residentsCommitteeId: true } } },
  });
  const community = row.organization.residentsCommitteeId
    ? { id: row.organization.residentsCommitteeId }
    : await db.organization.findUnique({ where: { code: residentsCommitteeCode(row.organization.code) }, select: { id: true } });
  if (!community) return null;
  const running = await runningElectionOf(db, community.id);
  return running ? secondElectionRefusal(running) : null;
}
