import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { caseSummary, toCaseSummary } from '../../schemas/cases';
import { idempotencyHeaders, idempotencyOf } from '../../schemas/idempotency';
import { errorResponses } from '../../schemas/errors';
import { fileResponse } from '../../schemas/files';
import { conversionDraftBody, startConversionBody, withdrawConversionBody } from '../../schemas/village-conversion';
import {
  conversionDecisionPdf,
  saveConversionDraft,
  withdrawConversion,
} from '../../services/village-conversion/conversion-actions';
import { startConversion } from '../../services/village-conversion/start-conversion';

const params = z.object({ caseId: z.string().uuid() });

/** The 村改居 procedure: start, draft, withdraw, the printed decision. Steps are completed as tasks (/api/v1/tasks). */
const villageConversionProcedureRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;
  fastify.post(
    '/api/v1/village-conversions',
    {
      config: { permission: 'village-conversion.apply', admission: 'workflow' },
      schema: {
        headers: idempotencyHeaders,
        tags: ['village-conversion'],
        summary: '发起村改居申请（村委会）/ Start a conversion (village committee)',
        body: startConversionBody,
        response: { 201: caseSummary, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        toCaseSummary(
          await startConversion({
            ...fastify.platform,
            caller: callerOf(request),
            title: request.body.title,
            requestId: request.id,
            idempotency: idempotencyOf(request),
          }),
        ),
      ),
  );

  fastify.put(
    '/api/v1/village-conversions/:caseId/draft',
    {
      config: { permission: 'village-conversion.apply' },
      schema: {
        tags: ['village-conversion'],
        summary: '保存草稿 / Save a draft',
        params,
        body: conversionDraftBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await saveConversionDraft({
        db,
        caller: callerOf(request),
        caseId: request.params.caseId,
        draft: request.body.draft,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );

  fastify.post(
    '/api/v1/village-conversions/:caseId/withdraw',
    {
      config: { permission: 'village-conversion.apply', admission: 'workflow' },
      schema: {
        tags: ['village-conversion'],
        summary: '撤回申请（乡镇提出前）/ Withdraw (before the township proposes)',
        params,
        body: withdrawConversionBody,
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      await withdrawConversion({
        ...fastify.platform,
        caller: callerOf(request),
        caseId: request.params.caseId,
        reason: request.body.reason,
        requestId: request.id,
      });
      return { ok: true as const };
    },
  );

  fastify.get(
    '/api/v1/village-conversions/:caseId/decision.pdf',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['village-conversion'],
        summary: '批复（PDF）/ The written decision (PDF)',
        params,
        response: { 200: fileResponse('PDF', ['application/pdf']), ...errorResponses },
      },
    },
    async (request, reply) => {
      const pdf = await conversionDecisionPdf({ db, caller: callerOf(request), caseId: request.params.caseId });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(pdf.filename)}`)
        .send(pdf.bytes);
    },
  );
};

export default villageConversionProcedureRoutes;
