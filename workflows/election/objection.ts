import { getExternalWorkflowHandle } from '@temporalio/workflow';
import { checkAnswer, checkObjection, ELECTION_RULE_SET } from '../../domain/rules/election';
import { ELECTION_OBJECTION } from '../../domain/procedures';
import { declared, finishProcedure, humanTask, installTaskHandlers, procedureActivities as act } from '../lib/human-task';
import { objectionsAnsweredSignal, type ElectionObjectionInput, type ElectionObjectionResult } from './messages';
import { answerRule, boundsOf, inMs, statutoryDeadline, today, type Due } from './workflow';

/**
 * 选民名单异议 (村组法 Art. 14; EL-OBJECT, EL-ANSWER): one objection to a published voter list, a workflow of its own
 * beside its election (issue 19: the election's history does not grow with its objections). The API started it, under
 * the election's row lock, only while the objection window was open (EL-OBJECT); here the objection is accepted with
 * its answer deadline (EL-ANSWER: 3 days from receipt), the election committee answers it on the answer task (a late
 * answer is recorded as late, and the township is alerted when the deadline passes), and the answer is published.
 * When the answer is the last one after the window closed, the election, which waits for it, is woken.
 */
export async function electionObjectionProcedure(input: ElectionObjectionInput): Promise<ElectionObjectionResult> {
  installTaskHandlers();
  const { objectionId, electionId } = input;
  // The reliability harnesses' calendar of seconds, as the election's (activities/election.ts), else the statute's.
  const calendar = await act.electionCalendar();
  const receivedOn = today();
  const window = calendar
    ? undefined
    : await act.resolveDeadline({
        eventDate: input.publishedOn,
        period: { amount: ELECTION_RULE_SET.objectionDays, unit: 'days' },
      });
  const due: Due = calendar
    ? inMs(calendar.answerWindowMs)
    : await act.resolveDeadline({ eventDate: receivedOn, period: { amount: ELECTION_RULE_SET.answerDays, unit: 'days' } });
  await act.acceptObjection({
    objectionId,
    receivedOn,
    answerDueAt: due.dueAt,
    rule: checkObjection(receivedOn, input.publishedOn, input.objectionLastDay, window && boundsOf(window)),
  });

  const answered = await humanTask({
    // The answer task belongs to the election's case (its inbox entry, case page and rule decisions); its completion
    // comes here, to the workflow that opened it.
    caseId: electionId,
    ...declared(ELECTION_OBJECTION.tasks.answer),
    candidateOrgId: input.committeeOrgId,
    deadline: statutoryDeadline(due.dueAt, due.calendarWarning, input.townshipOrgId, calendar !== null),
    context: { objectionId, receivedOn, answerLastDay: due.lastDay },
  });
  const inTime = Date.now() <= Date.parse(due.dueAt);
  const answeredOn = today();
  const { decision, answer } = answered.payload;
  const { lastAfterWindow } = await act.answerObjection({
    objectionId,
    taskId: answered.taskId,
    decision,
    answer,
    answeredOn,
    inTime,
    actor: answered.actor,
    rule: answerRule(checkAnswer(answeredOn, receivedOn, due.lastDay, boundsOf(due)), inTime),
  });
  // The election waits for the last answer once its window closed (activities/election.ts, `closeObjectionWindow`).
  // The signal is a command of this workflow: recorded with the decision to send it, delivered by Temporal even if
  // this worker dies next, and sent once (the activity's answer is in the history).
  if (lastAfterWindow) await getExternalWorkflowHandle(input.electionWorkflowId).signal(objectionsAnsweredSignal);
  await act.closeCase({
    caseId: objectionId,
    status: 'COMPLETED',
    outcome: { decision, answeredOn, inTime },
  });
  await finishProcedure();
  return { objectionId, decision, inTime };
}
