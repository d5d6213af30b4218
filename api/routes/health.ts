import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const check = z.object({ ok: z.boolean(), error: z.string().optional() });
const readiness = z.object({
  status: z.enum(['ready', 'not-ready']),
  checks: z.object({ postgres: check, temporal: check }),
});

async function probe(fn: () => Promise<unknown>, timeoutMs = 3000): Promise<z.infer<typeof check>> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness (the process answers) and readiness (PostgreSQL and Temporal reachable; 503 names the failing part). */
const healthRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/healthz',
    { schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('alive') }) } } },
    async () => ({ status: 'alive' as const }),
  );

  fastify.get(
    '/readyz',
    { schema: { tags: ['health'], response: { 200: readiness, 503: readiness } } },
    async (_request, reply) => {
      const { db, temporal } = fastify.platform;
      const [postgres, temporalCheck] = await Promise.all([
        probe(() => db.$queryRaw`SELECT 1`),
        probe(() => temporal.workflowService.getSystemInfo({})),
      ]);
      const ready = postgres.ok && temporalCheck.ok;
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not-ready', checks: { postgres, temporal: temporalCheck } });
    },
  );
};

export default healthRoutes;
