import { z } from 'zod';
import { isValidIsoDate } from '../clock';
import type { LocalizedText } from '../errors';
import { say, type Problem } from './owners-meeting-checks';
import { parseFixedDecimal } from '../rules/fraction';
import { ART278_ITEMS, matterOfArt278Item, type Art278Item, type Matter } from '../rules/owners-meeting';
import { bilingualIssue } from '../validation';

/**
 * Forms of the owners' meeting procedure (domain §4): the public vote check, the registration of a meeting, and the
 * task forms. The API, the workflow's Update validator and the web app validate with these same schemas; each
 * cross-field problem names its field and says what is wrong in both languages.
 */

/** An area larger than any estate (100 km²): keeps numbers far from floating-point exponent notation. */
export const MAX_AREA = 100_000_000;
export const MAX_OWNERS = 1_000_000;

// The checks the owners' meeting workflow makes against the case's facts live in ./owners-meeting-checks: the workflow
// imports them without evaluating these schemas (README, "Worker memory").
export { agendaProblems, postingProblems, toFieldErrors } from './owners-meeting-checks';

function report(ctx: z.RefinementCtx, problems: Problem[]): void {
  for (const p of problems) ctx.addIssue(bilingualIssue(p.path, p.code, p.message['zh-CN'], p.message.en));
}

export const isoDate = z
  .string()
  .refine(isValidIsoDate, {
    message: 'Not a real date (YYYY-MM-DD)',
    params: { code: 'invalid_date', zh: '不是有效的日期（格式 YYYY-MM-DD）' },
  })
  .meta({ format: 'date', examples: ['2026-06-01'] });

/** Square metres with at most two decimals, compared exactly (see domain/rules/owners-meeting.ts). */
export const area = z
  .number()
  .min(0)
  .max(MAX_AREA)
  .refine((v) => parseFixedDecimal(v, 2) !== null, {
    message: 'An area has at most two decimals',
    params: { code: 'too_many_decimals', zh: '面积最多保留两位小数' },
  })
  .meta({ description: 'm², at most two decimals' });

export const headcount = z.number().int().min(0).max(MAX_OWNERS);
export const meetingType = z.enum(['assembly', 'committee']);
export const matter = z
  .enum(['special', 'ordinary'])
  .meta({ description: 'special: 民法典 Art. 278 items (六)–(八); ordinary: every other matter' });
const title = z.string().trim().min(1).max(200);

/** Which item of 民法典 Art. 278 para. 1 an agenda item is ((一)–(九)); it decides the majority needed. */
export const art278Item = z.literal([1, 2, 3, 4, 5, 6, 7, 8, 9] as const satisfies readonly Art278Item[]).meta({
  description:
    '民法典 Art. 278 para. 1 item 1–9; 6, 7 and 8 need three quarters, the others (5: using maintenance funds) more than half',
});

/** The matter fields of an agenda item: the matter, or the Art. 278 item that decides it. */
const matterFields = { matter: matter.optional(), art278Item: art278Item.optional() };

interface MatterFields {
  matter?: Matter;
  art278Item?: Art278Item;
}

/** A `matter` contradicting the Art. 278 item named is refused (code matter_mismatch), naming what the law requires. */
function refineMatter(item: MatterFields, ctx: z.RefinementCtx): void {
  const problem = matterProblem(item.art278Item, item.matter);
  if (problem) ctx.addIssue(bilingualIssue(['matter'], 'matter_mismatch', problem['zh-CN'], problem.en));
}

/** Given its Art. 278 item, the law decides the matter (special for (六)–(八)); otherwise the matter given (default ordinary). */
function deriveMatter<T extends MatterFields>(item: T): T & { matter: Matter } {
  return { ...item, matter: item.art278Item ? matterOfArt278Item(item.art278Item) : (item.matter ?? 'ordinary') };
}

/** A matter that contradicts the Art. 278 item named: what the law requires instead. */
export function matterProblem(item: Art278Item | undefined, given: Matter | undefined): LocalizedText | undefined {
  if (item === undefined || given === undefined || matterOfArt278Item(item) === given) return undefined;
  const { numeral, text, matter: required } = ART278_ITEMS[item];
  return required === 'special'
    ? say(
        `《民法典》第二百七十八条第一款第（${numeral}）项“${text['zh-CN']}”须经四分之三以上同意，为特别事项`,
        `Civil Code Art. 278 item (${item}) "${text.en}" needs three quarters or more: a special matter`,
      )
    : say(
        `《民法典》第二百七十八条第一款第（${numeral}）项“${text['zh-CN']}”经过半数同意即可，为一般事项`,
        `Civil Code Art. 278 item (${item}) "${text.en}" needs more than half: an ordinary matter`,
      );
}
const text = z.string().trim().min(1).max(5000);

const hundredths = (v: number | undefined): bigint | null => (v === undefined ? null : parseFixedDecimal(v, 2));

function exceeds(part: number | undefined, whole: number | undefined, isArea: boolean): boolean {
  if (part === undefined || whole === undefined) return false;
  if (!isArea) return part > whole;
  const [p, w] = [hundredths(part), hundredths(whole)];
  return p !== null && w !== null && p > w;
}

/** Owners holding area without a headcount (or the reverse) cannot happen: every owner holds some area. */
function mismatchedZero(areaValue: number | undefined, owners: number | undefined): 'area' | 'owners' | null {
  if (areaValue === undefined || owners === undefined) return null;
  const a = hundredths(areaValue);
  if (a === null) return null;
  if (a > 0n && owners === 0) return 'owners';
  if (a === 0n && owners > 0) return 'area';
  return null;
}

interface Participation {
  totalArea?: number;
  totalOwners?: number;
  participatingArea?: number;
  participatingOwners?: number;
}

/** Participation within the totals, and a headcount with every area (and the reverse). */
export function participationProblems(p: Participation, prefix: (string | number)[] = []): Problem[] {
  const problems: Problem[] = [];
  if (exceeds(p.participatingArea, p.totalArea, true)) {
    problems.push({
      path: [...prefix, 'participatingArea'],
      code: 'exceeds_total',
      message: say('参与表决的面积不能大于总面积', 'Participating area cannot exceed the total area'),
    });
  }
  if (exceeds(p.participatingOwners, p.totalOwners, false)) {
    problems.push({
      path: [...prefix, 'participatingOwners'],
      code: 'exceeds_total',
      message: say('参与表决人数不能大于业主总人数', 'Participating owners cannot exceed the total owners'),
    });
  }
  const zero = mismatchedZero(p.participatingArea, p.participatingOwners);
  if (zero) {
    problems.push({
      path: [...prefix, zero === 'owners' ? 'participatingOwners' : 'participatingArea'],
      code: 'inconsistent',
      message: say(
        '参与表决的面积与人数须同时为零或同时大于零',
        'Participating area and owners are both zero or both above zero',
      ),
    });
  }
  return problems;
}

/** Votes in favour within the participation, per item. */
export function itemVoteProblems(
  items: readonly { areaFor?: number; ownersFor: number }[],
  p: { participatingArea?: number; participatingOwners?: number },
  path: (string | number)[],
  ownersField = 'ownersFor',
): Problem[] {
  return items.flatMap((item, i) => {
    const problems: Problem[] = [];
    if (exceeds(item.areaFor, p.participatingArea, true)) {
      problems.push({
        path: [...path, i, 'areaFor'],
        code: 'exceeds_participation',
        message: say('同意的面积不能大于参与表决的面积', 'Area in favour cannot exceed the participating area'),
      });
    }
    if (exceeds(item.ownersFor, p.participatingOwners, false)) {
      problems.push({
        path: [...path, i, ownersField],
        code: 'exceeds_participation',
        message: say('同意人数不能大于参与表决人数', 'Owners in favour cannot exceed the participating owners'),
      });
    }
    const zero = mismatchedZero(item.areaFor, item.ownersFor);
    if (zero) {
      problems.push({
        path: [...path, i, zero === 'owners' ? ownersField : 'areaFor'],
        code: 'inconsistent',
        message: say('同意的面积与人数须同时为零或同时大于零', 'Area and owners in favour are both zero or both above zero'),
      });
    }
    return problems;
  });
}

function required(value: unknown, path: (string | number)[], zh: string, en: string): Problem[] {
  return value === undefined ? [{ path, code: 'required', message: say(zh, en) }] : [];
}

function datesProblems(v: { noticeDate: string; meetingDate: string }): Problem[] {
  if (!isValidIsoDate(v.noticeDate) || !isValidIsoDate(v.meetingDate) || v.meetingDate >= v.noticeDate) return [];
  return [
    {
      path: ['meetingDate'],
      code: 'before_notice',
      message: say('会议日期不能早于通知日期', 'The meeting cannot be before the notice'),
    },
  ];
}

function duplicateTitles(items: readonly { title: string }[]): Problem[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    if (!seen.has(item.title)) {
      seen.add(item.title);
      return [];
    }
    return [
      { path: ['items', i, 'title'], code: 'duplicate', message: say('议题名称重复', 'Two agenda items have the same title') },
    ];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The public vote check: POST /api/v1/owners-meetings/vote-check

export const voteCheckInput = z
  .object({
    meetingType,
    noticeDate: isoDate,
    meetingDate: isoDate,
    residentsCommitteeInformedDate: isoDate.optional(),
    totalArea: area.optional(),
    totalOwners: headcount.optional(),
    participatingArea: area.optional(),
    participatingOwners: headcount.optional(),
    items: z
      .array(
        z
          .object({
            title,
            ...matterFields,
            areaFor: area.optional(),
            /** For a committee meeting: the members in favour. */
            ownersFor: headcount,
          })
          .strict()
          .superRefine(refineMatter)
          .transform(deriveMatter),
      )
      .min(1)
      .max(100),
    committeeMembers: z.number().int().min(1).max(100).optional(),
    committeeMembersPresent: z.number().int().min(0).max(100).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const problems = [...datesProblems(v), ...duplicateTitles(v.items)];
    if (v.meetingType === 'assembly') {
      const need = 'required for an assembly meeting';
      problems.push(
        ...required(v.totalArea, ['totalArea'], '业主大会会议须填写总面积', `totalArea is ${need}`),
        ...required(v.totalOwners, ['totalOwners'], '业主大会会议须填写业主总人数', `totalOwners is ${need}`),
        ...required(
          v.participatingArea,
          ['participatingArea'],
          '业主大会会议须填写参与表决的面积',
          `participatingArea is ${need}`,
        ),
        ...required(
          v.participatingOwners,
          ['participatingOwners'],
          '业主大会会议须填写参与表决人数',
          `participatingOwners is ${need}`,
        ),
        ...v.items.flatMap((item, i) =>
          required(item.areaFor, ['items', i, 'areaFor'], '业主大会会议须填写同意的面积', `areaFor is ${need}`),
        ),
      );
      if (v.totalArea === 0)
        problems.push({ path: ['totalArea'], code: 'too_small', message: say('总面积须大于零', 'The total area is above zero') });
      if (v.totalOwners === 0)
        problems.push({
          path: ['totalOwners'],
          code: 'too_small',
          message: say('业主总人数须大于零', 'The total owners are above zero'),
        });
      problems.push(...participationProblems(v), ...itemVoteProblems(v.items, v, ['items']));
    } else {
      const need = 'required for a committee meeting';
      problems.push(
        ...required(v.committeeMembers, ['committeeMembers'], '业主委员会会议须填写委员人数', `committeeMembers is ${need}`),
        ...required(
          v.committeeMembersPresent,
          ['committeeMembersPresent'],
          '业主委员会会议须填写出席委员人数',
          `committeeMembersPresent is ${need}`,
        ),
      );
      if (exceeds(v.committeeMembersPresent, v.committeeMembers, false)) {
        problems.push({
          path: ['committeeMembersPresent'],
          code: 'exceeds_total',
          message: say('出席委员不能多于委员人数', 'Members present cannot exceed the members'),
        });
      }
      v.items.forEach((item, i) => {
        if (exceeds(item.ownersFor, v.committeeMembersPresent, false)) {
          problems.push({
            path: ['items', i, 'ownersFor'],
            code: 'exceeds_participation',
            message: say('同意的委员不能多于出席委员', 'Members in favour cannot exceed the members present'),
          });
        }
      });
      problems.push(...participationProblems(v));
    }
    report(ctx, problems);
  });

export type VoteCheckInput = z.infer<typeof voteCheckInput>;

// ---------------------------------------------------------------------------------------------------------------
// Registering a meeting: POST /api/v1/owners-meetings (the owners' committee, for its own committee)

export const registerOwnersMeetingBody = z
  .object({
    meetingType,
    /** 定期会议 or 临时会议. */
    kind: z.enum(['regular', 'interim']),
    meetingDate: isoDate,
    place: title,
    /** The day the members were notified (owners for an assembly, committee members for a committee meeting). */
    noticeDate: isoDate,
    /** When the residents' committee was already informed outside the system; otherwise the registration informs it today. */
    residentsCommitteeInformedDate: isoDate.optional(),
    items: z
      .array(
        z
          .object({ title, ...matterFields })
          .strict()
          .superRefine(refineMatter)
          .transform(deriveMatter),
      )
      .min(1)
      .max(50),
  })
  .strict()
  .superRefine((v, ctx) => report(ctx, [...datesProblems(v), ...duplicateTitles(v.items)]));

export type RegisterOwnersMeeting = z.infer<typeof registerOwnersMeetingBody>;

// ---------------------------------------------------------------------------------------------------------------
// Task forms

/** OM-OPINION: the residents' committee's opinion on the announced meeting. */
export const ownersMeetingOpinionForm = z.object({ opinion: text }).strict();

/** After an assembly meeting: the estate's totals, who took part, and the votes in favour per agenda item (in order). */
export const assemblyVotesForm = z
  .object({
    totalArea: area.refine((v) => v > 0, {
      message: 'The total area is above zero',
      params: { code: 'too_small', zh: '总面积须大于零' },
    }),
    totalOwners: headcount.min(1),
    participatingArea: area,
    participatingOwners: headcount,
    votes: z
      .array(z.object({ areaFor: area, ownersFor: headcount }).strict())
      .min(1)
      .max(50),
  })
  .strict()
  .superRefine((v, ctx) => report(ctx, [...participationProblems(v), ...itemVoteProblems(v.votes, v, ['votes'])]));

/** After an owners' committee meeting: members, members present, members in favour per agenda item (in order). */
export const committeeVotesForm = z
  .object({
    committeeMembers: z.number().int().min(1).max(100),
    membersPresent: z.number().int().min(0).max(100),
    votes: z
      .array(z.object({ membersFor: z.number().int().min(0).max(100) }).strict())
      .min(1)
      .max(50),
  })
  .strict()
  .superRefine((v, ctx) => {
    const problems: Problem[] = [];
    if (v.membersPresent > v.committeeMembers) {
      problems.push({
        path: ['membersPresent'],
        code: 'exceeds_total',
        message: say('出席委员不能多于委员人数', 'Members present cannot exceed the members'),
      });
    }
    v.votes.forEach((vote, i) => {
      if (vote.membersFor > v.membersPresent) {
        problems.push({
          path: ['votes', i, 'membersFor'],
          code: 'exceeds_participation',
          message: say('同意的委员不能多于出席委员', 'Members in favour cannot exceed the members present'),
        });
      }
    });
    report(ctx, problems);
  });

/** OM-REPORT: the residents' committee acknowledges the decisions, with suggestions or none. */
export const ownersMeetingReportForm = z.object({ suggestions: text.optional() }).strict();

/** The decisions were posted in the estate (committee decisions within 3 days). */
export const ownersMeetingPostForm = z.object({ postedOn: isoDate, place: title }).strict();

/** The task forms of this procedure by form id (domain/forms/index.ts `FORMS`; loaded alone by `loadFormSchema`). */
export const OWNERS_MEETING_FORMS = {
  'owners-meeting.opinion': ownersMeetingOpinionForm,
  'owners-meeting.assembly-votes': assemblyVotesForm,
  'owners-meeting.committee-votes': committeeVotesForm,
  'owners-meeting.report': ownersMeetingReportForm,
  'owners-meeting.post': ownersMeetingPostForm,
} as const;
