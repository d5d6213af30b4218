import { findRuleSet } from '../rules/rule-sets';
import type { LocalizedText } from '../localized-text';
import { ELECTION, ELECTION_OBJECTION, MIGRANT_ELIGIBILITY } from './election';
import { OWNERS_MEETING } from './owners-meeting';
import { SERVICE_ADMISSION, SERVICE_ADMISSION_REPORT } from './service-admission';
import { SMOKE } from './smoke';
import { VILLAGE_CONVERSION } from './village-conversion';
import { RECTIFICATION } from './rectification';
import type { Procedure } from './procedure';

export type { PolicyRuleSet, Procedure, ProcedureStep, ReturnRule, TaskDeclaration } from './procedure';
export { returnDecision, returnTargets } from './returns';
export { ELECTION, ELECTION_OBJECTION, MIGRANT_ELIGIBILITY } from './election';
export { OWNERS_MEETING } from './owners-meeting';
export { SERVICE_ADMISSION, SERVICE_ADMISSION_APPLICANT_ROLES, SERVICE_ADMISSION_REPORT } from './service-admission';
export { SMOKE } from './smoke';
export { VILLAGE_CONVERSION } from './village-conversion';
export { RECTIFICATION } from './rectification';

/** The procedures this product runs, by id (the `procedure` stored on each case): one module each, beside this file. */
export const PROCEDURES = {
  election: ELECTION,
  'migrant-eligibility': MIGRANT_ELIGIBILITY,
  'election-objection': ELECTION_OBJECTION,
  'owners-meeting': OWNERS_MEETING,
  smoke: SMOKE,
  'service-admission': SERVICE_ADMISSION,
  'service-admission-report': SERVICE_ADMISSION_REPORT,
  'village-conversion': VILLAGE_CONVERSION,
  rectification: RECTIFICATION,
} as const satisfies Record<string, Procedure>;

export type ProcedureId = keyof typeof PROCEDURES;

export function isProcedureId(value: string): value is ProcedureId {
  return Object.prototype.hasOwnProperty.call(PROCEDURES, value);
}

/** A readable name of any case's rule set: a committee-law set (or alias), a procedure's own set, else the id itself. */
export function ruleSetName(id: string): LocalizedText {
  const policy = Object.values(PROCEDURES as Record<string, Procedure>)
    .flatMap((p) => p.ruleSets)
    .find((s) => s.id === id);
  return findRuleSet(id)?.name ?? policy?.name ?? { 'zh-CN': id, en: id };
}
