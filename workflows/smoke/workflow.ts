import { deadlineFromToday } from '../lib/deadlines';
import { legacyTiming, shortenedDeadline } from '../lib/legacy-timing';
import {
  finishProcedure,
  humanTask,
  installTaskHandlers,
  procedureActivities,
  type TaskDeadline,
  declared,
} from '../lib/human-task';
import { SMOKE } from '../../domain/procedures';
import type { SmokeProcedureInput, SmokeProcedureResult } from './messages';

/**
 * The smoke procedure proves the platform end to end: one human task written to PostgreSQL, completed through a
 * validated Workflow Update, its outcome recorded, the case closed.
 */
export async function smokeProcedure(input: SmokeProcedureInput): Promise<SmokeProcedureResult> {
  installTaskHandlers();
  const confirmation = await confirm(input, legacyTiming<LegacySmokeTiming>(input));
  const { decision } = confirmation.payload;
  await procedureActivities.closeCase({
    caseId: input.caseId,
    status: decision === 'approve' ? 'COMPLETED' : 'REJECTED',
    outcome: { decision, comment: confirmation.payload.comment ?? null, decidedBy: confirmation.actor.userId },
  });
  await finishProcedure();
  return { decision, decidedBy: confirmation.actor.userId };
}

/** The one step: an official of the organization confirms (or rejects) the check within its deadline. */
async function confirm(input: SmokeProcedureInput, legacy: LegacySmokeTiming | undefined) {
  return humanTask({
    deadline: await deadline(legacy),
    caseId: input.caseId,
    ...declared(SMOKE.tasks.confirm, input.role),
    candidateOrgId: input.organizationId,
  });
}

/** The `timing` of executions started before it left the input (workflows/lib/legacy-timing.ts). */
type LegacySmokeTiming = { dueInMs: number; remindBeforeMs: number; escalateAfterMs: number };

/** Due in 3 working days, a reminder a day before and the escalation a day after (or an old execution's timing). */
async function deadline(legacy: LegacySmokeTiming | undefined): Promise<TaskDeadline> {
  if (legacy) return shortenedDeadline(legacy);
  return deadlineFromToday({
    period: { amount: 3, unit: 'workdays' },
    remindBeforeMs: 24 * 3_600_000,
    escalateAfterMs: 24 * 3_600_000,
  });
}
