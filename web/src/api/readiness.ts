import { z } from 'zod';
import { ApiError, CLIENT_ERROR_CODES, apiRequest } from './client';

const checkSchema = z.object({
  ok: z.boolean(),
  error: z.string().optional(),
});

const readinessSchema = z.object({
  status: z.string(),
  checks: z.record(z.string(), checkSchema).default({}),
});

export type ReadinessCheck = z.infer<typeof checkSchema>;
export type Readiness = z.infer<typeof readinessSchema>;

/** GET /readyz. A 503 carries the same body shape (status "not-ready"), so it is not an error here. */
export async function fetchReadiness(signal?: AbortSignal): Promise<Readiness> {
  const body = await apiRequest('/readyz', { signal, acceptStatuses: [503] });
  const parsed = readinessSchema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({ status: 200, code: CLIENT_ERROR_CODES.invalidResponse, cause: parsed.error });
  }
  return parsed.data;
}

export function isReady(readiness: Readiness): boolean {
  return readiness.status === 'ready' && Object.values(readiness.checks).every((check) => check.ok);
}
