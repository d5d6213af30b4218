import type { CaseRecord } from '../../api/cases';
import { vcPrepareForm, type VcPrepareForm } from '../../../../domain/forms/village-conversion';
import { VC_RULES } from '../../../../domain/rules/village-conversion';

/** The village's submitted application (case.data.application), read with the form's own schema. */
export function submittedApplication(record: CaseRecord): VcPrepareForm | undefined {
  const parsed = vcPrepareForm.safeParse(record.case.data.application);
  return parsed.success ? parsed.data : undefined;
}

/** The four conditions of 鲁办发〔2012〕22号 二(五)1, each with its evidence key. */
export const CONDITION_IDS = ['VC-C1', 'VC-C2', 'VC-C3', 'VC-C4'] as const;
export type ConditionId = (typeof CONDITION_IDS)[number];
export type EvidenceKey = keyof VcPrepareForm['evidence'];
export const EVIDENCE_KEYS: EvidenceKey[] = [...CONDITION_IDS, 'assembly'];

export { VC_RULES };

/** The latest recorded decision of a rule on the case, if any. */
export function latestDecision(record: CaseRecord, ruleId: string) {
  return [...record.ruleDecisions].reverse().find((d) => d.ruleId === ruleId);
}
