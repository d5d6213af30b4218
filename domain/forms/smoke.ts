import { z } from 'zod';

/** The one decision of the smoke procedure: proves the human-task path end to end. */
export const smokeConfirmForm = z
  .object({
    decision: z.enum(['approve', 'reject']),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();

export type SmokeConfirmForm = z.infer<typeof smokeConfirmForm>;

/** The task forms of this procedure by form id (domain/forms/index.ts `FORMS`; loaded alone by `loadFormSchema`). */
export const SMOKE_FORMS = {
  'smoke.confirm': smokeConfirmForm,
} as const;
