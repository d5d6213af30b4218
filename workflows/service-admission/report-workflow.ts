import type { RuleResult } from '../../domain/rules/rule';
import { SA_SETTINGS, reportFindingResult, reportReceivedResult } from '../../domain/rules/service-admission';
import {
  finishProcedure,
  humanTask,
  installTaskHandlers,
  procedureActivities as activities,
  type HumanTaskOutcome,
  type TaskDeadline,
  declared,
} from '../lib/human-task';
import { deadlineFromToday } from '../lib/deadlines';
import { legacyTiming, shortenedDeadline } from '../lib/legacy-timing';
import { recordStepDecisions } from '../lib/rule-decisions';
import { SERVICE_ADMISSION_REPORT } from '../../domain/procedures';
import type {
  ServiceItemReportCaseData,
  ServiceItemReportInput,
  ServiceItemReportPublication,
  ServiceItemReportResult,
} from './messages';

type Answer = HumanTaskOutcome<'sa.report-answer'>;

/**
 * SA-REPORT: a residents' committee reports an item pushed onto it without admission. The county must answer within
 * the configured period (reminder before, red warning and escalation to the city after); the outcome is published,
 * without naming the committee when it asked so.
 */
export async function serviceItemReportProcedure(input: ServiceItemReportInput): Promise<ServiceItemReportResult> {
  installTaskHandlers();
  const legacy = legacyTiming<LegacyAnswerTiming>(input);
  const report = new ItemReport(input);

  const deadline = await answerDeadline(legacy);
  await report.receive(deadline);
  const { answer, answeredLate } = await report.countyAnswers(deadline);
  await report.publish({ answer, deadline, answeredLate });

  await activities.closeCase({
    caseId: input.caseId,
    status: 'COMPLETED',
    outcome: { finding: answer.payload.finding, answeredLate },
  });
  await finishProcedure();
  return { finding: answer.payload.finding, answeredLate };
}

class ItemReport {
  private seq = 0;

  constructor(private readonly input: ServiceItemReportInput) {}

  /** The report is received: SA-REPORT's clock starts (the county's answer is due at `deadline`). */
  async receive(deadline: TaskDeadline): Promise<void> {
    const { report } = this.input;
    await this.recordRules(reportReceivedResult({ pushedBy: report.pushedBy, pushedOn: report.pushedOn, dueAt: deadline.dueAt }));
    await this.save({
      set: { stage: 'awaiting-answer', answerDueAt: deadline.dueAt },
      action: 'service-item-report.received',
      data: { dueAt: deadline.dueAt },
    });
  }

  /** 县级答复, with the statutory clock's reminder, yellow and red warnings (escalated to the city). */
  async countyAnswers(deadline: TaskDeadline): Promise<{ answer: Answer; answeredLate: boolean }> {
    const { input } = this;
    const answer = await humanTask({
      caseId: input.caseId,
      ...declared(SERVICE_ADMISSION_REPORT.tasks.answer),
      candidateOrgId: input.countyOrgId,
      deadline,
      context: {
        report: input.report,
        communityName: input.communityName,
        anonymous: input.report.anonymous,
        admittedItems: input.admittedItems,
        dueAt: deadline.dueAt,
      },
    });
    const answeredLate = Date.now() > Date.parse(deadline.dueAt);
    await this.recordRules(reportFindingResult({ upheld: answer.payload.finding === 'upheld', answeredLate }), answer.taskId);
    return { answer, answeredLate };
  }

  /** 结果公开: the finding is published (the committee unnamed when it asked so) and the committee told. */
  async publish(options: { answer: Answer; deadline: TaskDeadline; answeredLate: boolean }): Promise<void> {
    const { answer, deadline, answeredLate } = options;
    const { report } = this.input;
    const publication: ServiceItemReportPublication = {
      publishedAt: new Date(Date.now()).toISOString(),
      itemDescription: report.itemDescription,
      pushedBy: report.pushedBy,
      pushedOn: report.pushedOn,
      community: report.anonymous ? null : this.input.communityName,
      countyName: this.input.countyName,
      finding: answer.payload.finding,
      answer: answer.payload.answer,
      measures: answer.payload.measures ?? null,
      answerDueAt: deadline.dueAt,
      answeredLate,
    };
    await this.save({
      set: { stage: 'published', publication },
      action: 'service-item-report.published',
      actorId: answer.actor.userId,
      actingOrgId: answer.actor.organizationId,
      data: { finding: answer.payload.finding, answeredLate, anonymous: report.anonymous },
      notifyCommunity: true,
    });
  }

  private save(options: {
    set: Partial<ServiceItemReportCaseData>;
    action: string;
    actorId?: string;
    actingOrgId?: string;
    data?: Record<string, unknown>;
    notifyCommunity?: boolean;
  }): Promise<void> {
    const { set, action, notifyCommunity, ...extra } = options;
    return activities.saveServiceItemCase({
      caseId: this.input.caseId,
      seq: ++this.seq,
      set,
      event: { action, ...extra },
      notifyOrg: notifyCommunity
        ? { organizationId: this.input.communityOrgId, role: 'RESIDENTS_COMMITTEE_OFFICIAL' }
        : undefined,
    });
  }

  private recordRules(rule: RuleResult, taskId?: string): Promise<void> {
    return recordStepDecisions({ caseId: this.input.caseId, rules: [rule], taskId });
  }
}

/** The `timing` of an execution started before it left the input (workflows/lib/legacy-timing.ts). */
type LegacyAnswerTiming = { answerDueInMs: number; remindBeforeMs: number; escalateAfterMs: number };

/** The county's answer is due within the configured period from today (or an old execution's timing). */
async function answerDeadline(legacy: LegacyAnswerTiming | undefined): Promise<TaskDeadline> {
  if (legacy) {
    const { answerDueInMs, ...clock } = legacy;
    return shortenedDeadline({ dueInMs: answerDueInMs, ...clock });
  }
  return deadlineFromToday({
    period: SA_SETTINGS.reportAnswerPeriod,
    remindBeforeMs: SA_SETTINGS.reportRemindBeforeMs,
    escalateAfterMs: SA_SETTINGS.reportEscalateAfterMs,
  });
}
