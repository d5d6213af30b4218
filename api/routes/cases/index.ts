import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { caseRecordResponse, caseSummary, toCaseSummary } from '../../schemas/cases';
import { errorResponses } from '../../schemas/errors';
import { caseRecord, listCases } from '../../services/cases/case-record';

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
          .object({
            procedure: z.string().max(50).optional(),
            status: z.enum(['OPEN', 'COMPLETED', 'REJECTED', 'WITHDRAWN', 'FAILED']).optional(),
            q: z.string().trim().max(100).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          })
          .strict(),
        response: { 200: z.array(caseSummary), ...errorResponses },
      },
    },
    async (request) => (await listCases({ db, caller: callerOf(request), filter: request.query })).map(toCaseSummary),
  );

  fastify.get(
    '/api/v1/cases/:caseId',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['cases'],
        summary: '案件档案 / Case record',
        params: z.object({ caseId: z.string().uuid() }),
        response: { 200: caseRecordResponse, ...errorResponses },
      },
    },
    async (request) => caseRecord({ db, caller: callerOf(request), caseId: request.params.caseId }),
  );
};

export default caseRoutes;
