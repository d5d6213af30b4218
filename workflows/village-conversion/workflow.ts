import { ApplicationFailure, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { lawForCommunity } from '../../domain/rules/election-law';
import type { RuleResult } from '../../domain/rules/rule';
import { evaluateConversion } from '../../domain/rules/village-conversion';
import {
  finishProcedure,
  humanStep,
  installTaskHandlers,
  isStepLeft,
  procedureActivities,
  stepLink,
  type HumanTaskOutcome,
  type StepLeft,
  type StepLink,
  type TaskDeadline,
  declared,
} from '../lib/human-task';
import { deadlineFromToday } from '../lib/deadlines';
import { legacyTiming, shortenedDeadline } from '../lib/legacy-timing';
import { recordStepDecisions } from '../lib/rule-decisions';
import { tracked } from '../lib/tracking';
import { VILLAGE_CONVERSION } from '../../domain/procedures';
import type { FirstElectionStart } from '../../activities/village-conversion';
import {
  ConversionFailure,
  withdrawConversionUpdate,
  type VillageConversionInput,
  type VillageConversionResult,
  type WithdrawRequest,
} from './messages';

const { prepare, townshipReview, civilAffairsReview, countyDecision } = VILLAGE_CONVERSION.tasks;

/**
 * 村改居 (鲁办发〔2012〕22号 二(五)1; 村组法 Arts. 3, 21, 22): the village committee prepares the application with the
 * four conditions and the villagers' assembly record; the township government or sub-district office proposes; the
 * county civil-affairs bureau reviews; the county government approves or refuses. Any review may send the file back
 * (退回) to an earlier step the declaration allows (VC-RETURN), and whoever completed a step may take it back (取回)
 * while the next step's task is untouched; the village may withdraw until the township has proposed.
 */
export async function villageConversionProcedure(input: VillageConversionInput): Promise<VillageConversionResult> {
  installTaskHandlers();
  const conversion = new VillageConversion(input);
  conversion.acceptWithdrawal();

  let at: StepEntry = { kind: prepare.kind };
  let application: Prepared | undefined;
  for (;;) {
    if (at.kind === prepare.kind) {
      const prepared = await conversion.villagePrepares(at);
      if (prepared === null) break;
      if (isStepLeft(prepared)) at = conversion.goBack(prepared);
      else [application, at] = [prepared, { kind: townshipReview.kind, after: stepLink(prepare.kind, prepared) }];
    } else if (at.kind === townshipReview.kind) {
      const proposal = await conversion.townshipProposes(at);
      if (proposal === 'withdrawn') break;
      if (proposal === 'returned') at = { kind: prepare.kind };
      else if (isStepLeft(proposal)) at = conversion.goBack(proposal);
      else at = { kind: civilAffairsReview.kind, after: stepLink(townshipReview.kind, proposal) };
    } else if (at.kind === civilAffairsReview.kind) {
      const review = await conversion.civilAffairsReviews(at);
      if (review === 'returned') at = { kind: prepare.kind };
      else if (isStepLeft(review)) at = conversion.goBack(review);
      else at = { kind: countyDecision.kind, after: stepLink(civilAffairsReview.kind, review) };
    } else {
      const decided = await conversion.countyDecides(at);
      if (decided === 'returned') at = { kind: townshipReview.kind };
      else if (isStepLeft(decided)) at = conversion.goBack(decided);
      else if (decided === 'refused') return conversion.close({ outcome: 'refused' });
      else {
        const residentsCommitteeOrgId = await conversion.setUpResidentsCommittee({ application: application!, decided });
        return conversion.close({ outcome: 'approved', residentsCommitteeOrgId });
      }
    }
  }
  return conversion.close({ outcome: 'withdrawn' });
}

/**
 * Issuing the 批复 renders and signs a PDF while it holds the county's numbering row (concurrent decisions of one
 * county queue there): more time than the 15 s of a plain write. Tracked like every other call: deferred writes first.
 */
const documents = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});
const issueConversionDecision = tracked(documents.issueConversionDecision);

type Prepared = HumanTaskOutcome<'vc.prepare'>;
type CountyDecision = HumanTaskOutcome<'vc.county-decision'>;

/** Where the file goes next: a step (task kind), after which completion (取回), and why it is there again. */
interface StepEntry {
  kind: string;
  /** The completion the step follows: its author may take it back while this step's task is untouched. */
  after?: StepLink;
  /** The official the step reopens for (its author took the completion back). */
  reopenFor?: string;
  /** Shown on the task: the file was returned here (退回) or taken back (取回). */
  context?: Record<string, unknown>;
}

class VillageConversion {
  /** The township has proposed: the village can no longer withdraw (until a review sends the file back). */
  private proposed = false;
  private withdrawal: { reason: string; by: string } | undefined;
  /** The county's returns, each with its opinion, kept on the case record (Case.data.countyReturns). */
  private readonly countyReturns: { opinion: string; by: string; at: string; taskId: string }[] = [];

  /** The `timing` of an execution started before it left the input (workflows/lib/legacy-timing.ts). */
  private readonly legacy: LegacyStepTiming | undefined;

  constructor(private readonly input: VillageConversionInput) {
    this.legacy = legacyTiming<LegacyStepTiming>(input);
  }

  private get caseId(): string {
    return this.input.caseId;
  }

  /**
   * The step a 退回 or 取回 sends the file to. Back at the village or the township, the township has not proposed (the
   * village may withdraw again). A step taken back reopens for the official who took it back.
   */
  goBack(left: StepLeft): StepEntry {
    const kind = left.left === 'returned' ? left.toStep : left.previous.kind;
    if (kind === prepare.kind || kind === townshipReview.kind) this.proposed = false;
    if (left.left === 'returned') {
      return {
        kind,
        context: { returned: { from: left.fromStep, reason: left.reason, by: left.actor.displayName } },
      };
    }
    return {
      kind,
      reopenFor: left.actor.userId,
      context: { takenBack: { taskId: left.previous.taskId, by: left.actor.displayName } },
    };
  }

  /** What `humanStep` needs of an entry: returns as declared, the completion it follows, whom it reopens for. */
  private flow(at: StepEntry) {
    return {
      returns: VILLAGE_CONVERSION,
      ...(at.after ? { after: at.after } : {}),
      ...(at.reopenFor ? { assigneeId: at.reopenFor } : {}),
      ...(at.context ? { context: at.context } : {}),
    };
  }

  private readonly withdrawn = () => this.withdrawal !== undefined;

  /** The village may withdraw its application until the township has proposed the conversion. */
  acceptWithdrawal(): void {
    setHandler(
      withdrawConversionUpdate,
      (request) => {
        this.withdrawal = { reason: request.reason, by: request.actor.userId };
        return { withdrawn: true as const };
      },
      {
        validator: (_request: WithdrawRequest) => {
          if (this.proposed) {
            throw ApplicationFailure.create({
              type: ConversionFailure.WITHDRAW_NOT_ALLOWED,
              message: 'The township has already proposed the conversion',
              nonRetryable: true,
            });
          }
        },
      },
    );
  }

  /** 1. The village committee prepares the application; VC-C1…C4, VC-NOTICE, VC-QUORUM, VC-MAJORITY block the step. */
  async villagePrepares(at: StepEntry): Promise<Prepared | StepLeft | null> {
    const prepared = await humanStep(
      {
        caseId: this.caseId,
        ...declared(VILLAGE_CONVERSION.tasks.prepare),
        candidateOrgId: this.input.villageOrgId,
        deadline: await stepDeadline(this.legacy),
        check: (payload) => evaluateConversion(payload.application),
        ...this.flow(at),
      },
      this.withdrawn,
      'withdrawn',
    );
    if (!prepared || isStepLeft(prepared)) return prepared;
    await this.recordRules(evaluateConversion(prepared.payload.application), prepared.taskId);
    await procedureActivities.mergeCaseData({ caseId: this.caseId, data: { application: prepared.payload } });
    return prepared;
  }

  /** 2. VC-PROPOSE: the township government or sub-district office proposes, or returns the file to the village. */
  async townshipProposes(at: StepEntry): Promise<HumanTaskOutcome<'vc.township-review'> | StepLeft | 'returned' | 'withdrawn'> {
    const review = await humanStep(
      {
        caseId: this.caseId,
        ...declared(VILLAGE_CONVERSION.tasks.townshipReview),
        candidateOrgId: this.input.townshipOrgId,
        deadline: await stepDeadline(this.legacy),
        ...this.flow(at),
      },
      this.withdrawn,
      'withdrawn',
    );
    if (!review) return 'withdrawn';
    if (isStepLeft(review)) return review;
    if (review.payload.decision === 'return') return 'returned';
    this.proposed = true;
    await this.recordRules(
      [
        stepDecision({
          id: 'VC-PROPOSE',
          passed: true,
          citation: '《村民委员会组织法》第三条；鲁办发〔2012〕22号 二(五)1',
          detail: { 'zh-CN': '乡镇人民政府（街道办事处）提出', en: 'Proposed by the township government / sub-district office' },
        }),
      ],
      review.taskId,
    );
    return review;
  }

  /** 3. The county civil-affairs bureau reviews: forwards the file to the county, or returns it to the village. */
  async civilAffairsReviews(at: StepEntry): Promise<HumanTaskOutcome<'vc.civil-affairs-review'> | StepLeft | 'returned'> {
    const civil = await humanStep({
      caseId: this.caseId,
      ...declared(VILLAGE_CONVERSION.tasks.civilAffairsReview),
      candidateOrgId: this.input.civilAffairsOrgId,
      deadline: await stepDeadline(this.legacy),
      ...this.flow(at),
    });
    // Without `until` a step ends only by a completion, a return or a take-back (never null).
    if (!civil || isStepLeft(civil)) return civil!;
    if (civil.payload.decision !== 'return') return civil;
    this.proposed = false;
    return 'returned';
  }

  /**
   * 4. VC-APPROVE: the county-level government approves or refuses with a written decision (批复), or returns the file
   * to the township for more evidence (domain: any step may send the file back), with its opinion.
   */
  async countyDecides(at: StepEntry): Promise<CountyDecision | StepLeft | 'returned' | 'refused'> {
    const decided = await humanStep({
      caseId: this.caseId,
      ...declared(VILLAGE_CONVERSION.tasks.countyDecision),
      candidateOrgId: this.input.countyOrgId,
      deadline: await stepDeadline(this.legacy),
      ...this.flow(at),
    });
    // Without `until` a step ends only by a completion, a return or a take-back (never null).
    if (!decided || isStepLeft(decided)) return decided!;
    if (decided.payload.decision === 'return') {
      this.proposed = false;
      this.countyReturns.push({
        opinion: decided.payload.opinion ?? '',
        by: decided.actor.displayName,
        at: new Date().toISOString(),
        taskId: decided.taskId,
      });
      await procedureActivities.mergeCaseData({ caseId: this.caseId, data: { countyReturns: this.countyReturns } });
      return 'returned';
    }
    const approved = decided.payload.decision === 'approve';
    await this.recordRules(
      [
        stepDecision({
          id: 'VC-APPROVE',
          passed: approved,
          citation: '《村民委员会组织法》第三条；《山东省实施〈村民委员会组织法〉办法》第三条',
          detail: approved
            ? { 'zh-CN': '县级人民政府批准', en: 'Approved by the county government' }
            : { 'zh-CN': '县级人民政府不予批准', en: 'Refused by the county government' },
        }),
      ],
      decided.taskId,
    );
    await procedureActivities.mergeCaseData({
      caseId: this.caseId,
      data: { decision: { ...decided.payload, decidedBy: decided.actor.displayName, decidedAt: new Date().toISOString() } },
    });
    // The 批复 as a numbered, signed 公文 (issue 21). Executions decided before it issued none.
    if (patched('vc-issued-decision'))
      await issueConversionDecision({ caseId: this.caseId, countyOrgId: this.input.countyOrgId });
    return approved ? decided : 'refused';
  }

  /** 5. The new residents' committee is set up; its first election follows the law EL-LAW selects. */
  async setUpResidentsCommittee(options: { application: Prepared; decided: CountyDecision }): Promise<string> {
    const { caseId, input } = this;
    const { application, decided } = options;
    const committee = decided.payload.newCommittee!;
    const residentsCommitteeOrgId = await procedureActivities.createResidentsCommittee({
      caseId,
      villageOrgId: input.villageOrgId,
      townshipOrgId: input.townshipOrgId,
      ...committee,
    });
    const law = lawForCommunity({ restructuringComplete: application.payload.application.assetRestructuringComplete });
    await this.recordRules([law], decided.taskId);
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
    return residentsCommitteeOrgId;
  }

  /** The case closes with its outcome; the applying village is told the county's decision. */
  async close(options: {
    outcome: VillageConversionResult['outcome'];
    residentsCommitteeOrgId?: string;
  }): Promise<VillageConversionResult> {
    const { outcome, residentsCommitteeOrgId } = options;
    const withdrawal = outcome === 'withdrawn' ? this.withdrawal : undefined;
    const status = outcome === 'approved' ? 'COMPLETED' : outcome === 'refused' ? 'REJECTED' : 'WITHDRAWN';
    // The applying village's users are told the county's decision (a withdrawal was their own act).
    const notify = outcome === 'withdrawn' ? undefined : { organizationId: this.input.villageOrgId, params: { outcome } };
    await procedureActivities.closeCase({
      caseId: this.caseId,
      status,
      outcome: {
        outcome,
        ...(withdrawal ? { withdrawal } : {}),
        ...(residentsCommitteeOrgId ? { residentsCommitteeOrgId } : {}),
      },
      notify,
    });
    await finishProcedure();
    return { outcome, residentsCommitteeOrgId };
  }

  private recordRules(rules: RuleResult[], taskId: string): Promise<void> {
    return recordStepDecisions({ caseId: this.caseId, rules, taskId });
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

type LegacyStepTiming = { stepMs: number; remindBeforeMs: number; escalateAfterMs: number };

/** Each step's deadline: 20 working days (or an old execution's timing), a reminder 3 days before, escalation 5 days after. */
async function stepDeadline(legacy: LegacyStepTiming | undefined): Promise<TaskDeadline> {
  if (legacy) {
    const { stepMs, ...clock } = legacy;
    return shortenedDeadline({ dueInMs: stepMs, ...clock });
  }
  // The policy sets no period for these steps; 20 working days each is this product's configurable default.
  return deadlineFromToday({
    period: { amount: 20, unit: 'workdays' },
    remindBeforeMs: 3 * 86_400_000,
    escalateAfterMs: 5 * 86_400_000,
  });
}

/** A decision the step itself is (a proposal, an approval): no values compared. */
function stepDecision(decision: Pick<RuleResult, 'id' | 'passed' | 'citation' | 'detail'>): RuleResult {
  return { ...decision, values: {} };
}
