import { z } from 'zod';
import { matter, meetingType, type voteCheckInput } from '../../domain/forms/owners-meeting';
import { caseStatus } from './cases';
import { publicRuleSchema, ruleResultSchema } from '../../domain/rules/rule';

/** A rule result with its detail in both languages (signed-in views). */
export const ruleResultView = ruleResultSchema.meta({ id: 'RuleResult' });

/** A rule result with its detail in one language (public checks, `?lang=`). */
export const publicRuleView = publicRuleSchema;

export const voteCheckResponse = z
  .object({ rules: z.array(publicRuleView), items: z.array(z.object({ title: z.string(), passed: z.boolean() })) })
  .meta({ id: 'OwnersMeetingVoteCheck' });

/** Why a meeting needs the supervising office's attention. */
export const attentionFlag = z.enum(['opinion-missing', 'no-quorum', 'posted-late']);

/** One owners' meeting as the owners' committee, the residents' committee and the sub-district office see it. */
export const ownersMeetingView = z
  .object({
    caseId: z.string().uuid(),
    number: z.string(),
    title: z.string(),
    status: caseStatus,
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    ownersCommittee: z.object({ id: z.string().uuid(), name: z.string() }),
    community: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
    meetingType,
    kind: z.enum(['regular', 'interim']),
    meetingDate: z.string(),
    place: z.string(),
    items: z.array(z.object({ title: z.string(), matter, passed: z.boolean().nullable() })),
    notice: z.object({
      noticeDate: z.string(),
      residentsCommitteeInformedDate: z.string(),
      /** Days between the notice and the meeting. */
      daysBefore: z.number().int(),
      passed: z.boolean(),
      rules: z.array(ruleResultView),
    }),
    opinion: z.object({
      status: z.enum(['pending', 'given', 'none-by-deadline']),
      deadline: z.string(),
      text: z.string().nullable(),
      givenAt: z.string().nullable(),
      givenBy: z.string().nullable(),
    }),
    votes: z.object({ quorum: z.boolean(), recordedAt: z.string(), recordedBy: z.string() }).nullable(),
    posting: z
      .object({
        status: z.enum(['posted', 'nothing-to-post']),
        postedOn: z.string().nullable(),
        lastDay: z.string().nullable(),
        onTime: z.boolean().nullable(),
      })
      .nullable(),
    report: z
      .object({
        status: z.enum(['pending', 'given', 'none', 'none-by-deadline']),
        reportedAt: z.string(),
        deadline: z.string(),
        suggestions: z.string().nullable(),
      })
      .nullable(),
    attention: z.array(attentionFlag),
  })
  .meta({ id: 'OwnersMeeting' });

/** The registration's answer: the meeting and its 我要查 query code (in this answer only; null on a repeat). */
export const ownersMeetingRegistered = ownersMeetingView
  .extend({ queryCode: z.string().nullable() })
  .meta({ id: 'OwnersMeetingRegistered' });

/** A registration refused because its notice was late (OM-NOTICE / OM-INFORM), from the audit trail. */
export const refusedNoticeView = z.object({
  at: z.string(),
  ownersCommittee: z.object({ id: z.string().uuid(), name: z.string() }),
  meetingType,
  meetingDate: z.string(),
  noticeDate: z.string(),
  earliestMeetingDate: z.string(),
  failedRules: z.array(z.string()),
});

export const ownersMeetingList = z
  .object({ meetings: z.array(ownersMeetingView), refusedNotices: z.array(refusedNoticeView) })
  .meta({ id: 'OwnersMeetingList' });

export const ownersMeetingListQuery = z
  .object({
    status: caseStatus.optional(),
    meetingType: meetingType.optional(),
    opinion: z.enum(['pending', 'given', 'none-by-deadline']).optional(),
    /** `true`: only meetings that need attention (missing opinion, no quorum, decisions posted late). */
    attention: z.enum(['true', 'false']).optional(),
    /** Meeting dates from / to (inclusive, YYYY-MM-DD). */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export type OwnersMeetingView = z.infer<typeof ownersMeetingView>;
export type OwnersMeetingListQuery = z.infer<typeof ownersMeetingListQuery>;

/** An assembly whose two items pass (one ordinary, one special matter): the OpenAPI example of the public vote check, and the tests' body. */
export const VOTE_CHECK_EXAMPLE = {
  meetingType: 'assembly',
  noticeDate: '2026-06-01',
  meetingDate: '2026-06-16',
  residentsCommitteeInformedDate: '2026-06-01',
  totalArea: 12000.5,
  totalOwners: 120,
  participatingArea: 8000.34,
  participatingOwners: 80,
  items: [
    { title: '续聘物业服务企业', matter: 'ordinary', areaFor: 4000.18, ownersFor: 41 },
    { title: '筹集专项维修资金', matter: 'special', areaFor: 6000.26, ownersFor: 60 },
  ],
} satisfies z.input<typeof voteCheckInput>;
