import {
  addMonths,
  deadlineOutcome,
  fullMonthsBetween,
  fullYearsBetween,
  isAtLeastDaysBefore,
  latestDateBefore,
  periodEnd,
  type HolidayCalendar,
  type PeriodEnd,
  type IsoDate,
} from '../clock';
import type { LocalizedText } from '../errors';
import { atLeast, moreThan } from './fraction';
import type { RuleDefinition, RuleResult } from './rule';

/**
 * Residents' committee election with migrant-eligibility review (domain.md §2; 鲁办发〔2012〕22号 二(五)3, 一(三)):
 * the EL rules as pure functions shared by the workflows, the API and the UI. Counting follows 民法典 Art. 1259
 * ("以上" includes the number, "过半数" is strict) with exact integer comparisons; periods follow Arts. 201–203.
 */

export const ELECTION_LAWS = ['villagers-committee-law', 'residents-committee-law'] as const;
export type ElectionLaw = (typeof ELECTION_LAWS)[number];

/** EL-METHOD: all voters directly, one representative per household, or 2–3 representatives per residents' group. */
export const ELECTION_METHODS = ['direct', 'household-representatives', 'group-representatives'] as const;
export type ElectionMethod = (typeof ELECTION_METHODS)[number];

const JUMIN = '《中华人民共和国城市居民委员会组织法》（2018年修正）';
const CUNMIN = '《中华人民共和国村民委员会组织法》（2018年修正）';
const POLICY = '鲁办发〔2012〕22号';

export const EL_RULES = {
  'EL-LAW': {
    id: 'EL-LAW',
    citation: `《山东省实施〈村民委员会组织法〉办法》第四十六条；${POLICY} 二(五)1`,
    text: {
      'zh-CN': '尚未完成改制的，依照村民委员会组织法选举；已完成改制的，依照城市居民委员会组织法选举',
      en: "Not yet restructured: elected under the Villagers' Committee law; restructured: under the Residents' Committee law",
    },
  },
  'EL-SIZE': {
    id: 'EL-SIZE',
    citation: `${JUMIN}第七条；${CUNMIN}第六条`,
    text: {
      'zh-CN': '居民委员会由主任、副主任和委员共五至九人组成（村民委员会三至七人）',
      en: "A residents' committee has 5 to 9 members (a villagers' committee 3 to 7)",
    },
  },
  'EL-METHOD': {
    id: 'EL-METHOD',
    citation: `${JUMIN}第八条；${POLICY} 一(三)`,
    text: {
      'zh-CN': '由全体选民直接选举，或者由每户派代表选举，或者由每个居民小组选举代表二至三人选举；直接选举比例应达 80% 以上',
      en: 'Elected directly by all voters, by one representative per household, or by 2–3 representatives per residents’ group; target: 80% or more direct elections',
    },
  },
  'EL-AGE': {
    id: 'EL-AGE',
    citation: `${JUMIN}第八条；${CUNMIN}第十三条`,
    text: { 'zh-CN': '选举日年满十八周岁', en: 'Aged 18 or more on election day' },
  },
  'EL-RIGHTS': {
    id: 'EL-RIGHTS',
    citation: `${JUMIN}第八条`,
    text: { 'zh-CN': '未被依法剥夺政治权利', en: 'Not deprived of political rights by law' },
  },
  'EL-HOME': {
    id: 'EL-HOME',
    citation: `${POLICY} 二(五)3`,
    text: { 'zh-CN': '在本社区有合法固定住所', en: 'A legal fixed residence in the community' },
  },
  'EL-RESIDENCE': {
    id: 'EL-RESIDENCE',
    citation: `${POLICY} 二(五)3`,
    text: {
      'zh-CN': '在本社区居住满一年（截至选举日）',
      en: 'Resident in the community for at least one full year by election day',
    },
  },
  'EL-SELF': {
    id: 'EL-SELF',
    citation: `${POLICY} 二(五)3`,
    text: { 'zh-CN': '由本人提出参加选举的申请', en: 'The person applies themself' },
  },
  'EL-APPROVAL': {
    id: 'EL-APPROVAL',
    citation: `${POLICY} 二(五)3；${CUNMIN}第十三条`,
    text: {
      'zh-CN': '经社区选举委员会同意（依村民委员会组织法选举的，经村民会议或者村民代表会议同意）',
      en: 'The community election committee agrees (under the Villagers’ Committee law: the villagers’ assembly or its representatives)',
    },
  },
  'EL-SINGLE': {
    id: 'EL-SINGLE',
    citation: `${CUNMIN}第十三条`,
    text: { 'zh-CN': '不得重复登记，已在其他地方登记参加选举的不得再登记', en: 'No one is registered in two places' },
  },
  'EL-LIST': {
    id: 'EL-LIST',
    citation: `${CUNMIN}第十四条`,
    text: {
      'zh-CN': '登记参加选举的选民名单应当在选举日的二十日前公布',
      en: 'The voter list is published 20 days or more before election day',
    },
  },
  'EL-OBJECT': {
    id: 'EL-OBJECT',
    citation: `${CUNMIN}第十四条`,
    text: {
      'zh-CN': '对选民名单有异议的，应当自名单公布之日起五日内提出申诉',
      en: 'Objections to the list within 5 days of its publication',
    },
  },
  'EL-ANSWER': {
    id: 'EL-ANSWER',
    citation: `${CUNMIN}第十四条`,
    text: {
      'zh-CN': '选举委员会应当自收到申诉之日起三日内作出处理决定，并公布处理结果',
      en: 'The election committee answers within 3 days of receiving an objection and publishes the answer',
    },
  },
  'EL-CANDIDATES': {
    id: 'EL-CANDIDATES',
    citation: `${CUNMIN}第十五条`,
    text: { 'zh-CN': '候选人名额应当多于应选名额（差额选举）', en: 'Candidates outnumber the seats' },
  },
  'EL-TURNOUT': {
    id: 'EL-TURNOUT',
    citation: `${CUNMIN}第十五条`,
    text: { 'zh-CN': '有登记参加选举的选民过半数投票，选举有效', en: 'Valid only if more than half of registered voters vote' },
  },
  'EL-WIN': {
    id: 'EL-WIN',
    citation: `${CUNMIN}第十五条`,
    text: {
      'zh-CN': '候选人获得参加投票的选民过半数的选票，始得当选',
      en: 'A candidate wins with more than half of the votes cast',
    },
  },
  'EL-RUNOFF': {
    id: 'EL-RUNOFF',
    citation: `${CUNMIN}第十五条`,
    text: {
      'zh-CN': '当选人数不足应选名额的，不足的名额另行选举；另行选举以得票多的当选，但所得票数不得少于已投选票数的三分之一',
      en: 'Unfilled seats go to a run-off: the most votes win, with at least one third of the votes cast',
    },
  },
  'EL-HANDOVER': {
    id: 'EL-HANDOVER',
    citation: `${CUNMIN}第二十条`,
    text: {
      'zh-CN': '自新一届委员会产生之日起十日内完成印章、档案等工作移交',
      en: 'Seals and files handed over within 10 days of the new committee’s election',
    },
  },
} as const satisfies Record<string, RuleDefinition>;

export type ElectionRuleId = keyof typeof EL_RULES;

/**
 * The rule set in force (a procedure keeps the one it started with). `residenceMonths` is EL-RESIDENCE's minimum
 * (满1年; the 2025 residents' law reportedly uses six months — unverified, hence a parameter).
 */
export const ELECTION_RULE_SET = {
  version: 'el-2018-1',
  minimumAge: 18,
  residenceMonths: 12,
  committeeSize: { 'residents-committee-law': { min: 5, max: 9 }, 'villagers-committee-law': { min: 3, max: 7 } },
  listDaysBefore: 20,
  objectionDays: 5,
  answerDays: 3,
  handoverDays: 10,
  /** 一(三): direct elections in 80% or more of communities. */
  directElectionTarget: { num: 4, den: 5 },
} as const;

function rule(id: ElectionRuleId, passed: boolean, detail: LocalizedText, values: RuleResult['values']): RuleResult {
  const def = EL_RULES[id];
  return { id: def.id, passed, citation: def.citation, detail, values };
}

const zhBool = (b: boolean) => (b ? '是' : '否');

// ── Set-up ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * EL-LAW as recorded when the starter named the law (the 村改居 procedure decides it with `lawForCommunity` in
 * ./election-law.ts; the township's start form derives it the same way).
 */
export function electionLawRecorded(law: ElectionLaw, origin?: string): RuleResult {
  return rule(
    'EL-LAW',
    true,
    law === 'residents-committee-law'
      ? {
          'zh-CN': `依照《城市居民委员会组织法》选举${origin ? `（由 ${origin} 确定）` : ''}`,
          en: `Under the Residents' Committee law${origin ? ` (set by ${origin})` : ''}`,
        }
      : {
          'zh-CN': `依照《村民委员会组织法》选举${origin ? `（由 ${origin} 确定）` : ''}`,
          en: `Under the Villagers' Committee law${origin ? ` (set by ${origin})` : ''}`,
        },
    { law, origin: origin ?? null },
  );
}

/** EL-SIZE: the number of seats is inside the range of the governing law (inclusive, "五至九人"). */
export function checkCommitteeSize(seats: number, law: ElectionLaw): RuleResult {
  const { min, max } = ELECTION_RULE_SET.committeeSize[law];
  const passed = Number.isInteger(seats) && seats >= min && seats <= max;
  return rule(
    'EL-SIZE',
    passed,
    { 'zh-CN': `应选 ${seats} 名，须为 ${min} 至 ${max} 名`, en: `${seats} seats; must be ${min} to ${max}` },
    { seats, min, max, law },
  );
}

const METHOD_NAMES: Record<ElectionMethod, LocalizedText> = {
  direct: { 'zh-CN': '全体选民直接选举', en: 'direct election by all voters' },
  'household-representatives': { 'zh-CN': '每户派代表选举', en: 'one representative per household' },
  'group-representatives': { 'zh-CN': '每个居民小组选举代表二至三人选举', en: '2–3 representatives per residents’ group' },
};

export function electionMethodName(method: ElectionMethod): LocalizedText {
  return METHOD_NAMES[method];
}

/** EL-METHOD: one of the three lawful methods; notes whether it counts toward the direct-election target. */
export function checkMethod(method: ElectionMethod): RuleResult {
  const direct = method === 'direct';
  return rule(
    'EL-METHOD',
    (ELECTION_METHODS as readonly string[]).includes(method),
    {
      'zh-CN': `选举方式：${METHOD_NAMES[method]['zh-CN']}（计入直接选举率：${zhBool(direct)}）`,
      en: `Method: ${METHOD_NAMES[method].en} (counts as direct: ${direct})`,
    },
    { method, direct },
  );
}

/** The county measure: direct elections among elections, against the 80% target (exact). */
export function directElectionRate(direct: number, total: number) {
  const { num, den } = ELECTION_RULE_SET.directElectionTarget;
  return {
    direct,
    total,
    /** Percentage with one decimal, for display only; the target is compared exactly. */
    percent: total === 0 ? null : Math.round((direct * 1000) / total) / 10,
    target: `${num}/${den}`,
    meetsTarget: total > 0 && atLeast(direct, total, num, den),
  };
}

// ── Migrant eligibility ────────────────────────────────────────────────────────────────────────────────────────

/** The facts the eligibility rules look at (the public check's input; the application's data in the workflow). */
export interface EligibilityFacts {
  /** Election day: the reference date of EL-AGE and EL-RESIDENCE. */
  electionDate: IsoDate;
  birthDate: IsoDate;
  residenceSince: IsoDate;
  hasLegalFixedResidence: boolean;
  politicalRightsDeprived: boolean;
  appliedInPerson: boolean;
  /** Self-service only: the application's ID number is the one bound to the filing account (real-name). */
  idNumberMatchesAccount?: boolean;
  /** The applicant's own declaration. */
  registeredElsewhere: boolean;
  /** Registrations found in the system by ID number (EL-SINGLE's system check); absent in the public check. */
  registrationsFound?: number;
}

export interface EligibilityOptions {
  residenceMonths?: number;
}

/**
 * EL-SELF: the person applies themself. Through the self-service form this holds only when the application's ID
 * number is the one bound to the (real-name) account that files it (`idNumberMatchesAccount`); the public check,
 * which has no account, takes the declaration alone.
 */
export function selfApplication(appliedInPerson: boolean, idNumberMatchesAccount?: boolean): RuleResult {
  if (idNumberMatchesAccount === undefined) {
    return rule(
      'EL-SELF',
      appliedInPerson,
      { 'zh-CN': `本人提出申请：${zhBool(appliedInPerson)}`, en: `Applied in person: ${appliedInPerson}` },
      { appliedInPerson },
    );
  }
  return rule(
    'EL-SELF',
    appliedInPerson && idNumberMatchesAccount,
    idNumberMatchesAccount
      ? {
          'zh-CN': '本人提出申请：申请书上的身份证号码与提交账号实名绑定的号码一致',
          en: 'Applied in person: the ID number on the application is the one bound to the filing account',
        }
      : {
          'zh-CN': '申请书上的身份证号码不是提交账号实名绑定的号码：不是本人提出的申请',
          en: 'The ID number on the application is not the one bound to the filing account: not applied for in person',
        },
    { appliedInPerson, idNumberMatchesAccount },
  );
}

/** EL-AGE, EL-RIGHTS, EL-HOME, EL-RESIDENCE, EL-SELF and EL-SINGLE, in this order. */
export function evaluateEligibility(f: EligibilityFacts, options: EligibilityOptions = {}): RuleResult[] {
  const minimumAge = ELECTION_RULE_SET.minimumAge;
  const requiredMonths = options.residenceMonths ?? ELECTION_RULE_SET.residenceMonths;
  const age = fullYearsBetween(f.birthDate, f.electionDate);
  const months = f.residenceSince <= f.electionDate ? fullMonthsBetween(f.residenceSince, f.electionDate) : 0;
  const residenceFrom = addMonths(f.residenceSince, requiredMonths);
  const found = f.registrationsFound ?? 0;
  const single = !f.registeredElsewhere && found === 0;
  return [
    rule(
      'EL-AGE',
      age >= minimumAge,
      {
        'zh-CN': `选举日 ${f.electionDate} 年龄 ${age} 周岁，须年满 ${minimumAge} 周岁`,
        en: `Age ${age} on election day ${f.electionDate}; must be ${minimumAge} or more`,
      },
      { age, required: minimumAge, referenceDate: f.electionDate },
    ),
    rule(
      'EL-RIGHTS',
      !f.politicalRightsDeprived,
      {
        'zh-CN': `被依法剥夺政治权利：${zhBool(f.politicalRightsDeprived)}`,
        en: `Deprived of political rights: ${f.politicalRightsDeprived}`,
      },
      { politicalRightsDeprived: f.politicalRightsDeprived },
    ),
    rule(
      'EL-HOME',
      f.hasLegalFixedResidence,
      {
        'zh-CN': `在本社区有合法固定住所：${zhBool(f.hasLegalFixedResidence)}`,
        en: `Legal fixed residence in the community: ${f.hasLegalFixedResidence}`,
      },
      { hasLegalFixedResidence: f.hasLegalFixedResidence },
    ),
    rule(
      'EL-RESIDENCE',
      residenceFrom <= f.electionDate,
      {
        'zh-CN': `自 ${f.residenceSince} 起居住，至选举日 ${f.electionDate} 满 ${months} 个月，须满 ${requiredMonths} 个月（${residenceFrom} 届满）`,
        en: `Resident since ${f.residenceSince}: ${months} full months by election day ${f.electionDate}; needs ${requiredMonths} (reached on ${residenceFrom})`,
      },
      {
        residenceSince: f.residenceSince,
        referenceDate: f.electionDate,
        fullMonths: months,
        requiredMonths,
        reachedOn: residenceFrom,
      },
    ),
    selfApplication(f.appliedInPerson, f.idNumberMatchesAccount),
    rule(
      'EL-SINGLE',
      single,
      {
        'zh-CN': `本人声明已在其他地方登记：${zhBool(f.registeredElsewhere)}${f.registrationsFound === undefined ? '' : `；按身份证号码查到其他登记 ${found} 处`}`,
        en: `Declared registered elsewhere: ${f.registeredElsewhere}${f.registrationsFound === undefined ? '' : `; other registrations found by ID number: ${found}`}`,
      },
      { registeredElsewhere: f.registeredElsewhere, registrationsFound: f.registrationsFound ?? null },
    ),
  ];
}

/** EL-APPROVAL: the committee's (or, under the Villagers' Committee law, the assembly's) decision. */
export function approvalRule(decision: 'approve' | 'refuse', law: ElectionLaw, reason: string): RuleResult {
  const body =
    law === 'villagers-committee-law'
      ? { 'zh-CN': '村民会议或村民代表会议', en: "villagers' assembly or its representatives" }
      : { 'zh-CN': '社区选举委员会', en: 'election committee' };
  return rule(
    'EL-APPROVAL',
    decision === 'approve',
    {
      'zh-CN': `${body['zh-CN']}${decision === 'approve' ? '同意' : '不同意'}：${reason}`,
      en: `The ${body.en} ${decision === 'approve' ? 'agreed' : 'refused'}: ${reason}`,
    },
    { decision, law },
  );
}

// ── Calendar ───────────────────────────────────────────────────────────────────────────────────────────────────

/** The last day the list may be published (EL-LIST: 20 days or more before election day). */
export function latestListPublicationDate(electionDate: IsoDate): IsoDate {
  return latestDateBefore(electionDate, ELECTION_RULE_SET.listDaysBefore);
}

export function checkListPublication(publishedOn: IsoDate, electionDate: IsoDate, lateReason?: string): RuleResult {
  const latest = latestListPublicationDate(electionDate);
  const passed = isAtLeastDaysBefore(publishedOn, electionDate, ELECTION_RULE_SET.listDaysBefore);
  return rule(
    'EL-LIST',
    passed,
    {
      'zh-CN': `名单于 ${publishedOn} 公布，选举日 ${electionDate}，最迟应于 ${latest} 公布${passed ? '' : `（逾期公布，理由：${lateReason ?? '未说明'}）`}`,
      en: `Published ${publishedOn} for election day ${electionDate}; latest allowed ${latest}${passed ? '' : ` (late; reason: ${lateReason ?? 'none given'})`}`,
    },
    { publishedOn, electionDate, lastAllowedDate: latest, lateReason: passed ? null : (lateReason ?? null) },
  );
}

/** The bounds of a deadline the holiday calendar cannot settle yet (调休/补假 of a year whose notice is unknown). */
export type DeadlineBounds = Pick<PeriodEnd, 'earliestLastDay' | 'latestLastDay'>;

/** An act on `actDate` against a deadline: in time, late, or undetermined when only unsettled days decide it. */
function timeliness(actDate: IsoDate | undefined, lastDay: IsoDate, bounds: DeadlineBounds | undefined) {
  if (actDate === undefined) return { passed: true, undetermined: false };
  const outcome = deadlineOutcome(actDate, bounds ?? { earliestLastDay: lastDay, latestLastDay: lastDay });
  return { passed: outcome === 'passed', undetermined: outcome === 'undetermined' };
}

const UNSETTLED = {
  'zh-CN': '；是否逾期取决于当年国务院放假安排（调休、补假）尚未公布的日期，结果待定',
  en: "; whether it was late depends only on days the year's State Council holiday notice (swapped working days, substitute days) has yet to settle: undetermined",
};

function withBounds(result: RuleResult, undetermined: boolean, bounds: DeadlineBounds | undefined): RuleResult {
  if (!undetermined || !bounds) return result;
  return {
    ...result,
    undetermined: true,
    detail: {
      'zh-CN': `${result.detail['zh-CN']}${UNSETTLED['zh-CN']}（最早 ${bounds.earliestLastDay}，最晚 ${bounds.latestLastDay}）`,
      en: `${result.detail.en}${UNSETTLED.en} (between ${bounds.earliestLastDay} and ${bounds.latestLastDay})`,
    },
    values: { ...result.values, earliestLastDay: bounds.earliestLastDay, latestLastDay: bounds.latestLastDay },
  };
}

/** EL-OBJECT: an objection received on `receivedOn` against the window's last day. */
export function checkObjection(
  receivedOn: IsoDate | undefined,
  publishedOn: IsoDate,
  lastDay: IsoDate,
  bounds?: DeadlineBounds,
): RuleResult {
  const { passed, undetermined } = timeliness(receivedOn, lastDay, bounds);
  return withBounds(
    rule(
      'EL-OBJECT',
      passed,
      receivedOn === undefined
        ? {
            'zh-CN': `名单 ${publishedOn} 公布，异议期最后一日为 ${lastDay}（未提出异议）`,
            en: `List published ${publishedOn}; the objection window ends on ${lastDay} (no objection given)`,
          }
        : {
            'zh-CN': `异议于 ${receivedOn} 提出，异议期最后一日为 ${lastDay}`,
            en: `Objection received ${receivedOn}; the window ends on ${lastDay}`,
          },
      { publishedOn, receivedOn: receivedOn ?? null, lastAllowedDate: lastDay },
    ),
    undetermined,
    bounds,
  );
}

/** EL-ANSWER: an answer given on `answeredOn` against the 3-day deadline counted from the objection. */
export function checkAnswer(
  answeredOn: IsoDate | undefined,
  receivedOn: IsoDate,
  lastDay: IsoDate,
  bounds?: DeadlineBounds,
): RuleResult {
  const { passed, undetermined } = timeliness(answeredOn, lastDay, bounds);
  return withBounds(
    rule(
      'EL-ANSWER',
      passed,
      answeredOn === undefined
        ? {
            'zh-CN': `异议 ${receivedOn} 收到，最迟应于 ${lastDay} 答复并公布（尚未答复）`,
            en: `Objection received ${receivedOn}; answer due by ${lastDay} (not yet answered)`,
          }
        : {
            'zh-CN': `异议 ${receivedOn} 收到，${answeredOn} 答复，最迟应于 ${lastDay} 答复`,
            en: `Objection received ${receivedOn}, answered ${answeredOn}; due by ${lastDay}`,
          },
      { receivedOn, answeredOn: answeredOn ?? null, lastAllowedDate: lastDay },
    ),
    undetermined,
    bounds,
  );
}

export interface TimelineFacts {
  electionDate: IsoDate;
  listPublishedDate: IsoDate;
  objectionDate?: IsoDate;
  answerDate?: IsoDate;
}

/**
 * EL-LIST, EL-OBJECT and EL-ANSWER with the last allowed dates. The objection window and the answer deadline are
 * periods in days (counted from the next day, moved off rest days by the holiday calendar); without an objection
 * date, the answer deadline shown is the latest possible one (for an objection on the window's last day).
 */
export function evaluateTimeline(t: TimelineFacts, calendar: HolidayCalendar) {
  const objectionEnd = periodEnd(t.listPublishedDate, { amount: ELECTION_RULE_SET.objectionDays, unit: 'days' }, calendar);
  const answerFrom = t.objectionDate ?? objectionEnd.lastDay;
  const answerEnd = periodEnd(answerFrom, { amount: ELECTION_RULE_SET.answerDays, unit: 'days' }, calendar);
  const rules = [
    checkListPublication(t.listPublishedDate, t.electionDate),
    checkObjection(t.objectionDate, t.listPublishedDate, objectionEnd.lastDay, objectionEnd),
    checkAnswer(t.answerDate, answerFrom, answerEnd.lastDay, answerEnd),
  ];
  const unknownYears = [...new Set([...objectionEnd.unknownYears, ...answerEnd.unknownYears])].sort();
  return {
    rules,
    lastAllowedDates: {
      listPublication: latestListPublicationDate(t.electionDate),
      objection: objectionEnd.lastDay,
      answer: answerEnd.lastDay,
    },
    /** Years the holiday calendar does not know: those deadlines may move once the year's holidays are published. */
    calendarUnknownYears: unknownYears,
  };
}

/** EL-HANDOVER: handed over on `handedOverOn`, against the 10-day period from the election. */
export function checkHandover(electedOn: IsoDate, handedOverOn: IsoDate, lastDay: IsoDate, bounds?: DeadlineBounds): RuleResult {
  const { passed, undetermined } = timeliness(handedOverOn, lastDay, bounds);
  return withBounds(
    rule(
      'EL-HANDOVER',
      passed,
      {
        'zh-CN': `新一届委员会 ${electedOn} 产生，${handedOverOn} 完成移交，最迟 ${lastDay}`,
        en: `New committee elected ${electedOn}, handed over ${handedOverOn}; due by ${lastDay}`,
      },
      { electedOn, handedOverOn, lastAllowedDate: lastDay },
    ),
    undetermined,
    bounds,
  );
}

// ── Candidates and results ─────────────────────────────────────────────────────────────────────────────────────

/** EL-CANDIDATES: more candidates than seats. */
export function checkCandidates(candidates: number, seats: number): RuleResult {
  return rule(
    'EL-CANDIDATES',
    candidates > seats,
    {
      'zh-CN': `候选人 ${candidates} 名，应选 ${seats} 名，候选人须多于应选名额`,
      en: `${candidates} candidates for ${seats} seats; must be more`,
    },
    { candidates, seats },
  );
}

export type ElectionRound = 'first' | 'runoff';

export interface ResultFacts {
  registeredVoters: number;
  votesCast: number;
  /** Seats to fill in this round (in a run-off: the seats the first round left). */
  seats: number;
  round: ElectionRound;
  candidates: { name: string; votes: number }[];
}

export interface ResultOutcome {
  /** EL-TURNOUT and EL-CANDIDATES hold. */
  valid: boolean;
  elected: string[];
  /** Candidates tied for the last seat: not decided by the system. */
  tiedForLastSeat: string[];
  unfilledSeats: number;
  rules: RuleResult[];
}

/**
 * Counts one round. First round: a candidate needs more than half of the votes cast (EL-WIN); run-off: the most
 * votes win with at least one third of the votes cast (EL-RUNOFF). Candidates over the threshold take the seats
 * in order of votes; when candidates tie for the last seat, none of them is elected and the tie is reported.
 */
export function evaluateResults(r: ResultFacts): ResultOutcome {
  const turnout = rule(
    'EL-TURNOUT',
    moreThan(r.votesCast, r.registeredVoters, 1, 2),
    {
      'zh-CN': `投票 ${r.votesCast} 人 / 登记选民 ${r.registeredVoters} 人，须过半数`,
      en: `${r.votesCast} voted of ${r.registeredVoters} registered; needs more than half`,
    },
    { votesCast: r.votesCast, registeredVoters: r.registeredVoters },
  );
  const candidates = checkCandidates(r.candidates.length, r.seats);
  const valid = turnout.passed && candidates.passed;
  const runoff = r.round === 'runoff';
  const qualifies = (votes: number) => (runoff ? atLeast(votes, r.votesCast, 1, 3) : moreThan(votes, r.votesCast, 1, 2));
  const ranked = valid ? r.candidates.filter((c) => qualifies(c.votes)).sort((a, b) => b.votes - a.votes) : [];
  let elected = ranked.slice(0, r.seats);
  let tied: string[] = [];
  const next = ranked[r.seats];
  const last = elected[elected.length - 1];
  if (next && last && next.votes === last.votes) {
    tied = ranked.filter((c) => c.votes === last.votes).map((c) => c.name);
    elected = elected.filter((c) => c.votes > last.votes);
  }
  const unfilled = r.seats - elected.length;
  const names = elected.map((c) => c.name);
  const tieText = tied.length
    ? {
        zh: `；${tied.join('、')} 得票相同（${last?.votes ?? 0} 票）争最后名额，系统不作决定`,
        en: `; ${tied.join(', ')} tie for the last seat (${last?.votes ?? 0} votes), not decided by the system`,
      }
    : { zh: '', en: '' };
  const outcomeText = valid
    ? {
        zh: `当选 ${names.length} 名（${names.join('、') || '无'}），应选 ${r.seats} 名${unfilled > 0 ? `，${unfilled} 个名额另行选举` : ''}${tieText.zh}`,
        en: `${names.length} elected (${names.join(', ') || 'none'}) of ${r.seats} seats${unfilled > 0 ? `; ${unfilled} seats go to a run-off` : ''}${tieText.en}`,
      }
    : { zh: '选举无效，不计算当选', en: 'The election is not valid; nobody is elected' };
  const counting = runoff
    ? rule(
        'EL-RUNOFF',
        valid && unfilled === 0,
        {
          'zh-CN': `另行选举：以得票多的当选，须不少于已投选票数 ${r.votesCast} 的三分之一。${outcomeText.zh}`,
          en: `Run-off: most votes win, with at least one third of ${r.votesCast} votes cast. ${outcomeText.en}`,
        },
        {
          votesCast: r.votesCast,
          threshold: '≥ 1/3',
          seats: r.seats,
          elected: names.length,
          unfilledSeats: unfilled,
          tied: tied.join(',') || null,
        },
      )
    : rule(
        'EL-WIN',
        valid && unfilled === 0,
        {
          'zh-CN': `须获得参加投票选民 ${r.votesCast} 人的过半数选票。${outcomeText.zh}`,
          en: `Needs more than half of the ${r.votesCast} votes cast. ${outcomeText.en}`,
        },
        {
          votesCast: r.votesCast,
          threshold: '> 1/2',
          seats: r.seats,
          elected: names.length,
          unfilledSeats: unfilled,
          tied: tied.join(',') || null,
        },
      );
  return {
    valid,
    elected: names,
    tiedForLastSeat: tied,
    unfilledSeats: valid ? unfilled : r.seats,
    rules: [turnout, candidates, counting],
  };
}
