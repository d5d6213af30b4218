import { z } from 'zod';
import type { CaseRecord } from '../../api/cases';
import { serviceItemRuleView } from '../../api/schemas/procedures';
import type { TaskView } from '../../api/tasks';
import { serviceItemReport, serviceItemTerms, type ServiceItemTerms } from '../../../../domain/forms/service-admission';

/**
 * What a service-admission task shows, read from the task's context (written by the workflow when it opened the task)
 * and the case's data, each with a schema: a field the workflow did not give is simply absent.
 */
export type RecordedRule = z.infer<typeof serviceItemRuleView>;

const review = z.object({ decision: z.enum(['forward', 'return']), opinion: z.string(), by: z.string(), at: z.string() });
const appeal = z.object({ reasons: z.string(), by: z.string(), at: z.string() });
const community = z.object({ id: z.string(), name: z.string() });

function pick<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The terms the task is about: the task's own copy, else the case's current terms. */
export function termsOf(task: TaskView, record: CaseRecord): ServiceItemTerms | undefined {
  return pick(serviceItemTerms, task.context.terms) ?? pick(serviceItemTerms, record.case.data.terms);
}

export function rulesOf(task: TaskView): RecordedRule[] {
  return pick(z.array(serviceItemRuleView), task.context.rules) ?? [];
}

export function reviewOf(task: TaskView) {
  return pick(review, task.context.review);
}

export function appealOf(task: TaskView) {
  return pick(appeal, task.context.appeal);
}

/** 'application' or 'renewal' (the round of the review and the decision). */
export function roundOf(task: TaskView): 'application' | 'renewal' | undefined {
  return pick(z.enum(['application', 'renewal']), task.context.round);
}

/** When a re-review must be answered (the admitted period's end). */
export function renewalDueOf(task: TaskView): string | undefined {
  return pick(z.string(), task.context.renewalDueAt);
}

export function communitiesOf(record: CaseRecord): string[] {
  return (pick(z.array(community), record.case.data.communities) ?? []).map((c) => c.name);
}

export function departmentOf(record: CaseRecord): string {
  return pick(z.object({ name: z.string() }), record.case.data.department)?.name ?? record.case.organizationName;
}

const reportContext = z.object({
  report: serviceItemReport,
  communityName: z.string(),
  admittedItems: z.array(z.object({ number: z.string(), itemName: z.string() })).default([]),
  dueAt: z.string().optional(),
});

/** The community's report (SA-REPORT) the county answers. */
export function reportOf(task: TaskView) {
  return pick(reportContext, task.context);
}
