import type { LocalizedText } from '../localized-text';
import type { PolicyRuleSet, Procedure, ReturnRule, TaskDeclaration } from './procedure';

/** 村改居 (domain §1): the village prepares, the township proposes, civil affairs reviews, the county decides. */

const VILLAGE_CONVERSION_TASKS = {
  /** VC-C1 … VC-C4 with evidence, and the villagers' assembly (VC-NOTICE, VC-QUORUM, VC-MAJORITY). */
  prepare: { kind: 'vc.prepare', form: 'vc.prepare', role: 'VILLAGE_COMMITTEE_OFFICIAL' },
  /** VC-PROPOSE. */
  townshipReview: { kind: 'vc.township-review', form: 'vc.township-review', role: 'TOWNSHIP_OFFICIAL' },
  civilAffairsReview: {
    kind: 'vc.civil-affairs-review',
    form: 'vc.civil-affairs-review',
    role: 'COUNTY_CIVIL_AFFAIRS_REVIEWER',
  },
  /** VC-APPROVE. */
  countyDecision: { kind: 'vc.county-decision', form: 'vc.county-decision', role: 'COUNTY_APPROVER' },
} as const satisfies Record<string, TaskDeclaration>;

const { prepare, townshipReview, civilAffairsReview, countyDecision } = VILLAGE_CONVERSION_TASKS;

/**
 * VC-RETURN (domain §1: "any step may send the file back for more evidence; each return … is recorded with reasons"):
 * the township may return the application to the village committee; the civil-affairs bureau to the village or the
 * township; the county to the village (materials incomplete), the township (its proposal) or the bureau (its review).
 */
const VC_RETURNS = {
  ruleId: 'VC-RETURN',
  citation: '鲁办发〔2012〕22号 二(五)1；《村民委员会组织法》第三条',
  allowed: {
    [townshipReview.kind]: [prepare.kind],
    [civilAffairsReview.kind]: [prepare.kind, townshipReview.kind],
    [countyDecision.kind]: [prepare.kind, townshipReview.kind, civilAffairsReview.kind],
  },
} as const satisfies ReturnRule;

/** The rule set a case keeps for its whole life (stored as the case's ruleSetVersion). */
const VC_RULE_SET = {
  id: 'vc-2012-22',
  name: {
    'zh-CN': '村改居规则（鲁办发〔2012〕22号 二(五)1；《村民委员会组织法》）',
    en: 'Village conversion rules (Lu Ban Fa [2012] No. 22, 2(5)1; Villagers’ Committee law)',
  },
} as const satisfies PolicyRuleSet;

export const VILLAGE_CONVERSION = {
  code: 'VCC',
  workflowType: 'villageConversionProcedure',
  name: { 'zh-CN': '村民委员会改设社区居民委员会（村改居）', en: 'Village-to-community conversion' } satisfies LocalizedText,
  steps: [
    { key: VILLAGE_CONVERSION_TASKS.prepare.kind, name: { 'zh-CN': '村委会准备申请', en: 'Village prepares' } },
    { key: VILLAGE_CONVERSION_TASKS.townshipReview.kind, name: { 'zh-CN': '乡镇（街道）审查提出', en: 'Township proposes' } },
    { key: VILLAGE_CONVERSION_TASKS.civilAffairsReview.kind, name: { 'zh-CN': '县民政局审核', en: 'Civil-affairs review' } },
    { key: VILLAGE_CONVERSION_TASKS.countyDecision.kind, name: { 'zh-CN': '县级政府批准', en: 'County decision' } },
    { key: 'closed', name: { 'zh-CN': '办结', en: 'Closed' } },
  ],
  tasks: VILLAGE_CONVERSION_TASKS,
  returns: VC_RETURNS,
  ruleSets: [VC_RULE_SET],
  ruleSetOn: () => VC_RULE_SET.id,
} as const satisfies Procedure;
