import { z } from 'zod';
import { SA_CLASSIFICATIONS } from '../../domain/rules/service-admission';
import { serviceItemTerms, type ServiceItemTerms } from '../../domain/forms/service-admission';
import { caseSummary } from './cases';
import { ruleSetView } from './election';
import { publicRuleSchema, ruleResultSchema } from '../../domain/rules/rule';

/** A rule result for officials: the detail in both languages. */
export const ruleResultView = ruleResultSchema.meta({ id: 'ServiceItemRuleResult' });

/** A rule result on a public endpoint: the detail in the requested language. */
export const publicRuleView = publicRuleSchema;

export const admissionCheckResponse = z
  .object({ admissible: z.boolean(), ruleSet: ruleSetView, rules: z.array(publicRuleView) })
  .meta({ id: 'ServiceItemAdmissionCheck' });

export const languageQuery = z.object({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict();

export const serviceItemStage = z.enum([
  'submitted',
  'refused',
  'appealed',
  'held',
  'review',
  'returned',
  'decision',
  'listed',
  're-review',
  'closed',
]);

export const serviceItemStarted = caseSummary
  .extend({ stage: serviceItemStage, admission: z.object({ admissible: z.boolean(), rules: z.array(ruleResultView) }) })
  .meta({ id: 'ServiceItemStarted' });

const openTask = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  candidateOrgName: z.string(),
  candidateRole: z.string(),
  dueAt: z.string().nullable(),
});

export const listingView = z.object({
  status: z.enum(['listed', 'expired', 'renewal-refused']),
  round: z.number().int(),
  periodFrom: z.string(),
  periodUntil: z.string(),
  validUntil: z.string(),
  admittedAt: z.string(),
  delistedAt: z.string().optional(),
});

export const serviceItemSummaryRow = z
  .object({
    id: z.string().uuid(),
    number: z.string(),
    itemName: z.string(),
    classification: z.enum(SA_CLASSIFICATIONS),
    status: z.enum(['OPEN', 'COMPLETED', 'REJECTED', 'WITHDRAWN', 'FAILED']),
    stage: serviceItemStage,
    outcome: z.string().nullable(),
    departmentId: z.string().uuid(),
    departmentName: z.string(),
    countyName: z.string(),
    communityCount: z.number().int(),
    openedAt: z.string(),
    listing: listingView.nullable(),
    openTasks: z.array(openTask),
  })
  .meta({ id: 'ServiceItemRow' });

export const serviceItemListQuery = z
  .object({
    view: z.enum(['pending', 'listed', 'closed', 'all']).default('pending'),
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const serviceItemDetail = z
  .object({
    case: caseSummary,
    stage: serviceItemStage,
    outcome: z.string().nullable(),
    terms: serviceItemTerms,
    communities: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
    department: z.object({ id: z.string().uuid(), name: z.string() }),
    countyName: z.string(),
    rules: z.array(ruleResultView),
    appeal: z.record(z.string(), z.unknown()).nullable(),
    review: z.record(z.string(), z.unknown()).nullable(),
    decision: z.record(z.string(), z.unknown()).nullable(),
    listing: listingView.nullable(),
    openTasks: z.array(openTask),
  })
  .meta({ id: 'ServiceItemDetail' });

/** One admitted item on the public list (SA-LIST). */
export const admittedItem = z
  .object({
    id: z.string().uuid(),
    number: z.string(),
    itemName: z.string(),
    classification: z.enum(SA_CLASSIFICATIONS),
    legalBasis: z.string(),
    workloadEstimate: z.string(),
    department: z.string(),
    county: z.string(),
    communities: z.array(z.string()),
    fundingAmount: z.number().nullable(),
    fundingPayer: z.string().nullable(),
    authorityTransferred: z.boolean(),
    authorityDescription: z.string().nullable(),
    workingConditions: z.string().nullable(),
    periodFrom: z.string(),
    periodUntil: z.string(),
    validUntil: z.string(),
    admittedAt: z.string(),
  })
  .meta({ id: 'AdmittedServiceItem' });

export const admittedListQuery = z.object({ cityId: z.string().uuid(), q: z.string().trim().max(100).optional() }).strict();

export const admittedList = z
  .object({ city: z.object({ id: z.string().uuid(), name: z.string() }), items: z.array(admittedItem) })
  .meta({ id: 'AdmittedServiceItems' });

export const reportStarted = caseSummary
  .extend({
    answerDueAt: z.string().nullable(),
    /** 我要查: the report's query code, in the answer that opened it only (null on a repeat). */
    queryCode: z.string().nullable(),
  })
  .meta({ id: 'ServiceItemReportStarted' });

export const publishedReport = z.object({
  number: z.string(),
  publishedAt: z.string(),
  itemDescription: z.string(),
  pushedBy: z.string(),
  pushedOn: z.string(),
  community: z.string().nullable(),
  countyName: z.string(),
  finding: z.enum(['upheld', 'not-upheld']),
  answer: z.string(),
  measures: z.string().nullable(),
  answerDueAt: z.string(),
  answeredLate: z.boolean(),
});

export const publishedReports = z
  .object({ city: z.object({ id: z.string().uuid(), name: z.string() }), items: z.array(publishedReport) })
  .meta({ id: 'PublishedServiceItemReports' });

export const summaryQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();

export const countySummary = z.object({
  countyId: z.string().uuid(),
  countyName: z.string(),
  applications: z.number().int(),
  admitted: z.number().int(),
  renewed: z.number().int(),
  refused: z.number().int(),
  refusedOwnDuty: z.number().int(),
  withdrawn: z.number().int(),
  expired: z.number().int(),
  pending: z.number().int(),
  listedNow: z.number().int(),
  reports: z.object({
    received: z.number().int(),
    answered: z.number().int(),
    upheld: z.number().int(),
    notUpheld: z.number().int(),
    answeredLate: z.number().int(),
    escalated: z.number().int(),
    pending: z.number().int(),
  }),
});

export const yearlySummary = z
  .object({ year: z.number().int(), counties: z.array(countySummary) })
  .meta({ id: 'ServiceItemYearlySummary' });

/** The terms of a gas-safety campaign a department asks communities to assist with (all but the period): the OpenAPI example and the tests' terms. */
export const SERVICE_ITEM_EXAMPLE = {
  itemName: '城镇燃气用户安全入户宣传',
  legalBasis: '《城镇燃气管理条例》第四十一条',
  classification: 'assist',
  workloadEstimate: '每季度入户宣传一次，约 16 小时',
  fundingAmount: 12000,
  fundingPayer: '县住房和城乡建设局',
  authorityTransferred: false,
  authorityDescription: null,
  workingConditions: '提供宣传资料和入户检查表',
} satisfies Omit<ServiceItemTerms, 'period'>;
