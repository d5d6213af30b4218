import { z } from 'zod';
import { daysBetween, isValidIsoDate } from '../clock';
import { bilingualIssue } from '../validation';
import type { LocalizedText } from '../localized-text';
import { atLeast, moreThan } from './fraction';
import type { RuleDefinition, RuleResult } from './rule';

/**
 * 村改居 (二(五)1): the four conditions and the villagers' assembly rules, as pure functions shared by the workflow,
 * the API and the UI. Proportions compare exactly: "三分之二以上" includes exactly 2/3; "过半数" is strict.
 */
export const VC_RULES = {
  'VC-C1': {
    id: 'VC-C1',
    citation: '鲁办发〔2012〕22号 二(五)1',
    text: {
      'zh-CN': '村域位于土地利用总体规划确定的城镇建设用地范围内',
      en: 'The village lies inside the urban construction-land boundary of the land-use plan',
    },
  },
  'VC-C2': {
    id: 'VC-C2',
    citation: '鲁办发〔2012〕22号 二(五)1',
    text: {
      'zh-CN': '集体所有的耕地已不能满足村民基本生活需要',
      en: 'Collective farmland no longer meets villagers’ basic needs',
    },
  },
  'VC-C3': {
    id: 'VC-C3',
    citation: '鲁办发〔2012〕22号 二(五)1',
    text: { 'zh-CN': '三分之二以上劳动力从事非农产业', en: 'Two thirds or more of the labour force work outside farming' },
  },
  'VC-C4': {
    id: 'VC-C4',
    citation: '鲁办发〔2012〕22号 二(五)1（先改制，后改居）',
    text: {
      'zh-CN': '集体资产、债权债务已处置，资产改制完成，产权明晰',
      en: 'Collective assets, claims and debts settled; restructuring complete',
    },
  },
  'VC-NOTICE': {
    id: 'VC-NOTICE',
    citation: '《村民委员会组织法》第二十一条；《山东省实施〈村民委员会组织法〉办法》第十七条',
    text: {
      'zh-CN': '村民会议应提前十日通知并公开张贴',
      en: 'The villagers’ assembly is announced publicly at least 10 days ahead',
    },
  },
  'VC-QUORUM': {
    id: 'VC-QUORUM',
    citation: '《村民委员会组织法》第二十二条',
    text: {
      'zh-CN': '召开村民会议（非村民代表会议），须有本村十八周岁以上村民的过半数，或者本村三分之二以上的户的代表参加',
      en: 'A full villagers’ assembly (not the representatives’ meeting) with more than half of adult villagers, or representatives of two thirds or more of households',
    },
  },
  'VC-MAJORITY': {
    id: 'VC-MAJORITY',
    citation: '《村民委员会组织法》第二十二条',
    text: { 'zh-CN': '所作决定应当经到会人员的过半数通过', en: 'Consent by more than half of those present' },
  },
} as const satisfies Record<string, RuleDefinition>;

/**
 * Those present at the assembly (VC-MAJORITY's denominator): the attending adult villagers, or, when the quorum rests
 * on household representatives only, those representatives. One definition for the input check and the rule.
 */
export function presentAtAssembly(a: {
  adultVillagers: number;
  adultAttendees: number;
  households: number;
  householdRepresentatives: number;
}): number {
  const byAdults = moreThan(a.adultAttendees, a.adultVillagers, 1, 2);
  const byHouseholds = atLeast(a.householdRepresentatives, a.households, 2, 3);
  return byAdults || !byHouseholds ? a.adultAttendees : a.householdRepresentatives;
}

const count = z.number().int().min(0).max(100_000_000);
const isoDate = z.string().refine(isValidIsoDate, {
  message: 'A real date as YYYY-MM-DD',
  params: { zh: '日期须为真实存在的 YYYY-MM-DD', code: 'invalid_date' },
});

/** The assembly record and the figures behind the conditions; impossible combinations are input errors (400). */
export const conversionConditions = z
  .object({
    insideUrbanBoundary: z.boolean(),
    farmlandInsufficient: z.boolean(),
    labourForce: count,
    nonFarmLabour: count,
    assetRestructuringComplete: z.boolean(),
    assembly: z
      .object({
        fullAssembly: z.boolean(),
        noticeDate: isoDate,
        meetingDate: isoDate,
        adultVillagers: count.min(1),
        adultAttendees: count,
        households: count.min(1),
        householdRepresentatives: count,
        votesFor: count,
      })
      .strict()
      .superRefine((a, ctx) => {
        if (a.adultAttendees > a.adultVillagers)
          ctx.addIssue(
            bilingualIssue(
              ['adultAttendees'],
              'exceeds_total',
              '到会人数不能多于成年村民总数',
              'More attendees than adult villagers',
            ),
          );
        if (a.householdRepresentatives > a.households)
          ctx.addIssue(
            bilingualIssue(
              ['householdRepresentatives'],
              'exceeds_total',
              '户代表人数不能多于户数',
              'More representatives than households',
            ),
          );
        const present = presentAtAssembly(a);
        if (a.votesFor > present)
          ctx.addIssue(
            bilingualIssue(
              ['votesFor'],
              'exceeds_present',
              `赞成票（${a.votesFor}）不能多于到会人数（${present}）`,
              `More votes in favour (${a.votesFor}) than people present (${present})`,
            ),
          );
        if (isValidIsoDate(a.noticeDate) && isValidIsoDate(a.meetingDate) && a.meetingDate < a.noticeDate)
          ctx.addIssue(
            bilingualIssue(['meetingDate'], 'before_notice', '会议日期早于通知日期', 'The meeting is before the notice'),
          );
      }),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.nonFarmLabour > c.labourForce)
      ctx.addIssue(
        bilingualIssue(
          ['nonFarmLabour'],
          'exceeds_total',
          '非农劳动力不能多于劳动力总数',
          'Non-farm labour above the labour force',
        ),
      );
  });

export type ConversionConditions = z.infer<typeof conversionConditions>;

function result(def: RuleDefinition, passed: boolean, detail: LocalizedText, values: RuleResult['values']): RuleResult {
  return { id: def.id, passed, citation: def.citation, detail, values };
}

/** Evaluates every VC rule; the conversion may proceed only when all hold. */
export function evaluateConversion(c: ConversionConditions): RuleResult[] {
  const a = c.assembly;
  const noticeDays = daysBetween(a.noticeDate, a.meetingDate);
  const byAdults = moreThan(a.adultAttendees, a.adultVillagers, 1, 2);
  const byHouseholds = atLeast(a.householdRepresentatives, a.households, 2, 3);
  const present = presentAtAssembly(a);
  const yes = (b: boolean) => (b ? '是' : '否');
  return [
    result(
      VC_RULES['VC-C1'],
      c.insideUrbanBoundary,
      {
        'zh-CN': `位于城镇建设用地范围内：${yes(c.insideUrbanBoundary)}`,
        en: `Inside the urban boundary: ${c.insideUrbanBoundary}`,
      },
      { insideUrbanBoundary: c.insideUrbanBoundary },
    ),
    result(
      VC_RULES['VC-C2'],
      c.farmlandInsufficient,
      {
        'zh-CN': `耕地不能满足基本生活需要：${yes(c.farmlandInsufficient)}`,
        en: `Farmland insufficient: ${c.farmlandInsufficient}`,
      },
      { farmlandInsufficient: c.farmlandInsufficient },
    ),
    result(
      VC_RULES['VC-C3'],
      c.labourForce > 0 && atLeast(c.nonFarmLabour, c.labourForce, 2, 3),
      {
        'zh-CN': `非农劳动力 ${c.nonFarmLabour} / 劳动力 ${c.labourForce}，须 ≥ 2/3`,
        en: `Non-farm labour ${c.nonFarmLabour} of ${c.labourForce}; needs ≥ 2/3`,
      },
      { nonFarmLabour: c.nonFarmLabour, labourForce: c.labourForce, required: '2/3' },
    ),
    result(
      VC_RULES['VC-C4'],
      c.assetRestructuringComplete,
      {
        'zh-CN': `资产改制完成：${yes(c.assetRestructuringComplete)}`,
        en: `Restructuring complete: ${c.assetRestructuringComplete}`,
      },
      { assetRestructuringComplete: c.assetRestructuringComplete },
    ),
    result(
      VC_RULES['VC-NOTICE'],
      noticeDays >= 10,
      {
        'zh-CN': `通知日 ${a.noticeDate} 至会议日 ${a.meetingDate} 相隔 ${noticeDays} 日，须 ≥ 10 日`,
        en: `Notice ${a.noticeDate}, meeting ${a.meetingDate}: ${noticeDays} days; needs ≥ 10`,
      },
      { noticeDate: a.noticeDate, meetingDate: a.meetingDate, days: noticeDays, required: 10 },
    ),
    result(
      VC_RULES['VC-QUORUM'],
      a.fullAssembly && (byAdults || byHouseholds),
      {
        'zh-CN': `${a.fullAssembly ? '村民会议' : '村民代表会议（不符合）'}；到会成年村民 ${a.adultAttendees}/${a.adultVillagers}（须过半数：${yes(byAdults)}）；户代表 ${a.householdRepresentatives}/${a.households}（须 ≥ 2/3：${yes(byHouseholds)}）`,
        en: `${a.fullAssembly ? 'Full assembly' : 'Representatives’ meeting (not allowed)'}; adults ${a.adultAttendees}/${a.adultVillagers} (> 1/2: ${byAdults}); household representatives ${a.householdRepresentatives}/${a.households} (≥ 2/3: ${byHouseholds})`,
      },
      {
        fullAssembly: a.fullAssembly,
        adultAttendees: a.adultAttendees,
        adultVillagers: a.adultVillagers,
        householdRepresentatives: a.householdRepresentatives,
        households: a.households,
      },
    ),
    result(
      VC_RULES['VC-MAJORITY'],
      present > 0 && moreThan(a.votesFor, present, 1, 2),
      {
        'zh-CN': `赞成 ${a.votesFor} / 到会 ${present}，须过半数`,
        en: `${a.votesFor} in favour of ${present} present; needs more than half`,
      },
      { votesFor: a.votesFor, present },
    ),
  ];
}
