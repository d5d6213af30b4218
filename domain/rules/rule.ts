import type { LocalizedText } from '../errors';

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
export function publicRule(result: RuleResult, language: 'zh-CN' | 'en' = 'zh-CN') {
  return { id: result.id, passed: result.passed, citation: result.citation, detail: result.detail[language], values: result.values };
}
