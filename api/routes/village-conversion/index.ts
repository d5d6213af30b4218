import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allPassed, publicRule } from '../../../domain/rules/rule';
import { conversionConditions, evaluateConversion } from '../../../domain/rules/village-conversion';
import { PUBLIC_CHECK_RATE_LIMIT } from '../../plugins/external/rate-limit';
import { errorResponses } from '../../schemas/errors';
import { CONVERSION_APPLICATION_EXAMPLE, conditionsCheckResponse } from '../../schemas/village-conversion';

const villageConversionRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.post(
    '/api/v1/village-conversions/conditions-check',
    {
      config: { public: true, rateLimit: PUBLIC_CHECK_RATE_LIMIT },
      schema: {
        tags: ['village-conversion'],
        summary: '村改居条件自查（公开）/ Village conversion conditions check (public)',
        description: 'Evaluates VC-C1…VC-C4, VC-NOTICE, VC-QUORUM and VC-MAJORITY. No login; rate-limited.',
        querystring: z.object({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict(),
        body: conversionConditions.meta({
          examples: [CONVERSION_APPLICATION_EXAMPLE],
        }),
        response: { 200: conditionsCheckResponse, ...errorResponses },
      },
    },
    async (request) => {
      const rules = evaluateConversion(request.body);
      return { satisfied: allPassed(rules), rules: rules.map((r) => publicRule(r, request.query.lang)) };
    },
  );
};

export default villageConversionRoutes;
