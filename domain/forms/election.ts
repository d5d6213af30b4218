import { z } from 'zod';
import { DOCUMENT_MIME_TYPES } from '../documents';
import { birthDateMismatch, residentIdNumber } from '../resident-id';
import { ELECTION_METHODS } from '../rules/election';
import { isoDate, voteCount, voteCountIssues } from '../rules/election-checks';
import { bilingualIssue } from '../validation';

/**
 * Task forms of the election and migrant-eligibility procedures, and the application and voter-list bodies the API
 * takes. The workflows validate the same schemas (plus checks against the procedure's facts: seats, dates,
 * registered voters), so what the UI accepts is what the workflow accepts.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const personName = z.string().trim().min(1).max(50);

/** Set-up by the township or sub-district office: date, seats (EL-SIZE), method (EL-METHOD), the election committee. */
export const electionSetupForm = z
  .object({
    electionDate: isoDate,
    seats: z.number().int().min(1).max(50),
    method: z.enum(ELECTION_METHODS),
    committeeMembers: z
      .array(z.object({ name: personName, position: z.enum(['chair', 'vice-chair', 'member']) }).strict())
      .min(1)
      .max(21),
    note: text(2000).optional(),
  })
  .strict();

/** The committee publishes the voter list; a publication later than EL-LIST allows must say why (audited). */
export const electionPublishListForm = z
  .object({
    confirmed: z.literal(true),
    lateReason: z.string().trim().min(4).max(2000).optional(),
  })
  .strict();

/** The committee's answer to one objection (EL-ANSWER); the answer is published. */
export const electionObjectionAnswerForm = z
  .object({
    decision: z.enum(['upheld', 'dismissed']),
    answer: text(5000),
  })
  .strict();

/** The candidates (EL-CANDIDATES: more than the seats). */
export const electionCandidatesForm = z
  .object({
    candidates: z
      .array(z.object({ name: personName }).strict())
      .min(1)
      .max(100),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.candidates.forEach((c, i) => {
      if (seen.has(c.name))
        ctx.addIssue(bilingualIssue(['candidates', i, 'name'], 'duplicate', '候选人姓名重复', 'The same candidate twice'));
      seen.add(c.name);
    });
  });

/** The count of one round (first round or run-off): ballots cast and each candidate's votes. */
export const electionResultsForm = z
  .object({
    votesCast: voteCount,
    candidates: z
      .array(z.object({ name: personName, votes: voteCount }).strict())
      .min(1)
      .max(100),
  })
  .strict()
  .superRefine((v, ctx) => {
    // Per-candidate and duplicate checks; the ballot capacity needs the seats and is checked by the workflow.
    voteCountIssues({ votesCast: v.votesCast, seats: Number.MAX_SAFE_INTEGER, candidates: v.candidates }).forEach((issue) =>
      ctx.addIssue(issue),
    );
  });

export const HANDOVER_ITEMS = ['seals', 'files', 'finances', 'assets', 'premises', 'debts'] as const;

/** EL-HANDOVER: the old committee hands seals, files and the rest to the new one. */
export const electionHandoverForm = z
  .object({
    handedOverOn: isoDate,
    items: z.array(z.enum(HANDOVER_ITEMS)).min(1),
    note: text(2000).optional(),
  })
  .strict();

/** EL-APPROVAL: the committee approves or refuses with a reason, or asks the applicant for more evidence. */
export const migrantDecisionForm = z
  .object({
    decision: z.enum(['approve', 'refuse', 'request-evidence']),
    reason: z.string().trim().min(2).max(2000),
    requestedEvidence: z.string().trim().min(2).max(2000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'request-evidence' && !v.requestedEvidence) {
      ctx.addIssue(bilingualIssue(['requestedEvidence'], 'required', '请写明需要补充的材料', 'Say which evidence is needed'));
    }
  });

export type ElectionSetupForm = z.infer<typeof electionSetupForm>;
export type ElectionResultsForm = z.infer<typeof electionResultsForm>;
export type MigrantDecisionForm = z.infer<typeof migrantDecisionForm>;

// ── Bodies of the API (not task forms) ─────────────────────────────────────────────────────────────────────────

/** An evidence file sent with an application (checked by content and size when stored). */
export const evidenceUpload = z
  .object({
    filename: text(200),
    mimeType: z.enum(DOCUMENT_MIME_TYPES),
    contentBase64: z.string().min(1).max(14_000_000).base64(),
  })
  .strict();

/** The facts of a migrant application: what the pre-check reads (EL-HOME, EL-RESIDENCE, EL-RIGHTS, EL-SINGLE). */
const applicationFacts = z.object({
  address: z.string().trim().min(4).max(200),
  residenceSince: isoDate,
  hasLegalFixedResidence: z.boolean(),
  /** What proves the legal fixed residence and when residence began (房产证、备案的租赁合同、居住证…). */
  residenceEvidence: z.string().trim().min(2).max(2000),
  politicalRightsDeprived: z.boolean(),
  registeredElsewhere: z.boolean(),
  documents: z.array(evidenceUpload).max(10).default([]),
});

/**
 * The self-service application of a migrant (EL-SELF): submitted by the applicant's own account. The birth date
 * must match the one inside the ID number; residence cannot begin before birth.
 */
export const migrantApplicationBody = applicationFacts
  .extend({
    name: personName,
    idNumber: residentIdNumber,
    birthDate: isoDate,
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/)
      .optional(),
    /** 本人承诺所填信息真实 */
    declarationTrue: z.literal(true),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (typeof v.idNumber === 'string' && birthDateMismatch(v.idNumber, v.birthDate)) {
      ctx.addIssue(
        bilingualIssue(['birthDate'], 'id_mismatch', '出生日期与身份证号码不一致', 'The birth date does not match the ID number'),
      );
    }
    if (v.residenceSince < v.birthDate)
      ctx.addIssue(
        bilingualIssue(['residenceSince'], 'before_birth', '居住起始日期早于出生日期', 'Residence begins before birth'),
      );
  });

/** More evidence after the committee asked for it: the facts again (corrected where needed) and new files. */
export const migrantEvidenceBody = applicationFacts.extend({ note: text(2000).optional() }).strict();

export type MigrantApplicationBody = z.infer<typeof migrantApplicationBody>;
export type MigrantEvidenceBody = z.infer<typeof migrantEvidenceBody>;

/** One voter added by hand during registration. */
export const voterEntryBody = z
  .object({
    name: personName,
    idNumber: residentIdNumber,
    address: z.string().trim().max(200).optional(),
    residentsGroup: z.string().trim().max(50).optional(),
  })
  .strict();

/** An objection to the published list, recorded by the election committee (EL-OBJECT). */
export const objectionBody = z
  .object({
    kind: z.enum(['omission', 'wrongful-inclusion', 'other']),
    objectorName: personName,
    grounds: text(5000),
    /** The listed voter objected to (wrongful inclusion). */
    entryId: z.string().uuid().optional(),
    /** The person left out (omission): added to the list when the objection is upheld. */
    person: z
      .object({ name: personName, idNumber: residentIdNumber, address: z.string().trim().max(200).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'wrongful-inclusion' && !v.entryId)
      ctx.addIssue(bilingualIssue(['entryId'], 'required', '请指明名单中的选民', 'Name the listed voter'));
    if (v.kind === 'omission' && !v.person)
      ctx.addIssue(bilingualIssue(['person'], 'required', '请填写被遗漏人员的信息', 'Give the person left out'));
  });

/** The task forms of this procedure by form id (domain/forms/index.ts `FORMS`; loaded alone by `loadFormSchema`). */
export const ELECTION_FORMS = {
  'election.setup': electionSetupForm,
  'election.publish-list': electionPublishListForm,
  'election.objection-answer': electionObjectionAnswerForm,
  'election.candidates': electionCandidatesForm,
  'election.results': electionResultsForm,
  'election.handover': electionHandoverForm,
  'election.migrant-decision': migrantDecisionForm,
} as const;
