import { COLLEGE_OR_ABOVE, type CommunityProfileInput } from '../forms/community-profile';
import type { LocalizedText } from '../localized-text';
import { atLeast, parseFixedDecimal } from './fraction';
import type { RuleDefinition, RuleResult } from './rule';

/**
 * The source policy's targets (鲁办发〔2012〕22号 一(三), 二(一)1–2, 二(二)3, 二(三)2) as data: each indicator has an id,
 * its clause, its threshold and the exact comparison, is checked per community from the community's profile of a year
 * (and, for CT-DIRECT-ELECTION, its latest election), and is aggregated over the communities of a township, county,
 * city or province against an area target (the share of communities that must meet it). All comparisons are on
 * integers (areas in hundredths of m²), never floats. 民法典 Art. 1259: "以上" and "不低于" include the number itself.
 */

/** A fraction num/den. */
export interface Ratio {
  num: number;
  den: number;
}

export interface TargetRule extends RuleDefinition {
  /** The threshold a community is held to, readable (shown beside the rate). */
  threshold: LocalizedText;
  /** The share of communities that must meet the rule in an area (1/1: every community; 4/5 for direct elections). */
  areaTarget: Ratio;
}

const POLICY = '鲁办发〔2012〕22号';
const say = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const EVERY: Ratio = { num: 1, den: 1 };

/** Parameters of the rules, in one place. */
export const TARGET_PARAMETERS = {
  /** 一(三): 直接选举率达到80%以上. */
  directElectionShare: { num: 4, den: 5 },
  /** 二(一)2: 一般配置5人至9人 (inclusive). */
  committeeMin: 5,
  committeeMax: 9,
  /** 一(三): 工作人员50%以上达到大专以上文化程度. */
  collegeShare: { num: 1, den: 2 },
  /** 一(三): 至少有1名社会工作专业人员. */
  socialWorkersMin: 1,
  /** 一(三): 5个以上的社会组织. */
  socialOrganizationsMin: 5,
  /** 一(三): 志愿者注册率达到10%以上. */
  volunteerShare: { num: 1, den: 10 },
  /** 二(二)3: 5年内80%以上的社区党员参与志愿服务. */
  partyVolunteerShare: { num: 4, den: 5 },
  /** 二(二)3: 5年内30%以上的社区居民参与志愿服务. */
  residentVolunteerShare: { num: 3, den: 10 },
  /** 一(三), 二(三)2: 用房一般应达到300平方米以上, in hundredths of m². */
  officeSpaceMinHundredths: 30_000n,
  /** 二(三)2: 每10户至20户1平方米: at least 1 m² per 20 households. */
  householdsPerOfficeM2: 20,
  /** 二(一)1: 一般按3000户左右规模设置. */
  householdsAbout: 3000,
  /**
   * "Far above" about 3,000 households: more than 3/2 of it (4,500). The policy says only "about"; the factor is this
   * product's choice, a parameter an administrator of the rules may change.
   */
  farAboveFactor: { num: 3, den: 2 },
  /** 二(一)1: 新建住宅区居民入住率达到50%的，应成立社区居民委员会. */
  newEstateOccupancy: { num: 1, den: 2 },
  /** 二(一)2: 每年对主任培训一次，其他成员每2年培训一次. */
  directorTrainingYears: 1,
  memberTrainingYears: 2,
} as const;

const P = TARGET_PARAMETERS;

export const COMMUNITY_TARGET_RULES = {
  'CT-DIRECT-ELECTION': {
    id: 'CT-DIRECT-ELECTION',
    citation: `${POLICY} 一(三)`,
    text: say('社区居民委员会直接选举率达到80%以上', 'Direct election in 80 % or more of communities'),
    threshold: say('最近一次选举为直接选举；直选率 ≥ 80%', 'Latest election direct; rate ≥ 80 %'),
    areaTarget: P.directElectionShare,
  },
  'CT-COMMITTEE-SIZE': {
    id: 'CT-COMMITTEE-SIZE',
    citation: `${POLICY} 二(一)2；《城市居民委员会组织法》第七条`,
    text: say('社区居民委员会一般配置5人至9人', 'A committee of 5 to 9 members'),
    threshold: say('5–9 人', '5–9 members'),
    areaTarget: EVERY,
  },
  'CT-EDUCATION': {
    id: 'CT-EDUCATION',
    citation: `${POLICY} 一(三)`,
    text: say(
      '社区居民委员会工作人员50%以上达到大专以上文化程度',
      '50 % or more of committee staff with a junior-college degree or above',
    ),
    threshold: say('大专以上 ≥ 50%', 'Junior college or above ≥ 50 %'),
    areaTarget: EVERY,
  },
  'CT-SOCIAL-WORKER': {
    id: 'CT-SOCIAL-WORKER',
    citation: `${POLICY} 一(三)`,
    text: say('每个社区至少有1名社会工作专业人员', 'At least one social worker per community'),
    threshold: say('≥ 1 名', '≥ 1'),
    areaTarget: EVERY,
  },
  'CT-SOCIAL-ORGANIZATIONS': {
    id: 'CT-SOCIAL-ORGANIZATIONS',
    citation: `${POLICY} 一(三)`,
    text: say('每个社区拥有5个以上的社会组织', 'Five or more social organizations per community'),
    threshold: say('≥ 5 个', '≥ 5'),
    areaTarget: EVERY,
  },
  'CT-VOLUNTEERS': {
    id: 'CT-VOLUNTEERS',
    citation: `${POLICY} 一(三)`,
    text: say('社区志愿者注册率达到10%以上', 'Volunteer registration of 10 % or more of residents'),
    threshold: say('注册志愿者 ≥ 居民的 10%', 'Registered volunteers ≥ 10 % of residents'),
    areaTarget: EVERY,
  },
  'CT-PARTY-VOLUNTEERS': {
    id: 'CT-PARTY-VOLUNTEERS',
    citation: `${POLICY} 二(二)3`,
    text: say('5年内80%以上的社区党员参与社区志愿服务', '80 % or more of community party members in volunteer service'),
    threshold: say('≥ 党员的 80%', '≥ 80 % of party members'),
    areaTarget: EVERY,
  },
  'CT-RESIDENT-VOLUNTEERS': {
    id: 'CT-RESIDENT-VOLUNTEERS',
    citation: `${POLICY} 二(二)3`,
    text: say('5年内30%以上的社区居民参与社区志愿服务', '30 % or more of residents in volunteer service within 5 years'),
    threshold: say('≥ 居民的 30%', '≥ 30 % of residents'),
    areaTarget: EVERY,
  },
  'CT-OFFICE-SPACE': {
    id: 'CT-OFFICE-SPACE',
    citation: `${POLICY} 一(三)、二(三)2`,
    text: say(
      '居委会用房一般按每10户至20户1平方米配置，总量不低于300平方米',
      'Committee office space of 1 m² per 10–20 households, 300 m² at least',
    ),
    threshold: say('≥ 300 m² 且 ≥ 户数 ÷ 20 m²', '≥ 300 m² and ≥ households ÷ 20 m²'),
    areaTarget: EVERY,
  },
  'CT-SCALE': {
    id: 'CT-SCALE',
    citation: `${POLICY} 二(一)1`,
    text: say('社区一般按3000户左右规模设置', 'One committee per about 3,000 households'),
    threshold: say('≤ 4500 户（3000 户的 1.5 倍）', '≤ 4,500 households (1.5 × 3,000)'),
    areaTarget: EVERY,
  },
  'CT-NEW-ESTATE': {
    id: 'CT-NEW-ESTATE',
    citation: `${POLICY} 二(一)1`,
    text: say(
      '新建住宅区居民入住率达到50%的，应成立社区居民委员会',
      'A new estate 50 % occupied must get a residents’ committee',
    ),
    threshold: say('入住率 ≥ 50% 的新建小区均有居委会', 'Every new estate ≥ 50 % occupied has a committee'),
    areaTarget: EVERY,
  },
  'CT-DIRECTOR-TRAINING': {
    id: 'CT-DIRECTOR-TRAINING',
    citation: `${POLICY} 二(一)2`,
    text: say('每年对社区居民委员会主任培训一次', 'The committee director is trained every year'),
    threshold: say('主任本年度受训', 'Director trained this year'),
    areaTarget: EVERY,
  },
  'CT-MEMBER-TRAINING': {
    id: 'CT-MEMBER-TRAINING',
    citation: `${POLICY} 二(一)2`,
    text: say('其他成员每2年培训一次', 'Other members are trained every 2 years'),
    threshold: say('其他成员近2年内均受训', 'Every other member trained within 2 years'),
    areaTarget: EVERY,
  },
} as const satisfies Record<string, TargetRule>;

export type TargetRuleId = keyof typeof COMMUNITY_TARGET_RULES;
export const TARGET_RULE_IDS = Object.keys(COMMUNITY_TARGET_RULES) as TargetRuleId[];

/** What the rules read about one community in one year. */
export interface CommunityFacts {
  year: number;
  profile: CommunityProfileInput | null;
  /** EL-METHOD of the community's latest election held by the end of the year (null: none with a method). */
  latestElectionMethod: string | null;
}

function result(id: TargetRuleId, passed: boolean, values: RuleResult['values'], detail: LocalizedText): RuleResult {
  return { id, passed, citation: COMMUNITY_TARGET_RULES[id].citation, detail, values };
}

/** Hundredths of m² of an area text; a text the form would refuse counts as none. */
export function areaHundredths(text: string): bigint {
  return parseFixedDecimal(text) ?? 0n;
}

/** An area text in its canonical form with two decimals ("300" → "300.00"), so equal areas compare equal. */
export function canonicalArea(text: string): string {
  const h = areaHundredths(text);
  return `${h / 100n}.${(h % 100n).toString().padStart(2, '0')}`;
}

const yearOfDate = (date: string) => Number(date.slice(0, 4));

/**
 * Checks one community against every target rule. A rule whose facts are missing (no profile; no election with a
 * method; no party members) is left out: it is neither met nor missed, and does not count in the area's rate.
 */
export function evaluateCommunity(facts: CommunityFacts): RuleResult[] {
  const out: RuleResult[] = [];
  const m = facts.latestElectionMethod;
  if (m) {
    out.push(
      result('CT-DIRECT-ELECTION', m === 'direct', { method: m }, say(`最近一次选举方式：${m}`, `Latest election method: ${m}`)),
    );
  }
  const p = facts.profile;
  if (!p) return out;

  const members = p.committeeMembers.length;
  out.push(
    result(
      'CT-COMMITTEE-SIZE',
      members >= P.committeeMin && members <= P.committeeMax,
      { members, min: P.committeeMin, max: P.committeeMax },
      say(`委员会 ${members} 人（应为 5–9 人）`, `${members} members (5–9 required)`),
    ),
  );

  const college = p.committeeMembers.filter((x) => COLLEGE_OR_ABOVE.includes(x.education)).length;
  out.push(
    result(
      'CT-EDUCATION',
      members > 0 && atLeast(college, members, P.collegeShare.num, P.collegeShare.den),
      { college, members, target: '1/2' },
      say(`大专以上 ${college}/${members} 人（应 ≥ 50%）`, `${college} of ${members} with college or above (≥ 50 %)`),
    ),
  );

  out.push(
    result(
      'CT-SOCIAL-WORKER',
      p.socialWorkers >= P.socialWorkersMin,
      { socialWorkers: p.socialWorkers, min: P.socialWorkersMin },
      say(`社会工作专业人员 ${p.socialWorkers} 名（应 ≥ 1）`, `${p.socialWorkers} social workers (≥ 1)`),
    ),
  );
  out.push(
    result(
      'CT-SOCIAL-ORGANIZATIONS',
      p.socialOrganizations >= P.socialOrganizationsMin,
      { socialOrganizations: p.socialOrganizations, min: P.socialOrganizationsMin },
      say(`社会组织 ${p.socialOrganizations} 个（应 ≥ 5）`, `${p.socialOrganizations} social organizations (≥ 5)`),
    ),
  );
  out.push(
    result(
      'CT-VOLUNTEERS',
      p.residents > 0 && atLeast(p.registeredVolunteers, p.residents, P.volunteerShare.num, P.volunteerShare.den),
      { registeredVolunteers: p.registeredVolunteers, residents: p.residents, target: '1/10' },
      say(
        `注册志愿者 ${p.registeredVolunteers}/${p.residents}（应 ≥ 10%）`,
        `${p.registeredVolunteers} of ${p.residents} residents registered as volunteers (≥ 10 %)`,
      ),
    ),
  );
  if (p.partyMembers > 0) {
    out.push(
      result(
        'CT-PARTY-VOLUNTEERS',
        atLeast(p.partyMemberVolunteers, p.partyMembers, P.partyVolunteerShare.num, P.partyVolunteerShare.den),
        { partyMemberVolunteers: p.partyMemberVolunteers, partyMembers: p.partyMembers, target: '4/5' },
        say(
          `参与志愿服务的党员 ${p.partyMemberVolunteers}/${p.partyMembers}（应 ≥ 80%）`,
          `${p.partyMemberVolunteers} of ${p.partyMembers} party members volunteer (≥ 80 %)`,
        ),
      ),
    );
  }
  out.push(
    result(
      'CT-RESIDENT-VOLUNTEERS',
      p.residents > 0 &&
        atLeast(p.volunteerServiceResidents, p.residents, P.residentVolunteerShare.num, P.residentVolunteerShare.den),
      { volunteerServiceResidents: p.volunteerServiceResidents, residents: p.residents, target: '3/10' },
      say(
        `5年内参与志愿服务的居民 ${p.volunteerServiceResidents}/${p.residents}（应 ≥ 30%）`,
        `${p.volunteerServiceResidents} of ${p.residents} residents in volunteer service (≥ 30 %)`,
      ),
    ),
  );

  // 1 m² per 20 households at least, and 300 m² at least: office × 20 ≥ households (in hundredths).
  const office = areaHundredths(p.officeSpaceM2);
  const byHouseholds = office * BigInt(P.householdsPerOfficeM2) >= BigInt(p.households) * 100n;
  out.push(
    result(
      'CT-OFFICE-SPACE',
      office >= P.officeSpaceMinHundredths && byHouseholds,
      { officeSpaceM2: p.officeSpaceM2, households: p.households, minimumM2: '300' },
      say(
        `用房 ${p.officeSpaceM2} m²，${p.households} 户（应 ≥ 300 m² 且 ≥ 每20户1 m²）`,
        `${p.officeSpaceM2} m² for ${p.households} households (≥ 300 m² and ≥ 1 m² per 20 households)`,
      ),
    ),
  );

  out.push(
    result(
      'CT-SCALE',
      !farAboveScale(p.households),
      { households: p.households, about: P.householdsAbout },
      say(`${p.households} 户（一般按3000户左右设置）`, `${p.households} households (about 3,000 each)`),
    ),
  );

  const uncovered = estatesNeedingCommittee(p).map((e) => e.name);
  out.push(
    result(
      'CT-NEW-ESTATE',
      uncovered.length === 0,
      { estatesWithoutCommittee: uncovered.join('、') || null },
      uncovered.length === 0
        ? say('入住率达50%的新建小区均已成立居委会', 'Every new estate 50 % occupied has a committee')
        : say(`未成立居委会：${uncovered.join('、')}`, `Without a committee: ${uncovered.join(', ')}`),
    ),
  );

  const director = p.committeeMembers.find((x) => x.position === 'DIRECTOR');
  const directorTrained = director ? trainedWithin(director.trainings, facts.year, P.directorTrainingYears) : false;
  out.push(
    result(
      'CT-DIRECTOR-TRAINING',
      directorTrained,
      { director: director?.name ?? null, year: facts.year },
      director
        ? say(
            `主任 ${director.name} ${directorTrained ? '本年度已' : '本年度未'}受训`,
            `Director ${director.name} ${directorTrained ? 'trained' : 'not trained'} in ${facts.year}`,
          )
        : say('未登记主任', 'No director recorded'),
    ),
  );
  const others = p.committeeMembers.filter((x) => x.position !== 'DIRECTOR');
  const untrained = others.filter((x) => !trainedWithin(x.trainings, facts.year, P.memberTrainingYears)).map((x) => x.name);
  out.push(
    result(
      'CT-MEMBER-TRAINING',
      untrained.length === 0,
      { members: others.length, untrained: untrained.join('、') || null },
      untrained.length === 0
        ? say('其他成员近2年内均已受训', 'Every other member trained within 2 years')
        : say(`近2年未受训：${untrained.join('、')}`, `Not trained within 2 years: ${untrained.join(', ')}`),
    ),
  );
  return out;
}

/** A training in the profile's year or in the `years − 1` years before it. */
export function trainedWithin(trainings: readonly string[], year: number, years: number): boolean {
  return trainings.some((d) => yearOfDate(d) <= year && yearOfDate(d) > year - years);
}

/** CT-SCALE: households strictly more than 3/2 × 3,000 ("far above" about 3,000). */
export function farAboveScale(households: number): boolean {
  return BigInt(households) * BigInt(P.farAboveFactor.den) > BigInt(P.householdsAbout) * BigInt(P.farAboveFactor.num);
}

/** CT-NEW-ESTATE: new estates with occupancy of 50 % or more (exactly half included) and no committee. */
export function estatesNeedingCommittee(p: Pick<CommunityProfileInput, 'estates'>) {
  return p.estates.filter(
    (e) =>
      e.isNew &&
      !e.hasCommittee &&
      e.households > 0 &&
      atLeast(e.occupiedHouseholds, e.households, P.newEstateOccupancy.num, P.newEstateOccupancy.den),
  );
}

/** One indicator over an area's communities: how many met it of those it applied to, against the area target. */
export interface IndicatorAggregate {
  id: TargetRuleId;
  met: number;
  evaluated: number;
  /** Communities the rule applied to that miss it. */
  missing: string[];
  /** Percentage with one decimal, for display only; `meetsTarget` is compared exactly. */
  percent: number | null;
  target: string;
  meetsTarget: boolean;
}

/** Aggregates the per-community results (by community id) of an area, rule by rule. */
export function aggregate(results: ReadonlyMap<string, readonly RuleResult[]>): IndicatorAggregate[] {
  return TARGET_RULE_IDS.map((id) => {
    let met = 0;
    let evaluated = 0;
    const missing: string[] = [];
    for (const [community, rules] of results) {
      const r = rules.find((x) => x.id === id);
      if (!r) continue;
      evaluated += 1;
      if (r.passed) met += 1;
      else missing.push(community);
    }
    const { num, den } = COMMUNITY_TARGET_RULES[id].areaTarget;
    return {
      id,
      met,
      evaluated,
      missing,
      percent: evaluated === 0 ? null : Math.round((met * 1000) / evaluated) / 10,
      target: `${num}/${den}`,
      meetsTarget: evaluated > 0 && atLeast(met, evaluated, num, den),
    };
  });
}

/** Prompts the rules raise from a profile for the township above the community (issue 22, item 4). */
export type PromptKind = 'new-estate-without-committee' | 'far-above-households' | 'director-untrained';

export interface ProfilePrompt {
  kind: PromptKind;
  /** The rule the prompt comes from. */
  ruleId: TargetRuleId;
  /** What makes this prompt distinct (the estate's name, the year), so each is raised once. */
  subject: string;
  params: Record<string, string | number>;
}

/**
 * The prompts of one community's profile of a year: each new estate 50 % or more occupied without a committee
 * (CT-NEW-ESTATE), households far above about 3,000 (CT-SCALE), a director without a training in the year
 * (CT-DIRECTOR-TRAINING). Same rules, same exact comparisons as the indicators.
 */
export function profilePrompts(profile: CommunityProfileInput, year: number): ProfilePrompt[] {
  const prompts: ProfilePrompt[] = estatesNeedingCommittee(profile).map((e) => ({
    kind: 'new-estate-without-committee',
    ruleId: 'CT-NEW-ESTATE',
    subject: e.name,
    params: { estate: e.name, households: e.households, occupiedHouseholds: e.occupiedHouseholds, year },
  }));
  if (farAboveScale(profile.households)) {
    prompts.push({
      kind: 'far-above-households',
      ruleId: 'CT-SCALE',
      subject: String(year),
      params: { households: profile.households, year },
    });
  }
  const director = profile.committeeMembers.find((m) => m.position === 'DIRECTOR');
  if (director && !trainedWithin(director.trainings, year, P.directorTrainingYears)) {
    prompts.push({
      kind: 'director-untrained',
      ruleId: 'CT-DIRECTOR-TRAINING',
      subject: `${year}:${director.name}`,
      params: { director: director.name, year },
    });
  }
  return prompts;
}

/** What a prompt says, in both languages (the notification and the township's list). */
export function promptSentence(kind: string, params: Record<string, unknown>): LocalizedText {
  const v = (key: string) => (typeof params[key] === 'string' || typeof params[key] === 'number' ? String(params[key]) : '');
  const community = v('community');
  switch (kind) {
    case 'new-estate-without-committee':
      return say(
        `${community}的新建小区“${v('estate')}”入住 ${v('occupiedHouseholds')}/${v('households')} 户，已达50%，尚未成立社区居民委员会（鲁办发〔2012〕22号 二(一)1）。`,
        `${community}: the new estate “${v('estate')}” has ${v('occupiedHouseholds')} of ${v('households')} households moved in (50 % or more) and no residents’ committee yet (policy 二(一)1).`,
      );
    case 'far-above-households':
      return say(
        `${community}共 ${v('households')} 户，远超一般3000户左右的规模，请研究调整居委会辖区（二(一)1）。`,
        `${community} has ${v('households')} households, far above the usual 3,000 or so; consider adjusting its committee’s area (二(一)1).`,
      );
    default:
      return say(
        `${community}居委会主任${v('director')}在 ${v('year')} 年度尚未参加培训（每年培训一次，二(一)2）。`,
        `${community}: director ${v('director')} has had no training in ${v('year')} (once a year, 二(一)2).`,
      );
  }
}
