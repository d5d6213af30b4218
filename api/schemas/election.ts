import { z } from 'zod';

import { localizedText as localized } from '../../domain/localized-text';
import { ruleResultSchema, ruleValue } from '../../domain/rules/rule';

/** A rule result with its detail in one language (public checks, `?lang=`). */
export const electionPublicRule = z.object({
  id: z.string(),
  passed: z.boolean(),
  outcome: z.enum(['passed', 'failed', 'undetermined']).meta({
    description:
      '"undetermined": only days the yearly holiday notice has yet to settle (调休/补假) decide it; passed is false then',
  }),
  citation: z.string(),
  detail: z.string(),
  ruleSet: z.string().optional().meta({ description: 'The rule set the rule was checked under (see `ruleSet`)' }),
  values: z.record(z.string(), ruleValue),
});

/** A rule result with its detail in both languages (signed-in views). */
export const electionRule = ruleResultSchema;

/** The rule set a check used: the one in force on its reference date (domain.md, "Rule sets by date"). */
export const ruleSetView = z
  .object({
    id: z.string(),
    name: localized,
    effectiveFrom: z.string().meta({ description: 'The first day the set applies (China date)' }),
    adoptedOn: z.string(),
    textVerified: z
      .boolean()
      .meta({ description: 'False while the revised text is not read in full: its rules keep the previous values and say so' }),
  })
  .meta({ id: 'RuleSet' });

export const languageQuery = z.object({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict();

export const eligibilityCheckResponse = z
  .object({ eligible: z.boolean(), ruleSet: ruleSetView, rules: z.array(electionPublicRule) })
  .meta({ id: 'ElectionEligibilityCheck' });

export const resultCheckResponse = z
  .object({
    valid: z.boolean(),
    ruleSet: ruleSetView,
    elected: z.array(z.string()),
    tiedForLastSeat: z
      .array(z.string())
      .meta({ description: 'Candidates tied for the last seat: not decided by the system, left out of `elected`' }),
    unfilledSeats: z.number().int(),
    rules: z.array(electionPublicRule),
  })
  .meta({ id: 'ElectionResultCheck' });

export const timelineCheckResponse = z
  .object({
    ruleSet: ruleSetView,
    rules: z.array(electionPublicRule),
    lastAllowedDates: z.object({ listPublication: z.string(), objection: z.string(), answer: z.string() }),
    calendarUnknownYears: z
      .array(z.number().int())
      .meta({ description: 'Years the holiday calendar does not know; deadlines there may move' }),
  })
  .meta({ id: 'ElectionTimelineCheck' });

const status = z.enum(['SETUP', 'REGISTRATION', 'OBJECTIONS', 'CANDIDATES', 'VOTING', 'HANDOVER', 'COMPLETED', 'CANCELLED']);
const applicationStatus = z.enum(['UNDER_REVIEW', 'EVIDENCE_REQUESTED', 'APPROVED', 'REFUSED']);
const counts = z.record(z.string(), z.number().int());

export const electionSummary = z
  .object({
    id: z.string().uuid(),
    caseNumber: z.string(),
    communityOrgId: z.string().uuid(),
    community: z.string(),
    law: z.string(),
    status,
    electionDate: z.string().nullable(),
    seats: z.number().int().nullable(),
    method: z.string().nullable(),
    listPublishedOn: z.string().nullable(),
    registeredVoters: z.number().int().nullable(),
  })
  .meta({ id: 'ElectionSummary' });

export const electionDetailView = electionSummary
  .extend({
    caseId: z.string().uuid(),
    townshipOrgId: z.string().uuid(),
    committeeOrgId: z.string().uuid(),
    committeeMembers: z.array(z.object({ name: z.string(), position: z.string() })),
    listLateReason: z.string().nullable(),
    objectionLastDay: z.string().nullable(),
    candidates: z.array(z.string()),
    rounds: z.array(z.record(z.string(), z.unknown())),
    elected: z.array(z.string()),
    handedOverOn: z.string().nullable(),
    report: z.record(z.string(), z.unknown()).nullable(),
    origin: z.record(z.string(), z.unknown()).nullable(),
    applications: counts,
    objections: counts,
  })
  .meta({ id: 'ElectionDetail' });

export const applicationView = z
  .object({
    number: z.string(),
    electionId: z.string().uuid(),
    community: z.string(),
    electionDate: z.string().nullable(),
    name: z.string(),
    idNumberMasked: z.string(),
    phone: z.string().nullable(),
    address: z.string(),
    residenceSince: z.string(),
    hasLegalFixedResidence: z.boolean(),
    residenceEvidence: z.string(),
    politicalRightsDeprived: z.boolean(),
    registeredElsewhere: z.boolean(),
    status: applicationStatus,
    submittedAt: z.string(),
    /** The migrant-eligibility case (its record lists the evidence documents and the decisions). */
    caseId: z.string().uuid(),
    precheck: z.array(electionRule),
    decisionReason: z.string().nullable(),
    requestedEvidence: z.string().nullable(),
    decidedAt: z.string().nullable(),
    documents: z.number().int(),
  })
  .meta({ id: 'MigrantApplication' });

/** The application's answer: its status and its 我要查 query code (in this answer only). */
export const applicationSubmitted = applicationView.extend({ queryCode: z.string() }).meta({ id: 'MigrantApplicationSubmitted' });

export const applicationListItem = applicationView.pick({
  number: true,
  electionId: true,
  community: true,
  name: true,
  idNumberMasked: true,
  status: true,
  submittedAt: true,
  decidedAt: true,
});

export const voterView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  idNumberMasked: z.string(),
  address: z.string().nullable(),
  residentsGroup: z.string().nullable(),
  source: z.enum(['RESIDENT', 'MIGRANT', 'OBJECTION']),
  removedAt: z.string().nullable(),
  removedReason: z.string().nullable(),
});

export const voterPage = z.object({ total: z.number().int(), items: z.array(voterView) }).meta({ id: 'VoterPage' });

export const voterImportResult = z.object({ imported: z.number().int(), registeredVoters: z.number().int() });

export const objectionView = z
  .object({
    id: z.string().uuid(),
    number: z.number().int(),
    kind: z.string(),
    objectorName: z.string(),
    grounds: z.string(),
    entryId: z.string().uuid().nullable(),
    personName: z.string().nullable(),
    status: z.enum(['OPEN', 'UPHELD', 'DISMISSED', 'LATE']),
    receivedOn: z.string(),
    answerDueAt: z.string().nullable(),
    answer: z.string().nullable(),
    answeredOn: z.string().nullable(),
    answeredInTime: z.boolean().nullable(),
  })
  .meta({ id: 'VoterObjection' });

export const objectionFiled = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  status: z.literal('OPEN'),
  receivedOn: z.string(),
  answerDueAt: z.string(),
});

export const publicNoticeView = z
  .object({
    electionId: z.string().uuid(),
    community: z.string(),
    electionDate: z.string().nullable(),
    method: z.string().nullable(),
    seats: z.number().int().nullable(),
    publishedOn: z.string().nullable(),
    lateReason: z.string().nullable(),
    objectionLastDay: z.string().nullable(),
    registeredVoters: z.number().int(),
    voters: z.array(z.object({ name: z.string(), residentsGroup: z.string().nullable(), migrant: z.boolean() })),
    answers: z.array(
      z.object({
        number: z.number().int(),
        kind: z.string(),
        decision: z.string(),
        answer: z.string().nullable(),
        answeredOn: z.string().nullable(),
      }),
    ),
    elected: z.array(z.string()),
  })
  .meta({ id: 'ElectionPublicNotice' });

export const electionOverviewView = z
  .object({
    communities: z.array(
      z.object({
        communityOrgId: z.string().uuid(),
        community: z.string(),
        township: z.string().nullable(),
        election: z
          .object({
            id: z.string().uuid(),
            status,
            electionDate: z.string().nullable(),
            method: z.string().nullable(),
            law: z.string(),
          })
          .nullable(),
      }),
    ),
    directElection: z.object({
      direct: z.number().int(),
      total: z.number().int(),
      percent: z.number().nullable(),
      target: z.string(),
      meetsTarget: z.boolean(),
    }),
    communitiesWithoutElection: z.number().int(),
    migrantApplications: z.object({ approved: z.number().int(), refused: z.number().int(), open: z.number().int() }),
  })
  .meta({ id: 'ElectionOverview' });
