import { z } from 'zod';
import { isValidIsoDate } from '../clock';
import { bilingualIssue } from '../validation';

/**
 * Inputs of the public election checks (eligibility, result, timeline). Impossible input is a 400 with field
 * errors, not a failed rule: an impossible date, a birth after election day, more votes cast than voters, a candidate
 * with more votes than ballots, more votes in total than the ballots allow.
 */
export const isoDate = z.string().refine(isValidIsoDate, {
  message: 'A real date as YYYY-MM-DD',
  params: { zh: '日期须为真实存在的 YYYY-MM-DD', code: 'invalid_date' },
});
export const voteCount = z.number().int().min(0).max(100_000_000);
const dates = (...values: (string | undefined)[]) => values.every((v) => v === undefined || isValidIsoDate(v));

export const eligibilityCheckInput = z
  .object({
    electionDate: isoDate,
    birthDate: isoDate,
    residenceSince: isoDate,
    hasLegalFixedResidence: z.boolean(),
    politicalRightsDeprived: z.boolean(),
    appliedInPerson: z.boolean(),
    registeredElsewhere: z.boolean(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!dates(v.electionDate, v.birthDate, v.residenceSince)) return;
    if (v.birthDate > v.electionDate)
      ctx.addIssue(bilingualIssue(['birthDate'], 'after_election', '出生日期晚于选举日', 'Born after election day'));
    if (v.residenceSince < v.birthDate)
      ctx.addIssue(
        bilingualIssue(['residenceSince'], 'before_birth', '居住起始日期早于出生日期', 'Residence begins before birth'),
      );
  });

export type EligibilityCheckInput = z.infer<typeof eligibilityCheckInput>;

const candidateName = z.string().trim().min(1).max(100);

/** The vote counts of one round; `seats` are the seats of this round. */
export const resultFigures = z
  .object({
    registeredVoters: voteCount.min(1),
    votesCast: voteCount,
    seats: z.number().int().min(1).max(50),
    round: z.enum(['first', 'runoff']),
    candidates: z
      .array(z.object({ name: candidateName, votes: voteCount }).strict())
      .min(1)
      .max(200),
  })
  .strict();

/** Cross-field checks of vote counts; also used by the workflow's results form. */
export function voteCountIssues(v: {
  registeredVoters?: number;
  votesCast: number;
  seats: number;
  candidates: { name: string; votes: number }[];
}) {
  const issues: ReturnType<typeof bilingualIssue>[] = [];
  if (v.registeredVoters !== undefined && v.votesCast > v.registeredVoters) {
    issues.push(
      bilingualIssue(['votesCast'], 'exceeds_voters', '投票人数多于登记选民人数', 'More votes cast than registered voters'),
    );
  }
  const seen = new Set<string>();
  v.candidates.forEach((c, i) => {
    if (c.votes > v.votesCast)
      issues.push(
        bilingualIssue(
          ['candidates', i, 'votes'],
          'exceeds_ballots',
          '候选人得票多于投票人数',
          'A candidate has more votes than ballots cast',
        ),
      );
    if (seen.has(c.name))
      issues.push(bilingualIssue(['candidates', i, 'name'], 'duplicate', '候选人姓名重复', 'The same candidate twice'));
    seen.add(c.name);
  });
  const total = v.candidates.reduce((sum, c) => sum + c.votes, 0);
  if (total > v.votesCast * v.seats) {
    issues.push(
      bilingualIssue(
        ['candidates'],
        'exceeds_ballot_capacity',
        `得票总数 ${total} 超过选票所能容纳的 ${v.votesCast * v.seats} 票（每张选票最多选 ${v.seats} 人）`,
        `Total votes ${total} exceed what ${v.votesCast} ballots of ${v.seats} seats allow (${v.votesCast * v.seats})`,
      ),
    );
  }
  return issues;
}

/** The public result check: the figures, and election day (the reference date of the rule set; today when absent). */
export const resultCheckInput = resultFigures
  .extend({ electionDate: isoDate.optional() })
  .superRefine((v, ctx) => voteCountIssues(v).forEach((issue) => ctx.addIssue(issue)));

export type ResultCheckInput = z.infer<typeof resultCheckInput>;

export const timelineCheckInput = z
  .object({
    electionDate: isoDate,
    listPublishedDate: isoDate,
    objectionDate: isoDate.optional(),
    answerDate: isoDate.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!dates(v.electionDate, v.listPublishedDate, v.objectionDate, v.answerDate)) return;
    if (v.listPublishedDate > v.electionDate)
      ctx.addIssue(
        bilingualIssue(
          ['listPublishedDate'],
          'after_election',
          '名单公布日期晚于选举日',
          'The list is published after election day',
        ),
      );
    if (v.objectionDate !== undefined && v.objectionDate < v.listPublishedDate)
      ctx.addIssue(
        bilingualIssue(
          ['objectionDate'],
          'before_publication',
          '异议日期早于名单公布日期',
          'The objection is before the list was published',
        ),
      );
    if (v.answerDate !== undefined && v.objectionDate === undefined)
      ctx.addIssue(
        bilingualIssue(
          ['objectionDate'],
          'required_with_answer',
          '有答复日期时须填写异议日期',
          'An answer date needs the objection date',
        ),
      );
    if (v.answerDate !== undefined && v.objectionDate !== undefined && v.answerDate < v.objectionDate)
      ctx.addIssue(
        bilingualIssue(['answerDate'], 'before_objection', '答复日期早于异议日期', 'The answer is before the objection'),
      );
  });

export type TimelineCheckInput = z.infer<typeof timelineCheckInput>;
