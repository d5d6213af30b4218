import { z } from 'zod';

/** The one decision of the smoke procedure: proves the human-task path end to end. */
export const smokeConfirmForm = z
  .object({
    decision: z.enum(['approve', 'reject']),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();

export type SmokeConfirmForm = z.infer<typeof smokeConfirmForm>;
