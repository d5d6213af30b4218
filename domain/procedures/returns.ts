import type { LocalizedText } from '../localized-text';
import type { RuleResult } from '../rules/rule';
import type { Procedure, ProcedureStep } from './procedure';

/** The earlier steps a task of `kind` may send the file back to (退回), in the procedure's order; none if not declared. */
export function returnTargets(procedure: Pick<Procedure, 'returns' | 'steps'>, kind: string): readonly ProcedureStep[] {
  const allowed: readonly string[] = procedure.returns?.allowed[kind] ?? [];
  return procedure.steps.filter((s) => allowed.includes(s.key));
}

/** The name of a step (task kind) as its procedure declares it, else the kind itself. */
function stepName(procedure: Pick<Procedure, 'steps'>, kind: string): LocalizedText {
  return procedure.steps.find((s) => s.key === kind)?.name ?? { 'zh-CN': kind, en: kind };
}

/**
 * A return as the rule decision it is: the procedure's return rule (e.g. VC-RETURN) with its clause, the step it left,
 * the step it went back to and the reason given. Null when the procedure does not allow that return.
 */
export function returnDecision(
  procedure: Pick<Procedure, 'returns' | 'steps'>,
  options: { from: string; to: string; reason: string },
): RuleResult | null {
  const rule = procedure.returns;
  if (!rule || !returnTargets(procedure, options.from).some((s) => s.key === options.to)) return null;
  const from = stepName(procedure, options.from);
  const to = stepName(procedure, options.to);
  return {
    id: rule.ruleId,
    passed: true,
    citation: rule.citation,
    detail: {
      'zh-CN': `“${from['zh-CN']}”环节退回至“${to['zh-CN']}”环节：${options.reason}`,
      en: `The step “${from.en}” returned the file to “${to.en}”: ${options.reason}`,
    },
    values: { from: options.from, to: options.to, reason: options.reason },
  };
}
