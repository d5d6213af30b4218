import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCUMENT_MIME_TYPES } from '../../../domain/documents';
import { serviceItemApplication, serviceItemReport } from '../../../domain/forms/service-admission';
import { publicRule } from '../../../domain/rules/rule';
import { checkedUnder, ruleSetSummary } from '../../../domain/rules/rule-sets';
import { chinaDateOf } from '../../../domain/clock';
import { admissionFacts, evaluateAdmission } from '../../../domain/rules/service-admission';
import type { ServiceItemCaseData } from '../../../workflows/service-admission/messages';
import { callerOf } from '../../plugins/app/auth';
import { PUBLIC_CHECK_RATE_LIMIT } from '../../plugins/external/rate-limit';
import { toCaseSummary } from '../../schemas/cases';
import { idempotencyHeaders, idempotencyOf } from '../../schemas/idempotency';
import { errorResponses } from '../../schemas/errors';
import { fileResponse } from '../../schemas/files';
import {
  admissionCheckResponse,
  admittedList,
  admittedListQuery,
  languageQuery,
  publishedReports as publishedReportsResponse,
  reportStarted,
  SERVICE_ITEM_EXAMPLE,
  serviceItemDetail,
  serviceItemListQuery,
  serviceItemStarted,
  serviceItemSummaryRow,
  summaryQuery,
  yearlySummary as yearlySummaryResponse,
} from '../../schemas/service-admission';
import { citiesWithLists, communitiesForApplicant } from '../../services/service-admission/lookups';
import { admittedItems, admittedItemsWorkbook, publishedReports } from '../../services/service-admission/public-list';
import { attachReportEvidence } from '../../services/service-admission/reports';
import { startServiceAdmission, startServiceItemReport } from '../../services/service-admission/start';
import { yearlySummary } from '../../services/service-admission/summary';
import { getServiceItem, listServiceItems } from '../../services/service-admission/views';

const publicAccess = { public: true, rateLimit: PUBLIC_CHECK_RATE_LIMIT } as const;
const tags = ['service-admission'];
const caseParams = z.object({ caseId: z.string().uuid() });

/**
 * 社区工作事项准入 (SA-…): the public check and list, applications, views, the yearly summary and community reports.
 * The procedure is `service-admission` in every layer, but its URLs stay `/api/v1/service-items…` (and its permissions
 * `service-items.*`): they are a published contract (web app, reliability harnesses, API clients), not a folder name.
 */
const serviceAdmissionRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;

  fastify.post(
    '/api/v1/service-items/admission-check',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: '社区工作事项准入自查（公开）/ Admission check of a community work item (public)',
        description: 'Evaluates SA-OWN-DUTY, then SA-ASSIST or SA-ENTRUST. No login; rate-limited.',
        querystring: languageQuery,
        body: admissionFacts.meta({
          examples: [
            {
              classification: 'assist',
              fundingAmount: 12000,
              fundingPayer: '县住房和城乡建设局',
              authorityTransferred: false,
              workingConditions: '配备专用电脑一台',
            },
          ],
        }),
        response: { 200: admissionCheckResponse, ...errorResponses },
      },
    },
    async (request) => {
      const check = evaluateAdmission(request.body);
      // SA-GATE and SA-OWN-DUTY cite the Residents' Committee law: under the rule set in force today (China).
      const { ruleSet, rules } = checkedUnder(check.rules, chinaDateOf(new Date()));
      return {
        admissible: check.admissible,
        ruleSet: ruleSetSummary(ruleSet),
        rules: rules.map((r) => publicRule(r, request.query.lang)),
      };
    },
  );

  fastify.get(
    '/api/v1/service-items/cities',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: '设区的市（公开清单入口）/ Cities with a public list',
        response: { 200: z.array(z.object({ id: z.string().uuid(), name: z.string() })), ...errorResponses },
      },
    },
    async () => citiesWithLists(db),
  );

  fastify.get(
    '/api/v1/service-items/admitted',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: '准入事项清单（公开）/ Admitted items of a city (public)',
        description:
          'SA-LIST: items in force, with funding, period and legal basis. `q` searches item, basis, department, county and communities.',
        querystring: admittedListQuery,
        response: { 200: admittedList, ...errorResponses },
      },
    },
    async (request) => admittedItems(db, request.query),
  );

  fastify.get(
    '/api/v1/service-items/admitted.xlsx',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: '准入事项清单导出 Excel（公开）/ Admitted items as Excel (public)',
        querystring: admittedListQuery,
        response: {
          200: fileResponse('XLSX workbook', ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { filename, bytes } = await admittedItemsWorkbook(db, request.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(bytes);
    },
  );

  fastify.get(
    '/api/v1/service-items/reports/published',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: '社区报告处理结果（公开）/ Published outcomes of community reports (public)',
        querystring: z.object({ cityId: z.string().uuid() }).strict(),
        response: { 200: publishedReportsResponse, ...errorResponses },
      },
    },
    async (request) => publishedReports(db, request.query),
  );

  fastify.post(
    '/api/v1/service-items',
    {
      config: { permission: 'service-items.apply', admission: 'workflow' },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: '申请社区工作事项准入 / Apply to admit a work item into communities',
        description:
          'The workflow evaluates SA-OWN-DUTY / SA-ASSIST / SA-ENTRUST at once; `stage` says where the case stands (refused, held, review).',
        body: serviceItemApplication.meta({
          examples: [
            { ...SERVICE_ITEM_EXAMPLE, communityIds: ['$organizationId'], period: { from: '2026-01-01', until: '2026-12-31' } },
          ],
        }),
        response: { 201: serviceItemStarted, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { row, admission } = await startServiceAdmission({
        ...fastify.platform,
        caller: callerOf(request),
        application: request.body,
        requestId: request.id,
        idempotency: idempotencyOf(request),
      });
      const data = row.data as unknown as ServiceItemCaseData;
      return reply.status(201).send({ ...toCaseSummary(row), stage: data.stage, admission });
    },
  );

  fastify.get(
    '/api/v1/service-items',
    {
      config: { permission: 'service-items.read' },
      schema: {
        tags,
        summary: '准入申请（本部门或本县）/ Applications in my scope',
        description:
          'view=pending (waiting for someone, with the open tasks), listed, closed or all. Departments see their own; the county and its civil-affairs bureau the county’s.',
        querystring: serviceItemListQuery,
        response: { 200: z.array(serviceItemSummaryRow), ...errorResponses },
      },
    },
    async (request) => listServiceItems(db, callerOf(request), request.query),
  );

  fastify.get(
    '/api/v1/service-items/summary',
    {
      config: { permission: 'service-items.summary' },
      schema: {
        tags,
        summary: '年度准入情况（按县）/ Yearly summary per county',
        querystring: summaryQuery,
        response: { 200: yearlySummaryResponse, ...errorResponses },
      },
    },
    async (request) => yearlySummary(db, callerOf(request), request.query.year),
  );

  fastify.get(
    '/api/v1/service-items/communities',
    {
      config: { permission: 'service-items.apply' },
      schema: {
        tags,
        summary: '可申请的社区（本县）/ Communities of my county',
        response: {
          200: z.array(z.object({ id: z.string().uuid(), name: z.string(), parentName: z.string().nullable() })),
          ...errorResponses,
        },
      },
    },
    async (request) => communitiesForApplicant(db, callerOf(request)),
  );

  fastify.get(
    '/api/v1/service-items/:caseId',
    {
      config: { permission: 'service-items.read' },
      schema: {
        tags,
        summary: '准入申请详情 / An application',
        params: caseParams,
        response: { 200: serviceItemDetail, ...errorResponses },
      },
    },
    async (request) => getServiceItem(db, callerOf(request), request.params.caseId),
  );

  fastify.post(
    '/api/v1/service-items/reports',
    {
      config: { permission: 'service-items.report', admission: 'workflow' },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: '报告未经准入的事项 / Report an item pushed without admission',
        description:
          'SA-REPORT: opens a case the county must answer by `answerDueAt` (reminder, warning and escalation to the city). The outcome is published; `anonymous` keeps the committee unnamed.',
        body: serviceItemReport.meta({
          examples: [
            {
              itemDescription: '要求社区每周上报辖区商户消防检查台账',
              pushedBy: '县住房和城乡建设局',
              pushedByOrgId: '$organizationId',
              pushedOn: '2026-03-02',
              anonymous: true,
            },
          ],
        }),
        response: { 201: reportStarted, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { row, answerDueAt, queryCode } = await startServiceItemReport({
        ...fastify.platform,
        caller: callerOf(request),
        report: request.body,
        requestId: request.id,
        idempotency: idempotencyOf(request),
      });
      return reply.status(201).send({ ...toCaseSummary(row), answerDueAt, queryCode });
    },
  );

  fastify.post(
    '/api/v1/service-items/reports/:caseId/documents',
    {
      bodyLimit: 15 * 1024 * 1024,
      config: { permission: 'service-items.report' },
      schema: {
        tags,
        summary: '补充报告证据 / Attach evidence to a report',
        params: caseParams,
        body: z
          .object({
            filename: z.string().trim().min(1).max(200),
            mimeType: z.enum(DOCUMENT_MIME_TYPES),
            contentBase64: z.string().min(1).max(14_000_000).base64(),
          })
          .strict()
          .meta({ examples: [{ filename: 'evidence.pdf', mimeType: 'application/pdf', contentBase64: 'JVBERi0xLjQKJcfsj6IK' }] }),
        response: { 201: z.object({ id: z.string().uuid(), sha256: z.string(), size: z.number().int() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const doc = await attachReportEvidence({
        db,
        caller: callerOf(request),
        caseId: request.params.caseId,
        ...request.body,
        requestId: request.id,
      });
      return reply.status(201).send({ id: doc.id, sha256: doc.sha256, size: doc.size });
    },
  );
};

export default serviceAdmissionRoutes;
