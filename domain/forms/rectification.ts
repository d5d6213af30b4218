import { z } from 'zod';

/** 整改情况: the responsible organization's account of how it put a 差评 right (shown to the rater on 我要查). */
export const rectificationAnswerForm = z
  .object({
    answer: z.string().trim().min(1).max(2000),
  })
  .strict();

export type RectificationAnswerForm = z.infer<typeof rectificationAnswerForm>;

/** The task forms of this procedure by form id (domain/forms/index.ts `FORMS`; loaded alone by `loadFormSchema`). */
export const RECTIFICATION_FORMS = {
  'rectification.answer': rectificationAnswerForm,
} as const;
