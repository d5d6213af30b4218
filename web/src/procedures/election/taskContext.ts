import { z } from 'zod';
import type { TaskView } from '../../api/tasks';
import { electionRule } from '../../../../api/schemas/election';
import { ELECTION_LAWS } from '../../../../domain/rules/election';

/**
 * What the election workflow puts in each task's context (workflows/election/*.ts), read with a schema so a form
 * never trusts an unexpected shape: a mismatch leaves the field undefined and the form shows less, not wrong data.
 */
const law = z.enum(ELECTION_LAWS);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const setupContext = z.object({ law: law.optional(), communityOrgId: z.string().optional() });
export const publishContext = z.object({ electionDate: isoDate.optional(), lastAllowedDate: isoDate.optional() });
export const answerContext = z.object({
  objectionId: z.string().optional(),
  receivedOn: isoDate.optional(),
  answerLastDay: isoDate.optional(),
});
export const candidatesContext = z.object({ seats: z.number().int().optional(), registeredVoters: z.number().int().optional() });
export const resultsContext = z.object({
  round: z.enum(['first', 'runoff']).default('first'),
  seats: z.number().int().optional(),
  registeredVoters: z.number().int().optional(),
  candidates: z.array(z.string()).default([]),
  electionDate: isoDate.optional(),
});
export const handoverContext = z.object({
  electedOn: isoDate.optional(),
  lastAllowedDate: isoDate.optional(),
  elected: z.array(z.string()).default([]),
});
export const decisionContext = z.object({
  number: z.string().optional(),
  electionId: z.string().optional(),
  law: law.optional(),
  round: z.number().int().optional(),
  precheck: z.array(electionRule).default([]),
  evidenceNotSupplied: z.boolean().default(false),
});

/** The task's context read with `schema` (its defaults when it does not match). */
export function taskContext<T extends z.ZodType>(schema: T, task: TaskView): z.output<T> {
  const parsed = schema.safeParse(task.context);
  if (parsed.success) return parsed.data;
  const empty = schema.safeParse({});
  return (empty.success ? empty.data : {}) as z.output<T>;
}
