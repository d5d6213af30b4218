import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAuditChain } from '../../../runtime/audit-verify';
import { errorResponses } from '../../schemas/errors';

const verification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z
    .object({
      seq: z.string(),
      chain: z.number().int(),
      chainSeq: z.string(),
      reason: z.enum(['hash-mismatch', 'broken-link', 'sequence-gap']),
    })
    .optional(),
});

const adminRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/api/v1/admin/audit/verify',
    {
      config: { permission: 'audit.verify' },
      schema: {
        tags: ['admin'],
        summary: '校验审计链 / Verify the audit chain',
        response: { 200: verification, ...errorResponses },
      },
    },
    async () => verifyAuditChain(fastify.platform.db),
  );
};

export default adminRoutes;
