import type { RuleResult } from '../../domain/rules/rule';
import { procedureActivities } from './human-task';

/** Records the rule results of one step on the case (with the task that decided them, if any). */
export function recordRules(options: { caseId: string; rules: readonly RuleResult[]; taskId?: string }): Promise<void> {
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
