import { CENTRE_LEVELS, type CentreKind, type ServiceCentreInput } from '../forms/service-centre';
import type { LocalizedText } from '../localized-text';
import { atLeast, parseFixedDecimal } from './fraction';
import type { RuleResult } from './rule';
import type { Ratio, TargetRule } from './community-targets';

/**
 * The service-centre targets of the source policy (鲁办发〔2012〕22号 二(三)1: 县（市、区）、街道（乡镇）社区服务中心分别按
 * 不低于3000平方米、1000平方米标准建设，并设立"一站式"服务大厅) as data, beside the community targets
 * (community-targets.ts). They are held by areas, not communities: each township or sub-district (CT-TOWNSHIP-CENTRE)
 * and each county (CT-COUNTY-CENTRE) from its service-centre record of the year. Areas are compared on integers
 * (hundredths of m²), never floats; "不低于" includes the number itself.
 */

export interface CentreRule extends TargetRule {
  /** Which areas the rule holds: townships and sub-districts, or counties. */
  level: 'TOWNSHIP' | 'COUNTY';
  /** The least floor area, in hundredths of m². */
  minAreaHundredths: bigint;
  /** Whether a "一站式" service hall is required. */
  requiresOneStopHall: boolean;
}

const POLICY = '鲁办发〔2012〕22号';
const say = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const EVERY: Ratio = { num: 1, den: 1 };

export const CENTRE_TARGET_RULES = {
  'CT-TOWNSHIP-CENTRE': {
    id: 'CT-TOWNSHIP-CENTRE',
    citation: `${POLICY} 二(三)1`,
    text: say(
      '街道（乡镇）社区服务中心按不低于1000平方米标准建设，并设立“一站式”服务大厅',
      'Township (sub-district) community service centre of 1,000 m² at least, with a one-stop service hall',
    ),
    threshold: say('≥ 1000 m² 且设有“一站式”服务大厅', '≥ 1,000 m² and a one-stop hall'),
    areaTarget: EVERY,
    level: 'TOWNSHIP',
    minAreaHundredths: 100_000n,
    requiresOneStopHall: true,
  },
  'CT-COUNTY-CENTRE': {
    id: 'CT-COUNTY-CENTRE',
    citation: `${POLICY} 二(三)1`,
    text: say(
      '县（市、区）社区服务中心按不低于3000平方米标准建设，并设立“一站式”服务大厅',
      'County community service centre of 3,000 m² at least, with a one-stop service hall',
    ),
    threshold: say('≥ 3000 m² 且设有“一站式”服务大厅', '≥ 3,000 m² and a one-stop hall'),
    areaTarget: EVERY,
    level: 'COUNTY',
    minAreaHundredths: 300_000n,
    requiresOneStopHall: true,
  },
} as const satisfies Record<string, CentreRule>;

export type CentreRuleId = keyof typeof CENTRE_TARGET_RULES;
export const CENTRE_RULE_IDS = Object.keys(CENTRE_TARGET_RULES) as CentreRuleId[];

/** The rule an area of this kind is held to. */
export function centreRuleFor(kind: CentreKind): (typeof CENTRE_TARGET_RULES)[CentreRuleId] {
  const level = CENTRE_LEVELS[kind];
  return CENTRE_RULE_IDS.map((id) => CENTRE_TARGET_RULES[id]).find((r) => r.level === level)!;
}

const m2 = (h: bigint) => `${h / 100n}`;

/**
 * Checks one area's service centre of a year. An area without a record for the year misses the rule (the target is
 * every area's centre; an unrecorded one is not shown to meet it).
 */
export function evaluateCentre(kind: CentreKind, centre: ServiceCentreInput | null): RuleResult {
  const rule = centreRuleFor(kind);
  const base = { id: rule.id, citation: rule.citation };
  if (!centre) {
    return {
      ...base,
      passed: false,
      values: { recorded: false, minimumM2: m2(rule.minAreaHundredths) },
      detail: say('本年度未登记服务中心', 'No service centre recorded for the year'),
    };
  }
  const area = parseFixedDecimal(centre.areaM2) ?? 0n;
  const bigEnough = area >= rule.minAreaHundredths;
  const hall = !rule.requiresOneStopHall || centre.hasOneStopHall;
  return {
    ...base,
    passed: bigEnough && hall,
    values: {
      recorded: true,
      areaM2: centre.areaM2,
      minimumM2: m2(rule.minAreaHundredths),
      hasOneStopHall: centre.hasOneStopHall,
    },
    detail: say(
      `服务中心 ${centre.areaM2} m²（应 ≥ ${m2(rule.minAreaHundredths)} m²），${centre.hasOneStopHall ? '设有' : '未设'}“一站式”服务大厅`,
      `Service centre of ${centre.areaM2} m² (≥ ${m2(rule.minAreaHundredths)} m² required), ${centre.hasOneStopHall ? 'with' : 'without'} a one-stop hall`,
    ),
  };
}

/** One centre rule over the areas of an area: how many meet it of all the areas it holds. */
export interface CentreAggregate {
  id: CentreRuleId;
  met: number;
  evaluated: number;
  /** Areas (organization ids) that miss it. */
  missing: string[];
  /** Percentage with one decimal, for display only; `meetsTarget` is compared exactly. */
  percent: number | null;
  target: string;
  meetsTarget: boolean;
}

export function aggregateCentres(results: ReadonlyMap<string, RuleResult>): CentreAggregate[] {
  return CENTRE_RULE_IDS.map((id) => {
    const rows = [...results].filter(([, r]) => r.id === id);
    const met = rows.filter(([, r]) => r.passed).length;
    const evaluated = rows.length;
    const { num, den } = CENTRE_TARGET_RULES[id].areaTarget;
    return {
      id,
      met,
      evaluated,
      missing: rows.filter(([, r]) => !r.passed).map(([org]) => org),
      percent: evaluated === 0 ? null : Math.round((met * 1000) / evaluated) / 10,
      target: `${num}/${den}`,
      meetsTarget: evaluated > 0 && atLeast(met, evaluated, num, den),
    };
  });
}
