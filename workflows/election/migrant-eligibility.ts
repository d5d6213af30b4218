import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { approvalRule, evaluateEligibility, EL_RULES } from '../../domain/rules/election';
import type { RuleResult } from '../../domain/rules/rule';
import {
  finishProcedure,
  humanTask,
  installTaskHandlers,
  procedureActivities as act,
  untilSettled,
  waitFor,
  declared,
} from '../lib/human-task';
import { MIGRANT_ELIGIBILITY } from '../../domain/procedures';
import { ElectionFailure, supplyEvidenceUpdate, type MigrantEligibilityInput, type MigrantEligibilityResult } from './messages';

/** How long an applicant has to supply evidence the committee asked for. */
const EVIDENCE_WINDOW_MS = 5 * 86_400_000;

/**
 * 流动人口选民资格审查 (鲁办发〔2012〕22号 二(五)3), a workflow of its own beside the election (executions before
 * the election's 'independent-applications' patch were its children): the migrant applied themself through the
 * self-service form (EL-SELF); the rules pre-check automatically (EL-AGE, EL-RIGHTS, EL-HOME, EL-RESIDENCE, EL-SELF,
 * EL-SINGLE by declaration and by ID number); the election committee approves or refuses with a reason, or asks for
 * more evidence, after which the pre-check runs again (EL-APPROVAL). Approval puts the applicant on the voter list.
 */
export async function migrantEligibilityProcedure(input: MigrantEligibilityInput): Promise<MigrantEligibilityResult> {
  installTaskHandlers();
  const caseId = input.applicationId;
  let round = 0;
  let awaitingEvidence = false;
  let evidenceSupplied = false;
  setHandler(
    supplyEvidenceUpdate,
    async () => {
      const next = round + 1;
      evidenceSupplied = true;
      // Answer once the new pre-check ran and the committee's next task is open.
      await condition(() => round >= next);
      await untilSettled();
      return { accepted: true as const };
    },
    {
      validator: () => {
        if (!awaitingEvidence)
          throw ApplicationFailure.create({
            type: ElectionFailure.WRONG_PHASE,
            message: 'No evidence was requested',
            nonRetryable: true,
          });
      },
    },
  );

  let evidenceTimedOut = false;
  for (;;) {
    round += 1;
    const facts = await act.loadApplicationFacts({ applicationId: input.applicationId, electionDate: input.electionDate });
    const precheck = evaluateEligibility(facts, { residenceMonths: input.residenceMonths });
    await act.recordPrecheck({ applicationId: input.applicationId, round, rules: precheck });

    const decided = await humanTask({
      caseId,
      ...declared(MIGRANT_ELIGIBILITY.tasks.decision),
      candidateOrgId: input.committeeOrgId,
      context: {
        applicationId: input.applicationId,
        number: input.number,
        electionId: input.electionId,
        law: input.law,
        round,
        precheck,
        evidenceNotSupplied: evidenceTimedOut,
      },
      // Approval needs every pre-check rule to hold; refusing or asking for evidence is always possible.
      check: (payload) => (payload.decision === 'approve' ? precheck : []),
    });
    const { decision, reason } = decided.payload;

    if (decision === 'request-evidence') {
      await act.requestEvidence({
        applicationId: input.applicationId,
        taskId: decided.taskId,
        reason,
        requestedEvidence: decided.payload.requestedEvidence ?? reason,
      });
      awaitingEvidence = true;
      evidenceSupplied = false;
      const supplied = await waitFor(() => evidenceSupplied, EVIDENCE_WINDOW_MS);
      awaitingEvidence = false;
      // Without new evidence in time the committee decides on what it has (the next task says so).
      evidenceTimedOut = !supplied;
      continue;
    }

    const rules = [approvalRule(decision, input.law, reason)];
    const { registered } = await act.decideApplication({
      applicationId: input.applicationId,
      taskId: decided.taskId,
      decision,
      reason,
      actor: decided.actor,
      rules,
    });
    let outcome: MigrantEligibilityResult['outcome'] = decision === 'approve' ? 'approved' : 'refused';
    if (decision === 'approve' && !registered) {
      // Registered on another running list meanwhile (EL-SINGLE, enforced by the database): refused.
      outcome = 'refused';
      const single: RuleResult = {
        id: EL_RULES['EL-SINGLE'].id,
        passed: false,
        citation: EL_RULES['EL-SINGLE'].citation,
        detail: {
          'zh-CN': '批准时发现该身份证号码已在其他选民名单上登记',
          en: 'On approval the ID number was found registered on another voter list',
        },
        values: { registrationsFound: 1 },
      };
      await act.decideApplication({
        applicationId: input.applicationId,
        taskId: decided.taskId,
        decision: 'refuse',
        reason: single.detail['zh-CN'],
        actor: decided.actor,
        rules: [single],
      });
    }
    await act.closeCase({
      caseId,
      status: outcome === 'approved' ? 'COMPLETED' : 'REJECTED',
      outcome: { outcome, reason, decidedBy: decided.actor.displayName },
    });
    await finishProcedure();
    return { applicationId: input.applicationId, outcome };
  }
}
