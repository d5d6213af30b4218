import type { z } from 'zod';
import { SMOKE_FORMS } from './smoke';
import { ELECTION_FORMS } from './election';
import { OWNERS_MEETING_FORMS } from './owners-meeting';
import { VILLAGE_CONVERSION_FORMS } from './village-conversion';
import { SERVICE_ADMISSION_FORMS } from './service-admission';
import { RECTIFICATION_FORMS } from './rectification';

/**
 * Every task form by id. The workflow's Update validator, the API and the web form all validate with these
 * same schemas, so a payload the UI accepts is exactly what the workflow accepts.
 */
export const FORMS = {
  ...SMOKE_FORMS,
  ...ELECTION_FORMS,
  ...OWNERS_MEETING_FORMS,
  ...VILLAGE_CONVERSION_FORMS,
  ...SERVICE_ADMISSION_FORMS,
  ...RECTIFICATION_FORMS,
} as const satisfies Record<string, z.ZodType>;

export type FormId = keyof typeof FORMS;
export type FormPayload<F extends FormId> = z.infer<(typeof FORMS)[F]>;

export function isFormId(value: string): value is FormId {
  return Object.prototype.hasOwnProperty.call(FORMS, value);
}
