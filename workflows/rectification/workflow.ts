import { deadlineFromToday } from '../lib/deadlines';
import { finishProcedure, humanTask, installTaskHandlers, procedureActivities, declared } from '../lib/human-task';
import { RECTIFICATION } from '../../domain/procedures';
import { RECTIFICATION_PERIOD } from '../../domain/public-service';
import type { RectificationInput, RectificationResult } from './messages';

const DAY_MS = 24 * 3_600_000;

/**
 * 差评整改 (国办发〔2019〕51号): the organization that decided a case rated 不满意 or 非常不满意 puts it right and
 * answers (整改情况) within 15 working days; a reminder 3 days before, and the day after it is due the organization
 * above is alerted (the task clock's escalation to the candidate's parent). The answer is shown to the rater.
 * A workflow type of its own, new with this version: no execution of older code exists to replay.
 */
export async function rectificationProcedure(input: RectificationInput): Promise<RectificationResult> {
  installTaskHandlers();
  const answered = await humanTask({
    caseId: input.caseId,
    ...declared(RECTIFICATION.tasks.answer, input.role),
    candidateOrgId: input.organizationId,
    context: { ratedCaseId: input.ratedCaseId },
    deadline: await deadlineFromToday({ period: RECTIFICATION_PERIOD, remindBeforeMs: 3 * DAY_MS, escalateAfterMs: DAY_MS }),
  });
  await procedureActivities.closeCase({
    caseId: input.caseId,
    status: 'COMPLETED',
    outcome: { answeredBy: answered.actor.userId },
  });
  await finishProcedure();
  return { answeredBy: answered.actor.userId };
}
