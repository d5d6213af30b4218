import { z } from 'zod';
import { localizedText, type Language, type LocalizedText } from '../localized-text';

/**
 * The outcome of one statutory rule: which clause, whether it held, and the values it compared. Decisions, audit
 * rows, the API and the UI all show rules in this shape.
 */
export interface RuleResult {
  /** Rule id from the domain document, e.g. "VC-QUORUM". */
  id: string;
  passed: boolean;
  /** Source of the rule, e.g. "《村民委员会组织法》第二十二条". */
  citation: string;
  /** Readable explanation with the values, in both languages. */
  detail: LocalizedText;
  values: Record<string, string | number | boolean | null>;
  /**
   * Set when whether the rule held depends only on days the holiday calendar cannot settle yet (the 调休/补假 of a
   * year whose State Council notice is unknown): neither passed nor failed. `passed` is false then, so nothing
   * proceeds on a guess, and the outcome is shown as "undetermined", never "failed".
   */
  undetermined?: boolean;
  /** The rule set the rule was checked under (domain/rules/rule-sets.ts), e.g. "jumin-2018". */
  ruleSet?: string;
}

export type RuleOutcome = 'passed' | 'failed' | 'undetermined';

export function ruleOutcome(result: Pick<RuleResult, 'passed' | 'undetermined'>): RuleOutcome {
  if (result.undetermined) return 'undetermined';
  return result.passed ? 'passed' : 'failed';
}

/** A rule's fixed text: its id, its citation and what it requires. */
export interface RuleDefinition {
  id: string;
  citation: string;
  text: LocalizedText;
}

/** All rules hold. */
export function allPassed(results: readonly RuleResult[]): boolean {
  return results.every((r) => r.passed);
}

/** The shape public check endpoints return for each rule (detail flattened to the requested language). */
export function publicRule(result: RuleResult, language: Language = 'zh-CN') {
  return {
    id: result.id,
    passed: result.passed,
    outcome: ruleOutcome(result),
    citation: result.citation,
    detail: result.detail[language],
    values: result.values,
    ...(result.ruleSet ? { ruleSet: result.ruleSet } : {}),
  };
}

/** A value a rule compared, on the wire. */
export const ruleValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A rule result on the wire with its detail in both languages (signed-in views, RULE_FAILED details). */
export const ruleResultSchema = z.object({
  id: z.string(),
  passed: z.boolean(),
  citation: z.string(),
  detail: localizedText,
  values: z.record(z.string(), ruleValue),
}) satisfies z.ZodType<RuleResult>;

/** A rule result on a public check endpoint: its detail in the requested language (`publicRule`, `?lang=`). */
export const publicRuleSchema = z.object({
  id: z.string(),
  passed: z.boolean(),
  citation: z.string(),
  detail: z.string(),
  values: z.record(z.string(), ruleValue),
});
