import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Idempotency } from '../services/idempotency';

/**
 * The optional `Idempotency-Key` header of the routes that open a case, import a voter list or record an objection: a
 * client that sends the same key again (after a lost answer, or a second tap) gets what the first request did instead of doing it twice.
 * Other headers pass.
 */
export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,128}$/)
    .optional()
    .meta({
      description:
        '16–128 letters, digits, "-" or "_" (e.g. a UUID), new for each case (or import) the client means to make. A ' +
        'repeat with the same key answers what the first request made; the same key with another body is refused (422 ' +
        'IDEMPOTENCY_KEY_REUSED).',
    }),
});

/** The request's key and fingerprint (route and body), or undefined when the client sent no key. */
export function idempotencyOf(request: FastifyRequest): Idempotency | undefined {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string') return undefined;
  const fingerprint = createHash('sha256')
    .update(`${request.method} ${request.url.split('?')[0]}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  return { key, fingerprint };
}
