import { addDays, daysBetween, isAtLeastDaysBefore, type IsoDate } from '../clock';
import type { LocalizedText } from '../errors';
import { atLeast, moreThan, parseFixedDecimal } from './fraction';
import type { RuleDefinition, RuleResult } from './rule';

/**
 * Owners' assembly and owners' committee meetings (业主大会、业主委员会会议告知), domain §4: the rules as pure
 * functions, shared by the workflow, the API (public vote check, registration) and the web app.
 * Every threshold is compared exactly: areas are integers of hundredths of a square metre, fractions in BigInt.
 */

/**
 * Periods of the procedure. `noticeDays` and `committeePostingDays` are statutory; no statute sets a time for the
 * residents' committee's opinion or suggestions, so those two are parameters of this rule set (domain §4, OM-OPINION).
 */
export interface OwnersMeetingParameters {
  /** 物业管理条例 Art. 14: owners are notified 15 days or more before an assembly meeting. */
  noticeDays: number;
  /** 山东省物业管理条例 Art. 32: committee decisions are posted within 3 days. */
  committeePostingDays: number;
  /** OM-OPINION (parameter): the residents' committee's opinion is due by the end of the day this many days before the meeting. */
  opinionDaysBeforeMeeting: number;
  /** OM-REPORT (parameter): days the residents' committee has for suggestions on the reported decisions. */
  suggestionDays: number;
}

export const OM_PARAMETERS: OwnersMeetingParameters = {
  noticeDays: 15,
  committeePostingDays: 3,
  opinionDaysBeforeMeeting: 2,
  suggestionDays: 7,
};

export type MeetingType = 'assembly' | 'committee';
/** 民法典 Art. 278: items (六)–(八) are special matters (3/4 of participants); the rest are ordinary (more than half). */
export type Matter = 'special' | 'ordinary';

/**
 * The matters owners decide together (民法典 Art. 278 para. 1, items (一)–(九)) and the threshold each needs
 * (para. 2): raising maintenance funds (六), rebuilding (七) and changing the use of common parts or using them for
 * business (八) are special matters (three quarters or more); every other item — including *using* the maintenance
 * funds (五) — is ordinary (more than half). The one place that says which item needs which majority.
 */
export const ART278_ITEMS = {
  1: {
    numeral: '一',
    matter: 'ordinary',
    text: { 'zh-CN': '制定和修改业主大会议事规则', en: "Making or amending the assembly's rules of procedure" },
  },
  2: {
    numeral: '二',
    matter: 'ordinary',
    text: { 'zh-CN': '制定和修改管理规约', en: 'Making or amending the management covenant' },
  },
  3: {
    numeral: '三',
    matter: 'ordinary',
    text: { 'zh-CN': '选举业主委员会或者更换业主委员会成员', en: "Electing the owners' committee or replacing its members" },
  },
  4: {
    numeral: '四',
    matter: 'ordinary',
    text: {
      'zh-CN': '选聘和解聘物业服务企业或者其他管理人',
      en: 'Hiring or dismissing the property-service company or other manager',
    },
  },
  5: {
    numeral: '五',
    matter: 'ordinary',
    text: {
      'zh-CN': '使用建筑物及其附属设施的维修资金',
      en: 'Using the maintenance funds of the buildings and their facilities',
    },
  },
  6: {
    numeral: '六',
    matter: 'special',
    text: { 'zh-CN': '筹集建筑物及其附属设施的维修资金', en: 'Raising maintenance funds for the buildings and their facilities' },
  },
  7: {
    numeral: '七',
    matter: 'special',
    text: { 'zh-CN': '改建、重建建筑物及其附属设施', en: 'Rebuilding or reconstructing the buildings and their facilities' },
  },
  8: {
    numeral: '八',
    matter: 'special',
    text: {
      'zh-CN': '改变共有部分的用途或者利用共有部分从事经营活动',
      en: 'Changing the use of common parts or using them for business',
    },
  },
  9: {
    numeral: '九',
    matter: 'ordinary',
    text: { 'zh-CN': '有关共有和共同管理权利的其他重大事项', en: 'Other major matters of common ownership and joint management' },
  },
} as const satisfies Record<number, { numeral: string; matter: Matter; text: LocalizedText }>;

export type Art278Item = keyof typeof ART278_ITEMS;
export const ART278_ITEM_NUMBERS = Object.keys(ART278_ITEMS).map(Number) as Art278Item[];

/** The threshold an item of 民法典 Art. 278 needs: special for (六)–(八), ordinary otherwise (including (五)). */
export function matterOfArt278Item(item: Art278Item): Matter {
  return ART278_ITEMS[item].matter;
}

const POLICY = '鲁办发〔2012〕22号 二（五）2（政策）';
export const OM_CITATIONS = {
  notice: '《物业管理条例》第十四条',
  informAssembly: '《物业管理条例》第十四条；鲁办发〔2012〕22号 二（五）2',
  informCommittee: POLICY,
  opinion: POLICY,
  report: '《物业管理条例》第二十条',
  vote: '《民法典》第二百七十八条',
  committee: '《山东省物业管理条例》第三十二条',
} as const;

/** The rules' fixed texts, for rule lists and help in the UI. */
export const OM_RULES: Record<string, RuleDefinition> = {
  'OM-NOTICE': {
    id: 'OM-NOTICE',
    citation: OM_CITATIONS.notice,
    text: {
      'zh-CN': '召开业主大会会议，应当于会议召开15日以前通知全体业主。',
      en: 'Owners are notified of an assembly meeting 15 days or more before it.',
    },
  },
  'OM-INFORM': {
    id: 'OM-INFORM',
    citation: OM_CITATIONS.informAssembly,
    text: {
      'zh-CN': '业主大会会议应当同时告知居民委员会；业主委员会会议也应告知居民委员会并听取其意见（政策）。',
      en: "The residents' committee is informed of an assembly meeting at the same time as the owners; of a committee meeting too, in time to hear its opinion (policy).",
    },
  },
  'OM-OPINION': {
    id: 'OM-OPINION',
    citation: OM_CITATIONS.opinion,
    text: {
      'zh-CN': '会议召开前听取居民委员会意见；期限内未提出意见的，记为“截止时未提出意见”，不视为同意。',
      en: "The residents' committee's opinion is heard before the meeting; silence by the deadline is recorded as such, never as consent.",
    },
  },
  'OM-REPORT': {
    id: 'OM-REPORT',
    citation: OM_CITATIONS.report,
    text: {
      'zh-CN': '会议作出的决定应当告知居民委员会，并认真听取其建议。',
      en: "Decisions are reported to the residents' committee and its suggestions heard.",
    },
  },
  'OM-TURNOUT': {
    id: 'OM-TURNOUT',
    citation: OM_CITATIONS.vote,
    text: {
      'zh-CN': '专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决。',
      en: 'Owners holding two thirds or more of the floor area and two thirds or more of the headcount take part in the vote.',
    },
  },
  'OM-SPECIAL': {
    id: 'OM-SPECIAL',
    citation: OM_CITATIONS.vote,
    text: {
      'zh-CN':
        '筹集维修资金、改建重建、改变共有部分用途或利用共有部分经营，应经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意。',
      en: 'Raising maintenance funds, rebuilding, and changing the use of common parts or using them for business need three quarters or more of the participating area and of the participating owners.',
    },
  },
  'OM-ORDINARY': {
    id: 'OM-ORDINARY',
    citation: OM_CITATIONS.vote,
    text: {
      'zh-CN': '其他事项（包括使用建筑物及其附属设施的维修资金）应经参与表决专有部分面积过半数且参与表决人数过半数的业主同意。',
      en: 'Other matters — including using the maintenance funds — need more than half of the participating area and of the participating owners.',
    },
  },
  'OM-COMMITTEE': {
    id: 'OM-COMMITTEE',
    citation: OM_CITATIONS.committee,
    text: {
      'zh-CN': '业主委员会会议应有三分之二以上委员出席，决定须经全体委员过半数同意，并于作出决定之日起3日内公告。',
      en: 'Two thirds or more of the members attend; decisions need more than half of all members; they are posted within 3 days.',
    },
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Exact numbers

/** An area in square metres with at most two decimals, as an integer of hundredths (12345.6 → 1234560n). */
export function areaHundredths(value: number | string): bigint {
  const parsed = parseFixedDecimal(value, 2);
  if (parsed === null) throw new RangeError(`Not an area with at most two decimals: ${String(value)}`);
  return parsed;
}

/** Hundredths back to the text shown to people ("1234.50"). */
export function formatArea(hundredths: bigint): string {
  const whole = hundredths / 100n;
  const cents = (hundredths % 100n).toString().padStart(2, '0');
  return `${whole.toString()}.${cents}`;
}

function ratioText(part: string | number, whole: string | number): string {
  return `${String(part)} / ${String(whole)}`;
}

const yes = (passed: boolean): LocalizedText => (passed ? { 'zh-CN': '符合', en: 'met' } : { 'zh-CN': '不符合', en: 'not met' });

/** An instant shown as China time, minutes precision ("2026-06-19 00:00"). */
export function chinaDateTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Notice and informing the residents' committee

export interface NoticeFacts {
  meetingType: MeetingType;
  /** The day members were notified (owners for an assembly, committee members for a committee meeting). */
  noticeDate: IsoDate;
  meetingDate: IsoDate;
  /** The day the residents' committee was informed (the workflow informs it on the day of registration). */
  residentsCommitteeInformedDate?: IsoDate;
  /**
   * The day the system informs the residents' committee (the registration day). A date the registrant declares in
   * the past does not bind the residents' committee (domain §4): its opinion period runs from this day.
   */
  systemInformedDate?: IsoDate;
}

/** OM-NOTICE: owners notified `noticeDays` or more before an assembly meeting (exactly 15 days passes, 14 does not). */
export function checkNotice(facts: NoticeFacts, params: OwnersMeetingParameters = OM_PARAMETERS): RuleResult {
  const days = daysBetween(facts.noticeDate, facts.meetingDate);
  const passed = isAtLeastDaysBefore(facts.noticeDate, facts.meetingDate, params.noticeDays);
  const earliest = addDays(facts.noticeDate, params.noticeDays);
  return {
    id: 'OM-NOTICE',
    passed,
    citation: OM_CITATIONS.notice,
    detail: {
      'zh-CN': `业主于 ${facts.noticeDate} 被通知，会议定于 ${facts.meetingDate}，提前 ${days} 日；要求提前 ${params.noticeDays} 日以上：${yes(passed)['zh-CN']}${passed ? '' : `，按此通知日期最早可于 ${earliest} 召开`}。`,
      en: `Owners notified on ${facts.noticeDate}, meeting on ${facts.meetingDate}: ${days} days ahead; ${params.noticeDays} or more required: ${yes(passed).en}${passed ? '' : `; with this notice the earliest meeting date is ${earliest}`}.`,
    },
    values: {
      noticeDate: facts.noticeDate,
      meetingDate: facts.meetingDate,
      daysBefore: days,
      requiredDays: params.noticeDays,
      earliestMeetingDate: earliest,
    },
  };
}

/** The last day on which the residents' committee can give its opinion (OM-OPINION parameter). */
export function opinionLastDay(meetingDate: IsoDate, params: OwnersMeetingParameters = OM_PARAMETERS): IsoDate {
  return addDays(meetingDate, -params.opinionDaysBeforeMeeting);
}

/**
 * OM-INFORM: for an assembly the residents' committee is informed no later than the owners (物业管理条例 Art. 14,
 * "同时告知"); for either meeting it is informed no later than the last day for its opinion, so it can be heard.
 */
export function checkInform(
  facts: NoticeFacts & { residentsCommitteeInformedDate: IsoDate },
  params: OwnersMeetingParameters = OM_PARAMETERS,
): RuleResult {
  const informed = facts.residentsCommitteeInformedDate;
  // The opinion period runs from when the system tells the residents' committee, never from an earlier declared date.
  const told = facts.systemInformedDate && facts.systemInformedDate > informed ? facts.systemInformedDate : informed;
  const declaredEarlier = told !== informed;
  const lastDay = opinionLastDay(facts.meetingDate, params);
  const withOwners = facts.meetingType === 'assembly' ? informed <= facts.noticeDate : true;
  const intime = told <= lastDay;
  const passed = withOwners && intime;
  const toldZh = declaredEarlier ? `；系统于 ${told} 告知居委会，提出意见的期间自该日起算` : '';
  const toldEn = declaredEarlier ? `; the system informs it on ${told}, and its opinion period runs from that day` : '';
  const zh =
    facts.meetingType === 'assembly'
      ? `居委会于 ${informed} 被告知，业主于 ${facts.noticeDate} 被通知（应同时告知：${yes(withOwners)['zh-CN']}）${toldZh}；居委会提出意见的最后一日为 ${lastDay}（${yes(intime)['zh-CN']}）。`
      : `居委会于 ${informed} 被告知业主委员会会议${toldZh}，提出意见的最后一日为 ${lastDay}（会议前 ${params.opinionDaysBeforeMeeting} 日）：${yes(intime)['zh-CN']}。`;
  const en =
    facts.meetingType === 'assembly'
      ? `Residents' committee informed on ${informed}, owners on ${facts.noticeDate} (at the same time: ${yes(withOwners).en})${toldEn}; last day for its opinion ${lastDay} (${yes(intime).en}).`
      : `Residents' committee informed of the committee meeting on ${informed}${toldEn}; last day for its opinion ${lastDay} (${params.opinionDaysBeforeMeeting} days before the meeting): ${yes(intime).en}.`;
  return {
    id: 'OM-INFORM',
    passed,
    citation: facts.meetingType === 'assembly' ? OM_CITATIONS.informAssembly : OM_CITATIONS.informCommittee,
    detail: { 'zh-CN': zh, en },
    values: {
      meetingType: facts.meetingType,
      informedDate: informed,
      systemInformedDate: facts.systemInformedDate ?? null,
      noticeDate: facts.noticeDate,
      meetingDate: facts.meetingDate,
      opinionLastDay: lastDay,
      opinionDaysBeforeMeeting: params.opinionDaysBeforeMeeting,
      informedWithOwners: withOwners,
      informedInTime: intime,
    },
  };
}

/** The rules a meeting's registration must pass: OM-NOTICE (assembly) and OM-INFORM. */
export function noticeRules(
  facts: NoticeFacts & { residentsCommitteeInformedDate: IsoDate },
  params: OwnersMeetingParameters = OM_PARAMETERS,
): RuleResult[] {
  return [...(facts.meetingType === 'assembly' ? [checkNotice(facts, params)] : []), checkInform(facts, params)];
}

/**
 * The earliest meeting date the notice rules allow when members and the residents' committee are notified on the
 * later of the two dates given (a late notice is refused with this suggestion).
 */
export function earliestValidMeetingDate(
  facts: Omit<NoticeFacts, 'meetingDate'>,
  params: OwnersMeetingParameters = OM_PARAMETERS,
): IsoDate {
  const declared = facts.residentsCommitteeInformedDate ?? facts.noticeDate;
  const informed = facts.systemInformedDate && facts.systemInformedDate > declared ? facts.systemInformedDate : declared;
  if (facts.meetingType === 'assembly') {
    const notified = informed > facts.noticeDate ? informed : facts.noticeDate;
    const byNotice = addDays(notified, params.noticeDays);
    const byOpinion = addDays(informed, params.opinionDaysBeforeMeeting);
    return byNotice > byOpinion ? byNotice : byOpinion;
  }
  const byOpinion = addDays(informed, params.opinionDaysBeforeMeeting);
  return byOpinion > facts.noticeDate ? byOpinion : facts.noticeDate;
}

/**
 * Results are recorded after the meeting is held: the votes task opens at the start of the meeting day, China time
 * (UTC+8, no DST). Until then there is nothing to record.
 */
export function votesOpenAt(meetingDate: IsoDate): string {
  return new Date(`${meetingDate}T00:00:00+08:00`).toISOString();
}

// ---------------------------------------------------------------------------------------------------------------
// The residents' committee's opinion and suggestions

export type OpinionStatus = 'given' | 'none-by-deadline';

/** OM-OPINION: an opinion given before the deadline, or "none given by the deadline" (failed: never consent). */
export function checkOpinion(facts: { status: OpinionStatus; deadline: string; givenAt?: string }): RuleResult {
  const given = facts.status === 'given';
  const due = chinaDateTime(facts.deadline);
  return {
    id: 'OM-OPINION',
    passed: given,
    citation: OM_CITATIONS.opinion,
    detail: given
      ? {
          'zh-CN': `居委会已于 ${chinaDateTime(facts.givenAt ?? facts.deadline)} 提出意见（截止 ${due}，北京时间）。`,
          en: `The residents' committee gave its opinion at ${chinaDateTime(facts.givenAt ?? facts.deadline)} (deadline ${due}, China time).`,
        }
      : {
          'zh-CN': `截至 ${due}（北京时间）居委会未提出意见：记为“截止时未提出意见”，不视为同意。`,
          en: `No opinion from the residents' committee by ${due} (China time): recorded as "none given by the deadline", not as consent.`,
        },
    values: { status: facts.status, deadline: facts.deadline, givenAt: facts.givenAt ?? null },
  };
}

export type SuggestionStatus = 'given' | 'none' | 'none-by-deadline';

/** OM-REPORT: the decisions were reported to the residents' committee; whether it made suggestions. */
export function checkReport(facts: { reportedAt: string; status: SuggestionStatus; deadline: string }): RuleResult {
  const said: LocalizedText =
    facts.status === 'given'
      ? { 'zh-CN': '居委会提出了建议', en: "the residents' committee made suggestions" }
      : facts.status === 'none'
        ? { 'zh-CN': '居委会表示无建议', en: "the residents' committee had no suggestions" }
        : {
            'zh-CN': `居委会在 ${chinaDateTime(facts.deadline)} 前未提出建议`,
            en: `no suggestions by ${chinaDateTime(facts.deadline)}`,
          };
  return {
    id: 'OM-REPORT',
    passed: true,
    citation: OM_CITATIONS.report,
    detail: {
      'zh-CN': `会议决定已于 ${chinaDateTime(facts.reportedAt)} 告知居委会；${said['zh-CN']}。`,
      en: `The decisions were reported to the residents' committee at ${chinaDateTime(facts.reportedAt)}; ${said.en}.`,
    },
    values: { reportedAt: facts.reportedAt, suggestions: facts.status, deadline: facts.deadline },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Assembly votes (民法典 Art. 278)

export interface AssemblyVotes {
  totalArea: number | string;
  totalOwners: number;
  participatingArea: number | string;
  participatingOwners: number;
  items: { title: string; matter: Matter; areaFor: number | string; ownersFor: number }[];
}

export interface ItemDecision {
  title: string;
  matter: Matter;
  passed: boolean;
}

export interface MeetingDecision {
  /** Quorum of the meeting: OM-TURNOUT for an assembly, the attendance part of OM-COMMITTEE for a committee. */
  quorum: boolean;
  rules: RuleResult[];
  items: ItemDecision[];
}

/** OM-TURNOUT: two thirds or more of the area AND two thirds or more of the headcount take part. */
export function checkTurnout(votes: Omit<AssemblyVotes, 'items'>): RuleResult {
  const total = areaHundredths(votes.totalArea);
  const part = areaHundredths(votes.participatingArea);
  const areaOk = total > 0n && atLeast(part, total, 2, 3);
  const ownersOk = votes.totalOwners > 0 && atLeast(votes.participatingOwners, votes.totalOwners, 2, 3);
  const passed = areaOk && ownersOk;
  return {
    id: 'OM-TURNOUT',
    passed,
    citation: OM_CITATIONS.vote,
    detail: {
      'zh-CN': `参与表决的专有部分面积 ${ratioText(formatArea(part), formatArea(total))} ㎡（要求三分之二以上：${yes(areaOk)['zh-CN']}）；参与表决人数 ${ratioText(votes.participatingOwners, votes.totalOwners)}（要求三分之二以上：${yes(ownersOk)['zh-CN']}）。`,
      en: `Participating floor area ${ratioText(formatArea(part), formatArea(total))} m² (two thirds or more: ${yes(areaOk).en}); participating owners ${ratioText(votes.participatingOwners, votes.totalOwners)} (two thirds or more: ${yes(ownersOk).en}).`,
    },
    values: {
      totalArea: formatArea(total),
      participatingArea: formatArea(part),
      totalOwners: votes.totalOwners,
      participatingOwners: votes.participatingOwners,
      required: '2/3',
      areaMet: areaOk,
      ownersMet: ownersOk,
    },
  };
}

/**
 * OM-SPECIAL (three quarters or more) or OM-ORDINARY (more than half) of the participating area AND of the
 * participating owners. The result is the vote alone; an item passes only when the meeting also had its quorum.
 */
export function checkAssemblyItem(
  item: AssemblyVotes['items'][number],
  participation: { participatingArea: number | string; participatingOwners: number },
  quorum: boolean,
): RuleResult {
  const part = areaHundredths(participation.participatingArea);
  const forArea = areaHundredths(item.areaFor);
  const special = item.matter === 'special';
  const someone = part > 0n && participation.participatingOwners > 0;
  const areaOk = someone && (special ? atLeast(forArea, part, 3, 4) : moreThan(forArea, part, 1, 2));
  const ownersOk =
    someone &&
    (special
      ? atLeast(item.ownersFor, participation.participatingOwners, 3, 4)
      : moreThan(item.ownersFor, participation.participatingOwners, 1, 2));
  const passed = areaOk && ownersOk;
  const need: LocalizedText = special
    ? { 'zh-CN': '四分之三以上', en: 'three quarters or more' }
    : { 'zh-CN': '过半数', en: 'more than half' };
  const noQuorum: LocalizedText = quorum
    ? { 'zh-CN': '', en: '' }
    : { 'zh-CN': '会议未达到参与表决要求，该事项不能通过。', en: ' The meeting lacked its quorum, so the item cannot pass.' };
  return {
    id: special ? 'OM-SPECIAL' : 'OM-ORDINARY',
    passed,
    citation: OM_CITATIONS.vote,
    detail: {
      'zh-CN': `“${item.title}”：同意的专有部分面积 ${ratioText(formatArea(forArea), formatArea(part))} ㎡（要求${need['zh-CN']}：${yes(areaOk)['zh-CN']}）；同意人数 ${ratioText(item.ownersFor, participation.participatingOwners)}（要求${need['zh-CN']}：${yes(ownersOk)['zh-CN']}）。${noQuorum['zh-CN']}`,
      en: `"${item.title}": area in favour ${ratioText(formatArea(forArea), formatArea(part))} m² (${need.en}: ${yes(areaOk).en}); owners in favour ${ratioText(item.ownersFor, participation.participatingOwners)} (${need.en}: ${yes(ownersOk).en}).${noQuorum.en}`,
    },
    values: {
      item: item.title,
      matter: item.matter,
      areaFor: formatArea(forArea),
      participatingArea: formatArea(part),
      ownersFor: item.ownersFor,
      participatingOwners: participation.participatingOwners,
      required: special ? '>=3/4' : '>1/2',
      areaMet: areaOk,
      ownersMet: ownersOk,
      quorum,
    },
  };
}

/** Which items of an assembly meeting passed: OM-TURNOUT, then OM-SPECIAL / OM-ORDINARY per item. */
export function decideAssembly(votes: AssemblyVotes): MeetingDecision {
  const turnout = checkTurnout(votes);
  const itemRules = votes.items.map((item) => checkAssemblyItem(item, votes, turnout.passed));
  return {
    quorum: turnout.passed,
    rules: [turnout, ...itemRules],
    items: votes.items.map((item, i) => ({
      title: item.title,
      matter: item.matter,
      passed: turnout.passed && itemRules[i]!.passed,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Owners' committee meetings (山东省物业管理条例 Art. 32)

export interface CommitteeVotes {
  committeeMembers: number;
  committeeMembersPresent: number;
  items: { title: string; matter?: Matter; membersFor: number }[];
}

/** OM-COMMITTEE (attendance): two thirds or more of the members present. */
export function checkCommitteeQuorum(votes: Omit<CommitteeVotes, 'items'>): RuleResult {
  const passed = votes.committeeMembers > 0 && atLeast(votes.committeeMembersPresent, votes.committeeMembers, 2, 3);
  return {
    id: 'OM-COMMITTEE',
    passed,
    citation: OM_CITATIONS.committee,
    detail: {
      'zh-CN': `出席委员 ${ratioText(votes.committeeMembersPresent, votes.committeeMembers)}，要求三分之二以上委员出席：${yes(passed)['zh-CN']}。`,
      en: `Members present ${ratioText(votes.committeeMembersPresent, votes.committeeMembers)}; two thirds or more required: ${yes(passed).en}.`,
    },
    values: {
      check: 'quorum',
      committeeMembers: votes.committeeMembers,
      committeeMembersPresent: votes.committeeMembersPresent,
      required: '>=2/3',
    },
  };
}

/** OM-COMMITTEE (decision): more than half of ALL members (not of those present) in favour. */
export function checkCommitteeDecision(
  item: CommitteeVotes['items'][number],
  committeeMembers: number,
  quorum: boolean,
): RuleResult {
  const passed = moreThan(item.membersFor, committeeMembers, 1, 2);
  const noQuorum: LocalizedText = quorum
    ? { 'zh-CN': '', en: '' }
    : { 'zh-CN': '会议出席人数不足，不能作出决定。', en: ' The meeting lacked its quorum, so it cannot decide.' };
  return {
    id: 'OM-COMMITTEE',
    passed,
    citation: OM_CITATIONS.committee,
    detail: {
      'zh-CN': `“${item.title}”：同意委员 ${ratioText(item.membersFor, committeeMembers)}（全体委员），要求全体委员过半数：${yes(passed)['zh-CN']}。${noQuorum['zh-CN']}`,
      en: `"${item.title}": members in favour ${ratioText(item.membersFor, committeeMembers)} (of all members); more than half of all members required: ${yes(passed).en}.${noQuorum.en}`,
    },
    values: {
      check: 'decision',
      item: item.title,
      membersFor: item.membersFor,
      committeeMembers,
      required: '>1/2 of all members',
      quorum,
    },
  };
}

/** Which items of an owners' committee meeting passed. */
export function decideCommittee(votes: CommitteeVotes): MeetingDecision {
  const quorum = checkCommitteeQuorum(votes);
  const itemRules = votes.items.map((item) => checkCommitteeDecision(item, votes.committeeMembers, quorum.passed));
  return {
    quorum: quorum.passed,
    rules: [quorum, ...itemRules],
    items: votes.items.map((item, i) => ({
      title: item.title,
      matter: item.matter ?? 'ordinary',
      passed: quorum.passed && itemRules[i]!.passed,
    })),
  };
}

/** OM-COMMITTEE (posting): committee decisions posted by the last day of the 3-day period (statutory clock). */
export function checkCommitteePosting(facts: { meetingDate: IsoDate; lastDay: IsoDate; postedOn: IsoDate }): RuleResult {
  const passed = facts.postedOn <= facts.lastDay;
  return {
    id: 'OM-COMMITTEE',
    passed,
    citation: OM_CITATIONS.committee,
    detail: {
      'zh-CN': `决定于 ${facts.meetingDate} 作出，${facts.postedOn} 公告；应于 ${facts.lastDay} 前（3日内）公告：${yes(passed)['zh-CN']}。`,
      en: `Decided on ${facts.meetingDate}, posted on ${facts.postedOn}; due by ${facts.lastDay} (within 3 days): ${yes(passed).en}.`,
    },
    values: { check: 'posting', meetingDate: facts.meetingDate, postedOn: facts.postedOn, lastDay: facts.lastDay },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The public vote check: every rule a meeting's facts decide, and which items passed

export interface VoteCheckFacts extends NoticeFacts {
  totalArea?: number;
  totalOwners?: number;
  participatingArea?: number;
  participatingOwners?: number;
  /** For a committee meeting `ownersFor` is the number of members in favour; `areaFor` is not used. */
  items: { title: string; matter: Matter; areaFor?: number; ownersFor: number }[];
  committeeMembers?: number;
  committeeMembersPresent?: number;
}

/**
 * Checks a meeting's facts (already validated: see `voteCheckInput`): OM-NOTICE for an assembly, OM-INFORM when
 * the residents' committee's informing date is given, then the vote rules; an item passes only with the quorum.
 */
export function checkMeeting(
  facts: VoteCheckFacts,
  params: OwnersMeetingParameters = OM_PARAMETERS,
): { rules: RuleResult[]; items: { title: string; passed: boolean }[] } {
  const notice: RuleResult[] = [
    ...(facts.meetingType === 'assembly' ? [checkNotice(facts, params)] : []),
    ...(facts.residentsCommitteeInformedDate
      ? [checkInform({ ...facts, residentsCommitteeInformedDate: facts.residentsCommitteeInformedDate }, params)]
      : []),
  ];
  const decision =
    facts.meetingType === 'assembly'
      ? decideAssembly({
          totalArea: facts.totalArea ?? 0,
          totalOwners: facts.totalOwners ?? 0,
          participatingArea: facts.participatingArea ?? 0,
          participatingOwners: facts.participatingOwners ?? 0,
          items: facts.items.map((i) => ({ title: i.title, matter: i.matter, areaFor: i.areaFor ?? 0, ownersFor: i.ownersFor })),
        })
      : decideCommittee({
          committeeMembers: facts.committeeMembers ?? 0,
          committeeMembersPresent: facts.committeeMembersPresent ?? 0,
          items: facts.items.map((i) => ({ title: i.title, matter: i.matter, membersFor: i.ownersFor })),
        });
  return { rules: [...notice, ...decision.rules], items: decision.items.map((i) => ({ title: i.title, passed: i.passed })) };
}
