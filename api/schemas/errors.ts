import { z } from 'zod';

import { localizedText as localized } from '../../domain/localized-text';

/** The body of every error response. */
export const errorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable machine-readable error code' }),
      message: localized,
      requestId: z.string(),
      fields: z.array(z.object({ path: z.string(), code: z.string(), message: localized })).optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });

/** Standard error responses a route can declare next to its success schema. */
export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  422: errorResponse,
  429: errorResponse,
  500: errorResponse,
  503: errorResponse,
} as const;
