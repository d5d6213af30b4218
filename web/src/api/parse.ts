import type { z } from 'zod';
import { ApiError, CLIENT_ERROR_CODES } from './client';

/** Checks a response body against its schema; a mismatch is an INVALID_RESPONSE ApiError. */
export function parseResponse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError({ status: 200, code: CLIENT_ERROR_CODES.invalidResponse, cause: parsed.error });
  return parsed.data;
}
