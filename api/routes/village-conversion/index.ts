import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allPassed, publicRule } from '../../../domain/rules/rule';
import { conversionConditions, evaluateConversion } from '../../../domain/rules/village-conversion';
import { PUBLIC_CHECK_RATE_LIMIT } from '../../plugins/external/rate-limit';
import { errorResponses } from '../../schemas/errors';
import { conditionsCheckResponse } from '../../schemas/village-conversion';

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
          examples: [
            {
              insideUrbanBoundary: true,
              farmlandInsufficient: true,
              labourForce: 900,
              nonFarmLabour: 600,
              assetRestructuringComplete: true,
              assembly: {
                fullAssembly: true,
                noticeDate: '2026-03-01',
                meetingDate: '2026-03-11',
                adultVillagers: 1000,
                adultAttendees: 501,
                households: 300,
                householdRepresentatives: 150,
                votesFor: 251,
              },
            },
          ],
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
