import { finishProcedure, humanTask, installTaskHandlers, procedureActivities } from '../lib/human-task';
import type { SmokeProcedureInput, SmokeProcedureResult } from './messages';

/**
 * The smoke procedure proves the platform end to end: one human task written to PostgreSQL, completed through a
 * validated Workflow Update, its outcome recorded, the case closed.
 */
export async function smokeProcedure(input: SmokeProcedureInput): Promise<SmokeProcedureResult> {
  installTaskHandlers();
  const confirmation = await humanTask({
    caseId: input.caseId,
    kind: 'smoke.confirm',
    formId: 'smoke.confirm',
    candidateOrgId: input.organizationId,
    candidateRole: input.role,
  });
  const { decision } = confirmation.payload;
  await procedureActivities.closeCase({
    caseId: input.caseId,
    status: decision === 'approve' ? 'COMPLETED' : 'REJECTED',
    outcome: { decision, comment: confirmation.payload.comment ?? null, decidedBy: confirmation.actor.userId },
  });
  await finishProcedure();
  return { decision, decidedBy: confirmation.actor.userId };
}
