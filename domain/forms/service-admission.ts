import { z } from 'zod';
import { isValidIsoDate } from '../clock';
import { bilingualIssue } from '../validation';
import { SA_CLASSIFICATIONS, periodIssue, yuan } from '../rules/service-admission';

/**
 * Forms of the service-admission procedure (社区工作事项准入) and of the community report (SA-REPORT).
 * The API's request bodies, the workflow's Update validator and the web forms all use these schemas.
 */
const isoDate = z.string().refine(isValidIsoDate, {
  message: 'A real date as YYYY-MM-DD',
  params: { zh: '日期须为真实存在的 YYYY-MM-DD', code: 'invalid_date' },
});
const text = (max: number) => z.string().trim().min(1).max(max);

/** The admission period of an item (both days inclusive). */
export const admissionPeriod = z
  .object({ from: isoDate, until: isoDate })
  .strict()
  .superRefine((p, ctx) => {
    const issue = isValidIsoDate(p.from) && isValidIsoDate(p.until) ? periodIssue(p.from, p.until) : undefined;
    if (issue) ctx.addIssue(issue);
  });

/** The terms of an item: what the department asks the communities to do, on what basis, with what in return. */
export const serviceItemTerms = z
  .object({
    itemName: text(200),
    description: z.string().trim().max(2000).optional(),
    /** 法律依据: the law, regulation or document that puts the item on the community. */
    legalBasis: text(1000),
    classification: z.enum(SA_CLASSIFICATIONS),
    /** 工作量估算, e.g. "每月约 8 小时，每季度报表 1 份". */
    workloadEstimate: text(500),
    /** 经费 in yuan (two decimals at most). */
    fundingAmount: yuan.nullable(),
    fundingPayer: z.string().trim().max(200).nullable(),
    authorityTransferred: z.boolean(),
    /** Which authority is transferred (权随责走), e.g. the document granting it. */
    authorityDescription: z.string().trim().max(1000).nullable().optional(),
    workingConditions: z.string().trim().max(2000).nullable(),
    period: admissionPeriod,
  })
  .strict();

export type ServiceItemTerms = z.infer<typeof serviceItemTerms>;

/** The application a department (or sub-district office) files: the terms and the communities concerned. */
export const serviceItemApplication = serviceItemTerms
  .extend({ communityIds: z.array(z.string().uuid()).min(1).max(500) })
  .strict()
  .superRefine((a, ctx) => {
    if (new Set(a.communityIds).size !== a.communityIds.length)
      ctx.addIssue(bilingualIssue(['communityIds'], 'duplicate', '社区不能重复', 'A community is listed twice'));
  });

export type ServiceItemApplication = z.infer<typeof serviceItemApplication>;

/** The department supplements or revises its application (held, returned, or at re-review), or withdraws it. */
export const saReviseForm = z.discriminatedUnion('action', [
  z.object({ action: z.literal('resubmit'), terms: serviceItemTerms, note: z.string().trim().max(2000).optional() }).strict(),
  z.object({ action: z.literal('withdraw'), reason: text(2000) }).strict(),
]);

/** After an SA-OWN-DUTY refusal the department accepts it, or appeals to the county with its reasons. */
export const saAppealForm = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('appeal'), reasons: text(5000) }).strict(),
  z.object({ decision: z.literal('accept'), comment: z.string().trim().max(2000).optional() }).strict(),
]);

/** A county official rules on the appeal: the refusal stands, or the item is reclassified (assist / entrusted). */
export const saAppealRulingForm = z.discriminatedUnion('ruling', [
  z.object({ ruling: z.literal('uphold'), reasons: text(5000) }).strict(),
  z.object({ ruling: z.literal('reclassify'), classification: z.enum(['assist', 'entrusted']), reasons: text(5000) }).strict(),
]);

/** Civil-affairs review: forward to the county's decision, or return to the department for changes. */
export const saReviewForm = z.object({ decision: z.enum(['forward', 'return']), opinion: text(5000) }).strict();

/** The county's decision (SA-DECIDE), e.g. after the community-building leading group met. */
export const saDecideForm = z
  .object({ decision: z.enum(['admit', 'refuse']), reasons: text(5000), meetingReference: z.string().trim().max(200).optional() })
  .strict();

/** A residents' committee reports an item pushed onto it without admission (SA-REPORT). */
export const serviceItemReport = z
  .object({
    /** What was pushed onto the community. */
    itemDescription: text(2000),
    /** Who pushed it (the department or office, as the committee knows it). */
    pushedBy: text(200),
    /** The pushing organization, when the committee can name it in the system. */
    pushedByOrgId: z.string().uuid().nullable().optional(),
    /** When it was pushed. */
    pushedOn: isoDate,
    /** Evidence documents already stored (more can be attached to the report afterwards). */
    evidenceDocumentIds: z.array(z.string().uuid()).max(20).optional(),
    /** Publish the outcome without naming the committee. */
    anonymous: z.boolean().default(false),
  })
  .strict();

export type ServiceItemReport = z.infer<typeof serviceItemReport>;

/** The county's answer to a report; published when given. */
export const saReportAnswerForm = z
  .object({ finding: z.enum(['upheld', 'not-upheld']), answer: text(5000), measures: z.string().trim().max(5000).optional() })
  .strict();

/** The task forms of this procedure by form id (domain/forms/index.ts `FORMS`; loaded alone by `loadFormSchema`). */
export const SERVICE_ADMISSION_FORMS = {
  'sa.revise': saReviseForm,
  'sa.appeal': saAppealForm,
  'sa.appeal-ruling': saAppealRulingForm,
  'sa.review': saReviewForm,
  'sa.decide': saDecideForm,
  'sa.report-answer': saReportAnswerForm,
} as const;
