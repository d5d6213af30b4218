import type { Client } from '@temporalio/client';
import type { Db, DbTx } from '../../../runtime/db';
import { queryCodeForNewCase } from '../public/query-code';
import { chinaDateOf } from '../../../domain/clock';
import { AppError, type FieldError, type LocalizedText } from '../../../domain/errors';
import type { ServiceItemApplication, ServiceItemReport } from '../../../domain/forms/service-admission';
import type { RuleResult } from '../../../domain/rules/rule';
import { SA_RULES, evaluateAdmission, type AdmissionCheck } from '../../../domain/rules/service-admission';
import type {
  ServiceAdmissionInput,
  ServiceItemCaseData,
  ServiceItemReportCaseData,
  ServiceItemReportInput,
} from '../../../workflows/service-admission/messages';
import type { Case } from '../../../prisma/generated/client';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership } from '../../authz/organization-scope';
import { casesInScope } from '../../authz/case-scope';
import { idempotentStart, type Idempotency } from '../cases/idempotent-start';
import { startCase } from '../cases/start-case';
import { countyOf, SERVICE_ADMISSION, SERVICE_ADMISSION_REPORT } from './scope';

interface StartOptions {
  db: Db;
  temporal: Client;
  taskQueue: string;
  caller: Caller;
  requestId: string;
  idempotency?: Idempotency;
}

function field(path: string, code: string, zh: string, en: string): FieldError {
  return { path, code, message: { 'zh-CN': zh, en } };
}

function ruleRefusal(ruleId: 'SA-GATE' | 'SA-REPORT', detail: LocalizedText, values: RuleResult['values']): AppError {
  const rule = SA_RULES[ruleId];
  const result: RuleResult = { id: rule.id, passed: false, citation: rule.citation, detail, values };
  return new AppError('RULE_FAILED', { details: { rules: [result] } });
}

/**
 * A department (or a sub-district office) applies to hand a work item to communities of its county (SA-GATE). The
 * communities must be in the applicant's county: an id outside it is answered 404, like any foreign id. The case
 * opens, the workflow evaluates the admission rules at once, and the answer shows where the case stands.
 */
export async function startServiceAdmission(
  options: StartOptions & { application: ServiceItemApplication },
): Promise<{ row: Case; admission: AdmissionCheck }> {
  const answer = (row: Case) => ({ row, admission: evaluateAdmission((row.data as unknown as ServiceItemCaseData).terms) });
  return idempotentStart({ ...options, procedure: SERVICE_ADMISSION, start: () => applyForAdmission(options), answer });
}

async function applyForAdmission(options: StartOptions & { application: ServiceItemApplication }) {
  const { db, caller, application } = options;
  const membership = currentMembership(caller);
  const { self, county, city, civilAffairs } = await countyOf(db, membership.organizationId);
  if (!county) {
    throw ruleRefusal(
      'SA-GATE',
      {
        'zh-CN': '申请单位不属于任何县（市、区），无法由县级人民政府统一安排',
        en: 'The applicant belongs to no county; no county government can arrange the item',
      },
      { applicantKind: self.kind },
    );
  }
  const communities = await db.organization.findMany({
    where: { id: { in: application.communityIds }, path: { startsWith: county.path } },
    select: { id: true, name: true, kind: true },
  });
  if (communities.length !== application.communityIds.length) throw new AppError('NOT_FOUND');
  const byId = new Map(communities.map((c) => [c.id, c]));
  const notCommunities = application.communityIds
    .map((id, index) => ({ index, org: byId.get(id)! }))
    .filter(({ org }) => org.kind !== 'COMMUNITY')
    .map(({ index }) =>
      field(`communityIds.${index}`, 'not_community', '所选单位不是社区居民委员会', 'Not a community (residents’ committee)'),
    );
  if (notCommunities.length > 0) throw new AppError('VALIDATION_FAILED', { fields: notCommunities });

  const applicantAllowed =
    (membership.role === 'DEPARTMENT_APPLICANT' && self.kind === 'DEPARTMENT') ||
    (membership.role === 'TOWNSHIP_OFFICIAL' && self.kind === 'SUBDISTRICT');
  if (!applicantAllowed) {
    throw ruleRefusal(
      'SA-GATE',
      {
        'zh-CN': '只有县级人民政府职能部门或街道办事处可以申请社区工作事项准入',
        en: 'Only a department of the county-level government or a sub-district office applies for admission',
      },
      { applicantKind: self.kind, role: membership.role },
    );
  }
  if (!civilAffairs) {
    throw new AppError('BAD_REQUEST', {
      message: {
        'zh-CN': `${county.name}尚未设置民政局，无法审核`,
        en: `${county.name} has no civil-affairs bureau to review the application`,
      },
    });
  }
  if (application.period.until < chinaDateOf(new Date())) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [field('period.until', 'ended', '准入期限已届满', 'The period has already ended')],
    });
  }

  const { communityIds, ...terms } = application;
  const data: ServiceItemCaseData = {
    terms,
    communities: communityIds.map((id) => ({ id, name: byId.get(id)!.name })),
    department: { id: self.id, name: self.name, role: membership.role },
    countyOrgId: county.id,
    countyName: county.name,
    civilAffairsOrgId: civilAffairs.id,
    cityOrgId: city?.id ?? null,
    stage: 'submitted',
  };
  const created = await startCase({
    ...options,
    procedure: SERVICE_ADMISSION,
    organizationId: self.id,
    title: terms.itemName,
    data: data as unknown as Record<string, unknown>,
    workflowArgs: (caseId): [ServiceAdmissionInput] => [
      {
        caseId,
        department: { orgId: self.id, role: membership.role },
        countyOrgId: county.id,
        civilAffairsOrgId: civilAffairs.id,
        terms,
      },
    ],
  });
  // The workflow has settled: Case.data holds the stage it reached (refused, held or under review).
  const row = await db.case.findUniqueOrThrow({ where: { id: created.id } });
  return { row, admission: evaluateAdmission(terms) };
}

const PUSHING_KINDS = new Set(['COUNTY', 'DEPARTMENT', 'CIVIL_AFFAIRS_BUREAU', 'TOWNSHIP', 'SUBDISTRICT']);

/**
 * SA-REPORT: a residents' committee reports an item pushed onto it without admission. The pushing organization, when
 * named, must be in the committee's county (else 404); evidence must be documents the caller may read (else 404).
 */
export async function startServiceItemReport(options: StartOptions & { report: ServiceItemReport }) {
  const answer = (row: Case) => ({ row, answerDueAt: (row.data as unknown as ServiceItemReportCaseData).answerDueAt ?? null });
  // 我要查: the committee gets the report's query code in this answer only (PostgreSQL keeps its hash).
  const code = queryCodeForNewCase();
  const started = await idempotentStart({
    ...options,
    procedure: SERVICE_ADMISSION_REPORT,
    start: () => reportUnadmittedItem(options, code.alsoInTransaction),
    answer,
  });
  return { ...started, queryCode: await code.shown(options.db, started.row.id) };
}

async function reportUnadmittedItem(
  options: StartOptions & { report: ServiceItemReport },
  alsoInTransaction: (tx: DbTx, caseId: string) => Promise<void>,
) {
  const { db, caller, report } = options;
  const membership = currentMembership(caller);
  const { self, county, city } = await countyOf(db, membership.organizationId);
  if (self.kind !== 'COMMUNITY' || !county) {
    throw ruleRefusal(
      'SA-REPORT',
      {
        'zh-CN': '只有县（市、区）内社区的居民委员会可以报告',
        en: 'Only the residents’ committee of a community in a county reports',
      },
      { reporterKind: self.kind },
    );
  }
  if (report.pushedByOrgId) {
    const pusher = await db.organization.findFirst({
      where: { id: report.pushedByOrgId, path: { startsWith: county.path } },
      select: { kind: true },
    });
    if (!pusher) throw new AppError('NOT_FOUND');
    if (!PUSHING_KINDS.has(pusher.kind)) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [
          field(
            'pushedByOrgId',
            'not_government',
            '须为政府、职能部门、乡镇或街道办事处',
            'Must be a government, department, township or sub-district office',
          ),
        ],
      });
    }
  }
  if (report.pushedOn > chinaDateOf(new Date())) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [field('pushedOn', 'future', '日期不能晚于今天', 'The date is in the future')],
    });
  }
  const evidence = report.evidenceDocumentIds ?? [];
  if (evidence.length > 0) {
    const readable = await db.document.count({
      where: { id: { in: evidence }, OR: [{ uploadedById: caller.userId }, { case: casesInScope(caller) }] },
    });
    if (readable !== new Set(evidence).size) throw new AppError('NOT_FOUND');
  }
  const listed = await db.case.findMany({
    where: {
      procedure: SERVICE_ADMISSION,
      organization: { path: { startsWith: county.path } },
      data: { path: ['listing', 'status'], equals: 'listed' },
    },
    select: { number: true, data: true },
  });
  const admittedItems = listed
    .map((c) => ({ number: c.number, data: c.data as unknown as ServiceItemCaseData }))
    .filter((c) => c.data.communities.some((m) => m.id === self.id))
    .map((c) => ({ number: c.number, itemName: c.data.terms.itemName }));

  const data: ServiceItemReportCaseData = {
    report,
    communityName: self.name,
    countyOrgId: county.id,
    countyName: county.name,
    cityOrgId: city?.id ?? null,
    stage: 'submitted',
  };
  const created = await startCase({
    ...options,
    procedure: SERVICE_ADMISSION_REPORT,
    alsoInTransaction,
    organizationId: self.id,
    title: `未经准入事项报告：${report.itemDescription.slice(0, 60)}`,
    data: data as unknown as Record<string, unknown>,
    workflowArgs: (caseId): [ServiceItemReportInput] => [
      {
        caseId,
        communityOrgId: self.id,
        communityName: self.name,
        countyOrgId: county.id,
        countyName: county.name,
        report,
        admittedItems,
      },
    ],
  });
  const row = await db.case.findUniqueOrThrow({ where: { id: created.id } });
  return { row, answerDueAt: (row.data as unknown as ServiceItemReportCaseData).answerDueAt ?? null };
}
