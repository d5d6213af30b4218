import type { z } from 'zod';
import { smokeConfirmForm } from './smoke';

/**
 * Every task form by id. The workflow's Update validator, the API and the web form all validate with these
 * same schemas, so a payload the UI accepts is exactly what the workflow accepts.
 */
export const FORMS = {
  'smoke.confirm': smokeConfirmForm,
} as const satisfies Record<string, z.ZodType>;

export type FormId = keyof typeof FORMS;
export type FormPayload<F extends FormId> = z.infer<(typeof FORMS)[F]>;

export function isFormId(value: string): value is FormId {
  return Object.prototype.hasOwnProperty.call(FORMS, value);
}
