import { z } from 'zod';
import type { LocalizedText } from '../errors';
import { bilingualIssue } from '../validation';
import { parseFixedDecimal } from './fraction';
import type { RuleDefinition, RuleResult } from './rule';

/**
 * 社区工作事项准入 (鲁办发〔2012〕22号 三(一), 二(三)2): pure rules shared by the workflow, the API and the UI.
 * Classification decides the outcome: an item within the government's own duties cannot be shifted onto the
 * community (refused); an item the community assists with needs funds and working conditions; an entrusted item
 * needs the authority transferred and the funds paid by the entrusting department ("权随责走、费随事转") — not
 * working conditions, which belong to assisted items.
 * Money is compared exactly in fen (hundredths), never in floating point.
 */
export const SA_RULES = {
  'SA-GATE': {
    id: 'SA-GATE',
    citation: '《城市居民委员会组织法》（2018年修正）第二十条；鲁办发〔2012〕22号 三(一)',
    text: {
      'zh-CN':
        '政府有关部门需要居民委员会协助进行的工作，应当经县级人民政府或者街道办事处同意并统一安排；未经准入的事项不得进入社区',
      en: 'Work a department needs the residents’ committee to assist with requires the consent and central arrangement of the county-level government or sub-district office; nothing reaches a community without admission',
    },
  },
  'SA-OWN-DUTY': {
    id: 'SA-OWN-DUTY',
    citation: '鲁办发〔2012〕22号 三(一)',
    text: {
      'zh-CN': '凡属于基层人民政府及其职能部门、街道办事处职责范围内的事项，不得转嫁给社区居民委员会',
      en: 'Items within the duties of the basic-level government, its departments or the sub-district office may not be shifted onto the residents’ committee',
    },
  },
  'SA-ASSIST': {
    id: 'SA-ASSIST',
    citation: '鲁办发〔2012〕22号 二(三)2；《城市居民委员会组织法》（2018年修正）第二十条',
    text: {
      'zh-CN': '凡依法应由社区居民委员会协助的事项，应当为其提供必要的经费和工作条件',
      en: 'Where the law requires the residents’ committee to assist, the necessary funds and working conditions must be provided',
    },
  },
  'SA-ENTRUST': {
    id: 'SA-ENTRUST',
    citation: '鲁办发〔2012〕22号 二(三)2（权随责走、费随事转）；《村民委员会组织法》第三十七条',
    text: {
      'zh-CN': '委托社区办理的事项，权随责走、费随事转：须移交相应权限，写明经费数额和承担方（委托部门承担经费）',
      en: 'Entrusted items: authority follows the duty and money follows the task — the authority is transferred, the amount and the payer (the entrusting department) are named',
    },
  },
  'SA-DECIDE': {
    id: 'SA-DECIDE',
    citation: '《城市居民委员会组织法》（2018年修正）第二十条；鲁办发〔2012〕22号 三(一)',
    text: {
      'zh-CN': '民政部门审核，县级人民政府（社区建设领导小组）决定准入',
      en: 'Reviewed by the civil-affairs bureau; admission decided by the county-level government (its community-building leading group)',
    },
  },
  'SA-LIST': {
    id: 'SA-LIST',
    citation: '民发〔2015〕136号',
    text: {
      'zh-CN': '准入事项清单（含经费、期限、依据）向社会公开，按设区的市汇总',
      en: 'The list of admitted items, with funding, period and legal basis, is public, per city',
    },
  },
  'SA-REPORT': {
    id: 'SA-REPORT',
    citation: '鲁办发〔2012〕22号 三(一)；民发〔2015〕136号',
    text: {
      'zh-CN': '社区可以报告未经准入摊派的事项，县级人民政府应当答复',
      en: 'A community may report an item pushed onto it without admission; the county-level government must answer',
    },
  },
} as const satisfies Record<string, RuleDefinition>;

export type SaRuleId = keyof typeof SA_RULES;

export const SA_CLASSIFICATIONS = ['own-duty', 'assist', 'entrusted'] as const;
export type SaClassification = (typeof SA_CLASSIFICATIONS)[number];

export const SA_CLASSIFICATION_NAMES: Record<SaClassification, LocalizedText> = {
  'own-duty': { 'zh-CN': '政府（部门、街道）自身职责', en: 'Own duty of the government' },
  assist: { 'zh-CN': '依法协助', en: 'Assistance required by law' },
  entrusted: { 'zh-CN': '委托办理', en: 'Entrusted' },
};

/**
 * Policy settings of the procedure. The source sets no number of days for these steps: they are defaults an
 * administrator may change (*unverified* against local rules), kept in one place.
 */
export const SA_SETTINGS = {
  /** The county answers a community's report within this period (counted by the statutory clock). */
  reportAnswerPeriod: { amount: 15, unit: 'workdays' as const },
  /** Reminder before the report answer is due. */
  reportRemindBeforeMs: 2 * 24 * 3_600_000,
  /** Grace after the due date before the answer is escalated to the city (red warning). */
  reportEscalateAfterMs: 24 * 3_600_000,
  /** Review of an admitted item re-opens this long before its admission period ends. */
  reReviewLeadMs: 30 * 24 * 3_600_000,
  /** Reminder to the department before the period ends when it has not answered the re-review. */
  renewalRemindBeforeMs: 7 * 24 * 3_600_000,
} as const;

/** A money amount in yuan with at most two decimals (fen), non-negative. */
export const yuan = z
  .number()
  .min(0)
  .max(100_000_000_000)
  .refine((v) => parseFixedDecimal(Math.abs(v)) !== null, {
    message: 'At most two decimal places (fen)',
    params: { zh: '金额最多保留两位小数（分）', code: 'invalid_amount' },
  });

/** What the admission rules look at: the public check endpoint's body, and a part of every application. */
export const admissionFacts = z
  .object({
    classification: z.enum(SA_CLASSIFICATIONS),
    fundingAmount: yuan.nullable(),
    fundingPayer: z.string().max(200).nullable(),
    authorityTransferred: z.boolean(),
    workingConditions: z.string().max(2000).nullable(),
  })
  .strict();

export type AdmissionFacts = z.infer<typeof admissionFacts>;

export interface AdmissionCheck {
  admissible: boolean;
  rules: RuleResult[];
}

function result(def: RuleDefinition, passed: boolean, detail: LocalizedText, values: RuleResult['values']): RuleResult {
  return { id: def.id, passed, citation: def.citation, detail, values };
}

/** Funding counts as given when the amount is more than zero fen. */
export function fundingGiven(amount: number | null): boolean {
  if (amount === null) return false;
  const fen = parseFixedDecimal(amount);
  return fen !== null && fen > 0n;
}

function named(text: string | null): boolean {
  return text !== null && text.trim().length > 0;
}

function values(f: AdmissionFacts): RuleResult['values'] {
  return {
    classification: f.classification,
    fundingAmount: f.fundingAmount,
    fundingPayer: named(f.fundingPayer) ? f.fundingPayer!.trim() : null,
    authorityTransferred: f.authorityTransferred,
    workingConditionsStated: named(f.workingConditions),
  };
}

/** SA-OWN-DUTY: an item within the government's own duties is refused at once. */
export function checkOwnDuty(f: AdmissionFacts): RuleResult {
  const passed = f.classification !== 'own-duty';
  return result(
    SA_RULES['SA-OWN-DUTY'],
    passed,
    passed
      ? {
          'zh-CN': `事项类别为“${SA_CLASSIFICATION_NAMES[f.classification]['zh-CN']}”，不属于政府自身职责`,
          en: `Classified as "${SA_CLASSIFICATION_NAMES[f.classification].en}", not an own duty of the government`,
        }
      : {
          'zh-CN': '该事项属于政府及其职能部门、街道办事处职责范围，不得转嫁给社区，不予准入',
          en: 'The item is within the duties of the government, its departments or the sub-district office: it cannot be shifted onto the community and is refused',
        },
    values(f),
  );
}

interface Condition {
  key: string;
  met: boolean;
  missing: LocalizedText;
}

function conditionResult(def: RuleDefinition, f: AdmissionFacts, conditions: Condition[]): RuleResult {
  const missing = conditions.filter((c) => !c.met);
  const passed = missing.length === 0;
  return result(
    def,
    passed,
    passed
      ? {
          'zh-CN': `经费 ${f.fundingAmount} 元（${f.fundingPayer?.trim()}承担）及所需条件均已明确`,
          en: `Funding of ${f.fundingAmount} yuan (paid by ${f.fundingPayer?.trim()}) and the required conditions are given`,
        }
      : {
          'zh-CN': `暂缓准入，尚缺：${missing.map((c) => c.missing['zh-CN']).join('、')}`,
          en: `Held until given: ${missing.map((c) => c.missing.en).join(', ')}`,
        },
    { ...values(f), missing: missing.map((c) => c.key).join(',') || null },
  );
}

/** 费随事转: the funding amount (more than zero) and who pays — both SA-ASSIST and SA-ENTRUST need them. */
function fundingConditions(f: AdmissionFacts): Condition[] {
  return [
    {
      key: 'fundingAmount',
      met: fundingGiven(f.fundingAmount),
      missing: { 'zh-CN': '经费数额（须大于零）', en: 'the funding amount (more than zero)' },
    },
    { key: 'fundingPayer', met: named(f.fundingPayer), missing: { 'zh-CN': '经费承担方', en: 'who pays' } },
  ];
}

/** SA-ASSIST: an item the community assists with is admitted only with funds (amount and payer) and working conditions. */
export function checkAssist(f: AdmissionFacts): RuleResult {
  return conditionResult(SA_RULES['SA-ASSIST'], f, [
    ...fundingConditions(f),
    { key: 'workingConditions', met: named(f.workingConditions), missing: { 'zh-CN': '工作条件', en: 'the working conditions' } },
  ]);
}

/**
 * SA-ENTRUST: an entrusted item needs the authority transferred and the funding amount and payer named
 * ("权随责走、费随事转", 二(三)2; 村组法 Art. 37). Working conditions belong to SA-ASSIST, not to entrusted items.
 */
export function checkEntrust(f: AdmissionFacts): RuleResult {
  return conditionResult(SA_RULES['SA-ENTRUST'], f, [
    {
      key: 'authorityTransferred',
      met: f.authorityTransferred,
      missing: { 'zh-CN': '相应权限的移交', en: 'the transfer of the authority' },
    },
    ...fundingConditions(f),
  ]);
}

/**
 * The admission rules for an item: SA-OWN-DUTY first (an own-duty item is refused and nothing else is checked),
 * then SA-ASSIST or SA-ENTRUST by classification. Admissible only when every rule listed holds.
 */
export function evaluateAdmission(f: AdmissionFacts): AdmissionCheck {
  const ownDuty = checkOwnDuty(f);
  if (!ownDuty.passed) return { admissible: false, rules: [ownDuty] };
  const conditions = f.classification === 'assist' ? checkAssist(f) : checkEntrust(f);
  return { admissible: conditions.passed, rules: [ownDuty, conditions] };
}

/** SA-DECIDE as recorded: the county's decision and who reviewed and decided. */
export function decisionResult(input: { admitted: boolean; round: 'application' | 'renewal'; reasons: string }): RuleResult {
  return result(
    SA_RULES['SA-DECIDE'],
    input.admitted,
    input.admitted
      ? {
          'zh-CN': `经民政部门审核，县级人民政府决定准入：${input.reasons}`,
          en: `Reviewed by civil affairs; admitted by the county-level government: ${input.reasons}`,
        }
      : { 'zh-CN': `县级人民政府决定不予准入：${input.reasons}`, en: `Refused by the county-level government: ${input.reasons}` },
    { decision: input.admitted ? 'admit' : 'refuse', round: input.round },
  );
}

/** SA-LIST as recorded: the item enters the public list with funding, period and legal basis. */
export function listingResult(input: {
  periodFrom: string;
  periodUntil: string;
  validUntil: string;
  fundingAmount: number | null;
  fundingPayer: string | null;
  legalBasis: string;
}): RuleResult {
  return result(
    SA_RULES['SA-LIST'],
    true,
    {
      'zh-CN': `列入准入清单并公开：期限 ${input.periodFrom} 至 ${input.periodUntil}，经费 ${input.fundingAmount ?? '—'} 元（${input.fundingPayer ?? '—'}），依据：${input.legalBasis}`,
      en: `Listed publicly: period ${input.periodFrom} to ${input.periodUntil}, funding ${input.fundingAmount ?? '—'} yuan (${input.fundingPayer ?? '—'}), basis: ${input.legalBasis}`,
    },
    {
      periodFrom: input.periodFrom,
      periodUntil: input.periodUntil,
      validUntil: input.validUntil,
      fundingAmount: input.fundingAmount,
      fundingPayer: input.fundingPayer,
    },
  );
}

/** SA-REPORT as recorded when a community's report is received: the county must answer by `dueAt`. */
export function reportReceivedResult(input: { pushedBy: string; pushedOn: string; dueAt: string }): RuleResult {
  return result(
    SA_RULES['SA-REPORT'],
    true,
    {
      'zh-CN': `已受理社区报告（${input.pushedBy}，${input.pushedOn}），县级须于 ${input.dueAt} 前答复`,
      en: `Report received (${input.pushedBy}, ${input.pushedOn}); the county must answer by ${input.dueAt}`,
    },
    { pushedBy: input.pushedBy, pushedOn: input.pushedOn, dueAt: input.dueAt },
  );
}

/** SA-GATE as found by the county's answer: an upheld report means an item reached the community without admission. */
export function reportFindingResult(input: { upheld: boolean; answeredLate: boolean }): RuleResult {
  return result(
    SA_RULES['SA-GATE'],
    !input.upheld,
    input.upheld
      ? {
          'zh-CN': '经核实，该事项未经准入即摊派给社区，报告属实',
          en: 'Confirmed: the item was pushed onto the community without admission',
        }
      : { 'zh-CN': '经核实，报告事项不属于未经准入摊派', en: 'Found not to be an item pushed without admission' },
    { finding: input.upheld ? 'upheld' : 'not-upheld', answeredLate: input.answeredLate },
  );
}

/** An invalid period (until before from) as a bilingual refinement issue, for the forms. */
export function periodIssue(from: string, until: string) {
  return until < from
    ? bilingualIssue(['until'], 'before_start', '截止日期不能早于开始日期', 'The period ends before it starts')
    : undefined;
}
