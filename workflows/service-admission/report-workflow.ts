import { chinaDateOf } from '../../domain/clock';
import type { RuleResult } from '../../domain/rules/rule';
import { SA_SETTINGS, reportFindingResult, reportReceivedResult } from '../../domain/rules/service-admission';
import {
  finishProcedure,
  humanTask,
  installTaskHandlers,
  procedureActivities as activities,
  type TaskDeadline,
  declared,
} from '../lib/human-task';
import { SERVICE_ADMISSION_REPORT } from '../../domain/procedures';
import type {
  ServiceItemReportCaseData,
  ServiceItemReportInput,
  ServiceItemReportPublication,
  ServiceItemReportResult,
} from './messages';

/**
 * SA-REPORT: a residents' committee reports an item pushed onto it without admission. The county must answer within
 * the configured period (reminder before, red warning and escalation to the city after); the outcome is published,
 * without naming the committee when it asked so.
 */
export async function serviceItemReportProcedure(input: ServiceItemReportInput): Promise<ServiceItemReportResult> {
  installTaskHandlers();
  let seq = 0;
  const save = (
    set: Partial<ServiceItemReportCaseData>,
    action: string,
    extra: { actorId?: string; actingOrgId?: string; data?: Record<string, unknown> } = {},
    notifyCommunity = false,
  ) =>
    activities.saveServiceItemCase({
      caseId: input.caseId,
      seq: ++seq,
      set,
      event: { action, ...extra },
      notifyOrg: notifyCommunity ? { organizationId: input.communityOrgId, role: 'RESIDENTS_COMMITTEE_OFFICIAL' } : undefined,
    });
  const record = (rules: RuleResult[], taskId?: string) =>
    activities.recordRuleDecisions({
      caseId: input.caseId,
      taskId,
      decisions: rules.map((r) => ({
        ruleId: r.id,
        passed: r.passed,
        citation: r.citation,
        detail: r.detail,
        values: { ...r.values },
      })),
    });

  const deadline = await answerDeadline(input);
  const { report } = input;
  await record([reportReceivedResult({ pushedBy: report.pushedBy, pushedOn: report.pushedOn, dueAt: deadline.dueAt })]);
  await save({ stage: 'awaiting-answer', answerDueAt: deadline.dueAt }, 'service-item-report.received', {
    data: { dueAt: deadline.dueAt },
  });

  // 县级答复, with the statutory clock's reminder, yellow and red warnings (escalated to the city).
  const answer = await humanTask({
    caseId: input.caseId,
    ...declared(SERVICE_ADMISSION_REPORT.tasks.answer),
    candidateOrgId: input.countyOrgId,
    deadline,
    context: {
      report,
      communityName: input.communityName,
      anonymous: report.anonymous,
      admittedItems: input.admittedItems,
      dueAt: deadline.dueAt,
    },
  });
  const answeredLate = Date.now() > Date.parse(deadline.dueAt);
  const upheld = answer.payload.finding === 'upheld';
  await record([reportFindingResult({ upheld, answeredLate })], answer.taskId);

  // 结果公开.
  const publication: ServiceItemReportPublication = {
    publishedAt: new Date(Date.now()).toISOString(),
    itemDescription: report.itemDescription,
    pushedBy: report.pushedBy,
    pushedOn: report.pushedOn,
    community: report.anonymous ? null : input.communityName,
    countyName: input.countyName,
    finding: answer.payload.finding,
    answer: answer.payload.answer,
    measures: answer.payload.measures ?? null,
    answerDueAt: deadline.dueAt,
    answeredLate,
  };
  await save(
    { stage: 'published', publication },
    'service-item-report.published',
    {
      actorId: answer.actor.userId,
      actingOrgId: answer.actor.organizationId,
      data: { finding: answer.payload.finding, answeredLate, anonymous: report.anonymous },
    },
    true,
  );
  await activities.closeCase({
    caseId: input.caseId,
    status: 'COMPLETED',
    outcome: { finding: answer.payload.finding, answeredLate },
  });
  await finishProcedure();
  return { finding: answer.payload.finding, answeredLate };
}

async function answerDeadline(input: ServiceItemReportInput): Promise<TaskDeadline> {
  if (input.timing) {
    return {
      dueAt: new Date(Date.now() + input.timing.answerDueInMs).toISOString(),
      remindBeforeMs: input.timing.remindBeforeMs,
      escalateAfterMs: input.timing.escalateAfterMs,
    };
  }
  const resolved = await activities.resolveDeadline({
    eventDate: chinaDateOf(new Date(Date.now())),
    period: SA_SETTINGS.reportAnswerPeriod,
  });
  return {
    dueAt: resolved.dueAt,
    remindBeforeMs: SA_SETTINGS.reportRemindBeforeMs,
    escalateAfterMs: SA_SETTINGS.reportEscalateAfterMs,
    calendarWarning: resolved.calendarWarning,
  };
}
