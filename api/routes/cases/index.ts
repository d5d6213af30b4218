import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { caseSummary, toCaseSummary } from '../../schemas/cases';
import { errorResponses } from '../../schemas/errors';
import { caseRecord, listCases } from '../../services/cases/case-record';

const localized = z.object({ 'zh-CN': z.string(), en: z.string() });
const caseRecordResponse = z
  .object({
    case: caseSummary.extend({ organizationName: z.string(), ruleSetVersion: z.string(), data: z.record(z.string(), z.unknown()) }),
    steps: z.array(z.object({ key: z.string(), name: localized, state: z.enum(['done', 'current', 'pending']) })),
    tasks: z.array(
      z.object({
        id: z.string().uuid(),
        kind: z.string(),
        formId: z.string(),
        status: z.string(),
        candidateOrgName: z.string(),
        candidateRole: z.string(),
        assigneeName: z.string().nullable(),
        dueAt: z.string().nullable(),
        completedAt: z.string().nullable(),
        result: z.unknown(),
      }),
    ),
    timeline: z.array(
      z.object({ seq: z.string(), at: z.string(), action: z.string(), outcome: z.string(), reason: z.string().nullable(), actorName: z.string().nullable(), data: z.record(z.string(), z.unknown()) }),
    ),
    ruleDecisions: z.array(
      z.object({ ruleId: z.string(), passed: z.boolean(), citation: z.string(), detail: localized.nullable(), values: z.record(z.string(), z.unknown()), decidedAt: z.string() }),
    ),
    documents: z.array(
      z.object({ id: z.string().uuid(), name: z.string(), size: z.number().int(), mimeType: z.string(), sha256: z.string(), taskId: z.string().nullable(), uploadedBy: z.string().nullable(), createdAt: z.string() }),
    ),
    comments: z.array(z.object({ id: z.string().uuid(), taskId: z.string().uuid(), author: z.string(), body: z.string(), createdAt: z.string() })),
  })
  .meta({ id: 'CaseRecord' });

const caseRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;
  fastify.get(
    '/api/v1/cases',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['cases'],
        summary: '案件列表 / Cases',
        querystring: z
          .object({ procedure: z.string().max(50).optional(), status: z.enum(['OPEN', 'COMPLETED', 'REJECTED', 'WITHDRAWN', 'FAILED']).optional(), q: z.string().trim().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) })
          .strict(),
        response: { 200: z.array(caseSummary), ...errorResponses },
      },
    },
    async (request) => (await listCases(db, callerOf(request), request.query)).map(toCaseSummary),
  );

  fastify.get(
    '/api/v1/cases/:caseId',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['cases'], summary: '案件档案 / Case record', params: z.object({ caseId: z.string().uuid() }), response: { 200: caseRecordResponse, ...errorResponses } },
    },
    async (request) => caseRecord(db, callerOf(request), request.params.caseId),
  );
};

export default caseRoutes;
