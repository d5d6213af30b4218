import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../domain/errors';
import { settings } from '../../../runtime/config';

/**
 * Rate limits, off by default and switched on per route (`config.rateLimit`): public check endpoints use
 * `PUBLIC_CHECK_RATE_LIMIT`. Counters are per process (in memory); behind several API processes put the limit
 * at the reverse proxy too.
 */
export const PUBLIC_CHECK_RATE_LIMIT = { max: settings.publicRateLimitMax(), timeWindow: '1 minute' };
/** 我要查 and its rating take a query code: a tighter limit per client against guessing codes. */
export const PUBLIC_QUERY_RATE_LIMIT = { max: settings.publicQueryRateLimitMax(), timeWindow: '1 minute' };

export default fp(
  async function rateLimits(fastify: FastifyInstance) {
    await fastify.register(rateLimit, {
      global: false,
      errorResponseBuilder: () => new AppError('RATE_LIMITED'),
    });
  },
  { name: 'rate-limit' },
);
