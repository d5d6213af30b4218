import type { RuleLine } from '../../components/RuleResults';
import type { Language } from '../../i18n';
import { EL_RULES, type ElectionRuleId } from '../../../../domain/rules/election';
import type { RuleResult } from '../../../../domain/rules/rule';

/** An EL rule as the UI lists it: evaluated (with its detail and values) or, while the form is incomplete, pending. */
export function ruleLine(id: ElectionRuleId, result: RuleResult | undefined, language: Language): RuleLine {
  const rule = EL_RULES[id];
  return {
    id: rule.id,
    citation: rule.citation,
    requirement: rule.text[language],
    passed: result?.passed,
    undetermined: result?.undetermined,
    detail: result?.detail[language],
    values: result?.values,
  };
}

/** Rule results (details in both languages) as lines in the reader's language. */
export function ruleLines(results: RuleResult[], language: Language): RuleLine[] {
  return results.map((r) => ({
    id: r.id,
    passed: r.passed,
    undetermined: r.undetermined,
    citation: r.citation,
    detail: r.detail[language],
    values: r.values,
  }));
}
