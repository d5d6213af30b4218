import type { Db, DbTx } from '../runtime/db';
import type { Prisma } from '../prisma/generated/client';
import type { LocalizedText } from '../domain/localized-text';
import type { RuleResult } from '../domain/rules/rule';
import { recordedUnder } from '../domain/rules/rule-sets';

/** A rule result as a procedure records it on its case: the domain's RuleResult (its `ruleSet` is the case's). */
export type RecordedRule = Pick<RuleResult, 'id' | 'passed' | 'citation' | 'values' | 'undetermined'> & {
  /** Both languages. A plain string comes only from an activity scheduled by a workflow before rule details were
   * stored in both languages (its English was never written): it is kept for both, as the migration did. */
  detail: LocalizedText | string;
};

/** A detail in the one stored shape {zh-CN, en}. */
function bothLanguages(detail: LocalizedText | string): LocalizedText {
  return typeof detail === 'string' ? { 'zh-CN': detail, en: detail } : { 'zh-CN': detail['zh-CN'], en: detail.en };
}

/**
 * The one writer of rule decisions, for every procedure: each decision names the rule set of its case (the one in force
 * when the procedure started), cites under it, and stores its detail as jsonb {zh-CN, en}, so every reader gets their
 * language. Runs in the caller's transaction when given one.
 */
export async function writeRuleDecisions(
  db: Db | DbTx,
  input: { caseId: string; taskId?: string; rules: readonly RecordedRule[] },
): Promise<void> {
  if (input.rules.length === 0) return;
  const { ruleSetVersion } = await db.case.findUniqueOrThrow({
    where: { id: input.caseId },
    select: { ruleSetVersion: true },
  });
  const under = recordedUnder(ruleSetVersion);
  await db.ruleDecision.createMany({
    data: input.rules
      .map((r) => under({ ...r, ruleId: r.id, detail: bothLanguages(r.detail) }))
      .map((r) => ({
        caseId: input.caseId,
        taskId: input.taskId,
        ruleId: r.ruleId,
        passed: r.passed,
        citation: r.citation,
        detail: r.detail as unknown as Prisma.InputJsonValue,
        values: r.values,
        ruleSet: r.ruleSet,
        undetermined: r.undetermined ?? false,
      })),
  });
}
