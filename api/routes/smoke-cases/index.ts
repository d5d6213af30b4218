import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { caseSummary, toCaseSummary } from '../../schemas/cases';
import { idempotencyHeaders, idempotencyOf } from '../../schemas/idempotency';
import { errorResponses } from '../../schemas/errors';
import { startSmokeCase } from '../../services/cases/smoke';

/** The smoke procedure: proves start → task → Update → close end to end. */
const smokeCaseRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.post(
    '/api/v1/smoke-cases',
    {
      config: { permission: 'smoke.start', admission: 'workflow' },
      schema: {
        headers: idempotencyHeaders,
        tags: ['smoke'],
        summary: '发起系统连通性检查 / Start a smoke check',
        body: z
          .object({ title: z.string().trim().min(1).max(200) })
          .strict()
          .meta({ examples: [{ title: '连通性检查' }] }),
        response: { 201: caseSummary, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await startSmokeCase({
        ...fastify.platform,
        caller: callerOf(request),
        title: request.body.title,
        requestId: request.id,
        idempotency: idempotencyOf(request),
      });
      return reply.status(201).send(toCaseSummary(row));
    },
  );
};

export default smokeCaseRoutes;
