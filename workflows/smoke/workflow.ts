import { chinaDateOf } from '../../domain/clock';
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
  const confirmation = await humanTask({
    deadline: await deadlineFor(input),
    caseId: input.caseId,
    ...declared(SMOKE.tasks.confirm, input.role),
    candidateOrgId: input.organizationId,
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

async function deadlineFor(input: SmokeProcedureInput): Promise<TaskDeadline> {
  if (input.timing) {
    return {
      dueAt: new Date(Date.now() + input.timing.dueInMs).toISOString(),
      remindBeforeMs: input.timing.remindBeforeMs,
      escalateAfterMs: input.timing.escalateAfterMs,
    };
  }
  const resolved = await procedureActivities.resolveDeadline({
    eventDate: chinaDateOf(new Date()),
    period: { amount: 3, unit: 'workdays' },
  });
  return {
    dueAt: resolved.dueAt,
    remindBeforeMs: 24 * 3_600_000,
    escalateAfterMs: 24 * 3_600_000,
    calendarWarning: resolved.calendarWarning,
  };
}
