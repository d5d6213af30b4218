import type { RuleResult } from '../../domain/rules/rule';
import { procedureActivities } from './human-task';

/**
 * From a workflow: records the rule results of one of its steps as rule decisions on the case (with the task that
 * decided them, if any), through the batchable `recordRuleDecisions` activity (written by `writeRuleDecisions`).
 */
export function recordStepDecisions(options: { caseId: string; rules: readonly RuleResult[]; taskId?: string }): Promise<void> {
  return procedureActivities.recordRuleDecisions({
    caseId: options.caseId,
    taskId: options.taskId,
    decisions: options.rules.map((r) => ({
      ruleId: r.id,
      passed: r.passed,
      citation: r.citation,
      detail: r.detail,
      values: { ...r.values },
    })),
  });
}
