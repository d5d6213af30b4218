import { ApplicationFailure, patched, setHandler } from '@temporalio/workflow';
import { chinaDateOf } from '../../domain/clock';
import { lawForCommunity } from '../../domain/rules/election-law';
import type { RuleResult } from '../../domain/rules/rule';
import { evaluateConversion } from '../../domain/rules/village-conversion';
import {
  finishProcedure,
  humanTask,
  humanTaskUnless,
  installTaskHandlers,
  procedureActivities,
  type TaskDeadline,
  declared,
} from '../lib/human-task';
import { VILLAGE_CONVERSION } from '../../domain/procedures';
import type { FirstElectionStart } from '../../activities/village-conversion';
import {
  ConversionFailure,
  withdrawConversionUpdate,
  type VillageConversionInput,
  type VillageConversionResult,
  type WithdrawRequest,
} from './messages';

/**
 * 村改居 (鲁办发〔2012〕22号 二(五)1; 村组法 Arts. 3, 21, 22): the village committee prepares the application with the
 * four conditions and the villagers' assembly record; the township government or sub-district office proposes; the
 * county civil-affairs bureau reviews; the county government approves or refuses. Any review may send the file back
 * to the village; the village may withdraw until the township has proposed.
 */
export async function villageConversionProcedure(input: VillageConversionInput): Promise<VillageConversionResult> {
  installTaskHandlers();
  const { caseId } = input;
  let proposed = false;
  let withdrawal: { reason: string; by: string } | undefined;
  setHandler(
    withdrawConversionUpdate,
    (request) => {
      withdrawal = { reason: request.reason, by: request.actor.userId };
      return { withdrawn: true as const };
    },
    {
      validator: (_request: WithdrawRequest) => {
        if (proposed) {
          throw ApplicationFailure.create({
            type: ConversionFailure.WITHDRAW_NOT_ALLOWED,
            message: 'The township has already proposed the conversion',
            nonRetryable: true,
          });
        }
      },
    },
  );
  const withdrawn = () => withdrawal !== undefined;

  // The county's returns, each with its opinion, kept on the case record (Case.data.countyReturns).
  const countyReturns: { opinion: string; by: string; at: string; taskId: string }[] = [];

  application: for (;;) {
    // 1. The village committee prepares the application; VC-C1…C4, VC-NOTICE, VC-QUORUM, VC-MAJORITY block the step.
    const prepared = await humanTaskUnless(
      {
        caseId,
        ...declared(VILLAGE_CONVERSION.tasks.prepare),
        candidateOrgId: input.villageOrgId,
        deadline: await stepDeadline(input),
        check: (payload) => evaluateConversion(payload.application),
      },
      withdrawn,
      'withdrawn',
    );
    if (!prepared) return close(input, 'withdrawn', withdrawal);
    const rules = evaluateConversion(prepared.payload.application);
    await procedureActivities.recordRuleDecisions({ caseId, taskId: prepared.taskId, decisions: rules.map(decision) });
    await procedureActivities.mergeCaseData({ caseId, data: { application: prepared.payload } });

    // The township proposes; after a county return it supplements the file and proposes again (or returns it further).
    for (;;) {
      // 2. VC-PROPOSE: the township government or sub-district office proposes, or returns the file.
      const review = await humanTaskUnless(
        {
          caseId,
          ...declared(VILLAGE_CONVERSION.tasks.townshipReview),
          candidateOrgId: input.townshipOrgId,
          deadline: await stepDeadline(input),
        },
        withdrawn,
        'withdrawn',
      );
      if (!review) return close(input, 'withdrawn', withdrawal);
      if (review.payload.decision === 'return') continue application;
      proposed = true;
      await procedureActivities.recordRuleDecisions({
        caseId,
        taskId: review.taskId,
        decisions: [
          stepDecision(
            'VC-PROPOSE',
            true,
            '《村民委员会组织法》第三条；鲁办发〔2012〕22号 二(五)1',
            '乡镇人民政府（街道办事处）提出',
            'Proposed by the township government / sub-district office',
          ),
        ],
      });

      // 3. The county civil-affairs bureau reviews.
      const civil = await humanTask({
        caseId,
        ...declared(VILLAGE_CONVERSION.tasks.civilAffairsReview),
        candidateOrgId: input.civilAffairsOrgId,
        deadline: await stepDeadline(input),
      });
      if (civil.payload.decision === 'return') {
        proposed = false;
        continue application;
      }

      // 4. VC-APPROVE: the county-level government approves or refuses with a written decision (批复), or returns the file
      // to the township for more evidence (domain: any step may send the file back), with its opinion.
      const decided = await humanTask({
        caseId,
        ...declared(VILLAGE_CONVERSION.tasks.countyDecision),
        candidateOrgId: input.countyOrgId,
        deadline: await stepDeadline(input),
      });
      if (decided.payload.decision === 'return') {
        proposed = false;
        countyReturns.push({
          opinion: decided.payload.opinion ?? '',
          by: decided.actor.displayName,
          at: new Date().toISOString(),
          taskId: decided.taskId,
        });
        await procedureActivities.mergeCaseData({ caseId, data: { countyReturns } });
        continue;
      }
      const approved = decided.payload.decision === 'approve';
      await procedureActivities.recordRuleDecisions({
        caseId,
        taskId: decided.taskId,
        decisions: [
          stepDecision(
            'VC-APPROVE',
            approved,
            '《村民委员会组织法》第三条；《山东省实施〈村民委员会组织法〉办法》第三条',
            approved ? '县级人民政府批准' : '县级人民政府不予批准',
            approved ? 'Approved by the county government' : 'Refused by the county government',
          ),
        ],
      });
      await procedureActivities.mergeCaseData({
        caseId,
        data: { decision: { ...decided.payload, decidedBy: decided.actor.displayName, decidedAt: new Date().toISOString() } },
      });
      if (!approved) return close(input, 'refused');

      // 5. The new residents' committee is set up; its first election follows the law EL-LAW selects.
      const committee = decided.payload.newCommittee!;
      const residentsCommitteeOrgId = await procedureActivities.createResidentsCommittee({
        caseId,
        villageOrgId: input.villageOrgId,
        townshipOrgId: input.townshipOrgId,
        ...committee,
      });
      const law = lawForCommunity({ restructuringComplete: prepared.payload.application.assetRestructuringComplete });
      await procedureActivities.recordRuleDecisions({ caseId, taskId: decided.taskId, decisions: [decision(law)] });
      await procedureActivities.mergeCaseData({ caseId, data: { residentsCommitteeOrgId, electionLaw: law.values.law } });
      const first: unknown = await procedureActivities.startFirstElection({
        conversionCaseId: caseId,
        communityOrgId: residentsCommitteeOrgId,
        townshipOrgId: input.townshipOrgId,
        law: String(law.values.law),
      });
      // Executions from before the one-running-election check recorded the bare case id (and wrote no record after it).
      if (patched('vc-first-election-record') && typeof first !== 'string')
        await procedureActivities.mergeCaseData({
          caseId,
          data: { firstElection: firstElectionRecord(first as FirstElectionStart) },
        });
      return close(input, 'approved', undefined, residentsCommitteeOrgId);
    }
  }
}

/**
 * What the case record tells the township about the first election: its case (or the election already running, which
 * kept a second from starting), and that the new election committee's members need accounts before they can act.
 */
function firstElectionRecord(first: FirstElectionStart) {
  if (!first.started) {
    return {
      started: false,
      runningCaseId: first.running.caseId,
      runningCaseNumber: first.running.number,
      notice: first.message,
    };
  }
  return {
    started: true,
    caseId: first.caseId,
    number: first.number,
    notice: {
      'zh-CN': `第一届居民委员会选举已立案（${first.number}），由乡镇（街道）办理选举准备。新设社区的选举委员会成员尚无系统账号：请乡镇（街道）在选举准备中确定选举委员会成员，并由系统管理员为其开通“选举委员会成员”账号，否则选民登记等环节无人可办理。`,
      en: `The first residents' committee election is open (${first.number}); the township sets it up. The new community's election committee has no accounts yet: the township names its members at set-up and the administrator must issue them "election committee member" accounts, or no one can act on voter registration and the later steps.`,
    },
  };
}

async function close(
  input: VillageConversionInput,
  outcome: VillageConversionResult['outcome'],
  withdrawal?: { reason: string; by: string },
  residentsCommitteeOrgId?: string,
): Promise<VillageConversionResult> {
  const status = outcome === 'approved' ? 'COMPLETED' : outcome === 'refused' ? 'REJECTED' : 'WITHDRAWN';
  // The applying village's users are told the county's decision (a withdrawal was their own act).
  const notify = outcome === 'withdrawn' ? undefined : { organizationId: input.villageOrgId, params: { outcome } };
  await procedureActivities.closeCase({
    caseId: input.caseId,
    status,
    outcome: { outcome, ...(withdrawal ? { withdrawal } : {}), ...(residentsCommitteeOrgId ? { residentsCommitteeOrgId } : {}) },
    notify,
  });
  await finishProcedure();
  return { outcome, residentsCommitteeOrgId };
}

async function stepDeadline(input: VillageConversionInput): Promise<TaskDeadline> {
  if (input.timing) {
    return {
      dueAt: new Date(Date.now() + input.timing.stepMs).toISOString(),
      remindBeforeMs: input.timing.remindBeforeMs,
      escalateAfterMs: input.timing.escalateAfterMs,
    };
  }
  // The policy sets no period for these steps; 20 working days each is this product's configurable default.
  const resolved = await procedureActivities.resolveDeadline({
    eventDate: chinaDateOf(new Date()),
    period: { amount: 20, unit: 'workdays' },
  });
  return {
    dueAt: resolved.dueAt,
    remindBeforeMs: 3 * 86_400_000,
    escalateAfterMs: 5 * 86_400_000,
    calendarWarning: resolved.calendarWarning,
  };
}

function decision(rule: RuleResult) {
  return { ruleId: rule.id, passed: rule.passed, citation: rule.citation, detail: rule.detail, values: rule.values };
}

function stepDecision(id: string, passed: boolean, citation: string, zh: string, en: string) {
  return { ruleId: id, passed, citation, detail: { 'zh-CN': zh, en }, values: {} };
}
