import type { IsoDate } from '../clock';
import type { LocalizedText } from '../errors';
import type { RuleResult } from './rule';

/**
 * Rule sets by date (domain.md, "Rule sets by date: the 2025 revision"). The Residents' Committee Organization Law
 * (and the Villagers' Committee law, amended the same day) was revised on 2025-10-28, in force 2026-01-01 (secondary
 * sources: the commencement article was not read). A rule set carries the date from which it applies; a check uses the
 * set in force on its reference date (a public check: election day, or today when it has none; a procedure: the day it
 * started, kept for its whole life as the case's `ruleSetVersion`), and every decision names the set it used.
 *
 * Where the 2025 text is not yet in domain.md the rules keep their 2018 values: the 2025 set only re-cites them
 * (new article numbers unknown) and says in each decision that its 2025 text is unverified. When the enacted text is
 * read, its values go into the rule parameters keyed by these ids (e.g. ELECTION_RULE_SET) and `verifiedRules` grows.
 */

export interface RuleSet {
  /** Stored on cases (`ruleSetVersion`) and on every rule decision (`rule_set`). */
  id: string;
  name: LocalizedText;
  /** The first day the set applies (China calendar date). */
  effectiveFrom: IsoDate;
  /** The day the law was adopted or revised. */
  adoptedOn: IsoDate;
  /** False while the text of the revision has not been read in full (rules keep the previous values). */
  textVerified: boolean;
  /** Rules whose requirement is known to be in this set's text (article numbers may still be unknown). */
  verifiedRules: readonly string[];
  /** Earlier ids of the same set (cases opened before this registry existed). */
  aliases: readonly string[];
}

export const RULE_SETS: readonly RuleSet[] = [
  {
    id: 'jumin-2018',
    name: {
      'zh-CN': '《城市居民委员会组织法》《村民委员会组织法》（2018年修正）',
      en: "Residents' and Villagers' Committee Organization Laws (2018 amendment)",
    },
    effectiveFrom: '2018-12-29',
    adoptedOn: '2018-12-29',
    textVerified: true,
    verifiedRules: [],
    aliases: ['el-2018-1', 'election-2026'],
  },
  {
    id: 'jumin-2025',
    name: {
      'zh-CN': '《城市居民委员会组织法》（2025年修订）《村民委员会组织法》（2025年修正）',
      en: "Residents' Committee Organization Law (2025 revision) and Villagers' Committee law (2025 amendment)",
    },
    effectiveFrom: '2026-01-01',
    adoptedOn: '2025-10-28',
    textVerified: false,
    // domain.md: "the registered voter list is published 20 days before election day" is known to be in the 2025 text.
    verifiedRules: ['EL-LIST'],
    aliases: [],
  },
];

/** The set in force on `referenceDate` (the earliest set for a date before it: no earlier text is modelled). */
export function ruleSetInForce(referenceDate: IsoDate): RuleSet {
  const sorted = [...RULE_SETS].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.filter((s) => s.effectiveFrom <= referenceDate).at(-1) ?? sorted[0]!;
}

/** The registered set with this id or alias (undefined for a procedure's own policy version, e.g. "vc-2012-22"). */
export function findRuleSet(id: string): RuleSet | undefined {
  return RULE_SETS.find((s) => s.id === id || s.aliases.includes(id));
}

/** The set's public description (check responses, the case record). */
export function ruleSetSummary(set: RuleSet) {
  return {
    id: set.id,
    name: set.name,
    effectiveFrom: set.effectiveFrom,
    adoptedOn: set.adoptedOn,
    textVerified: set.textVerified,
  };
}

const JUMIN_2018 = /《(?:中华人民共和国)?城市居民委员会组织法》（2018年修正）(第[一二三四五六七八九十百]+条)?/g;
const CUNMIN_2018 = /《(?:中华人民共和国)?村民委员会组织法》(?:（2018年修正）)?(第[一二三四五六七八九十百]+条)?/g;

/**
 * A rule's citation and detail under `set`: under a revision whose text is unverified the citation names the revised
 * law (with the 2018 article it was carried over from) and the detail says whether the 2025 text has the requirement.
 * Rules that cite neither committee law (policy, 物业管理条例, 民法典, provincial measures) are unchanged.
 */
export function citeUnder<D extends string | LocalizedText | undefined>(
  set: RuleSet | undefined,
  ruleId: string,
  citation: string,
  detail: D,
): { citation: string; detail: D } {
  if (!set || set.id === 'jumin-2018') return { citation, detail };
  const revised = citation
    .replace(
      JUMIN_2018,
      (_m, art?: string) =>
        `《中华人民共和国城市居民委员会组织法》（2025年修订，条次待核${art ? `；2018年修正文本${art}` : ''}）`,
    )
    .replace(
      CUNMIN_2018,
      (_m, art?: string) => `《中华人民共和国村民委员会组织法》（2025年修正，条次待核${art ? `；2018年修正文本${art}` : ''}）`,
    );
  if (revised === citation) return { citation, detail };
  const note: LocalizedText = set.verifiedRules.includes(ruleId)
    ? {
        'zh-CN': '（2025年修订文本有同样规定，条次待核）',
        en: ' (the 2025 text has the same requirement; article number to be verified)',
      }
    : {
        'zh-CN': '（本条在2025年修订文本中的规定尚待核实，暂沿用2018年规则）',
        en: ' (its 2025 text is not yet verified: the 2018 rule is kept)',
      };
  if (detail === undefined) return { citation: revised, detail };
  const noted =
    typeof detail === 'string'
      ? `${detail}${note['zh-CN']}`
      : { 'zh-CN': `${detail['zh-CN']}${note['zh-CN']}`, en: `${detail.en}${note.en}` };
  return { citation: revised, detail: noted as D };
}

/** A rule result checked under `set`: it names the set and cites under it. */
export function underRuleSet(result: RuleResult, set: RuleSet): RuleResult {
  return { ...result, ...citeUnder(set, result.id, result.citation, result.detail), ruleSet: set.id };
}

/**
 * A decision recorded on a case, under the case's rule set (`ruleSetVersion`, kept from the day the procedure started):
 * it names that set (the canonical id of a registered one, else the procedure's own policy version) and cites under it.
 */
export function recordedUnder(caseRuleSet: string) {
  const set = findRuleSet(caseRuleSet);
  return <D extends { ruleId: string; citation: string; detail?: string | LocalizedText }>(d: D): D & { ruleSet: string } => ({
    ...d,
    ...citeUnder(set, d.ruleId, d.citation, d.detail),
    ruleSet: set?.id ?? caseRuleSet,
  });
}

/** The results of a check under the set in force on its reference date. */
export function checkedUnder(results: readonly RuleResult[], referenceDate: IsoDate): { ruleSet: RuleSet; rules: RuleResult[] } {
  const ruleSet = ruleSetInForce(referenceDate);
  return { ruleSet, rules: results.map((r) => underRuleSet(r, ruleSet)) };
}
