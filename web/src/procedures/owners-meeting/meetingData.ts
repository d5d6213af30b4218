import type { Language } from '../../i18n';
import { formatLastDay } from '../format';
import { z } from 'zod';
import { matter, meetingType } from '../../../../domain/forms/owners-meeting';
import { ownersMeetingRuleView } from '../../api/schemas/procedures';
import type { CaseRecord } from '../../api/cases';
import type { TaskView } from '../../api/tasks';

/**
 * What the owners' meeting procedure keeps in Case.data (workflows/owners-meeting/messages.ts OwnersMeetingCaseData),
 * read back with a schema so the task forms never trust an unchecked shape.
 */
const registeredMeeting = z.object({
  meetingType,
  kind: z.enum(['regular', 'interim']),
  meetingDate: z.string(),
  place: z.string(),
  noticeDate: z.string(),
  residentsCommitteeInformedDate: z.string(),
  items: z.array(z.object({ title: z.string(), matter })),
});

export const opinionData = z.object({
  status: z.enum(['pending', 'given', 'none-by-deadline']),
  deadline: z.string(),
  text: z.string().nullish(),
  givenAt: z.string().nullish(),
  givenBy: z.string().nullish(),
});

const meetingData = z.object({
  meeting: registeredMeeting,
  opinion: opinionData,
  votes: z
    .object({ quorum: z.boolean(), items: z.array(z.object({ title: z.string(), matter, passed: z.boolean() })) })
    .optional(),
});

export type RegisteredMeeting = z.infer<typeof registeredMeeting>;
export type OpinionData = z.infer<typeof opinionData>;
export type MeetingData = z.infer<typeof meetingData>;

/** The meeting of an owners' meeting case, or undefined when the record is not one. */
export function meetingDataOf(record: CaseRecord): MeetingData | undefined {
  const parsed = meetingData.safeParse(record.case.data);
  return parsed.success ? parsed.data : undefined;
}

/** What the workflow put in the context of the report and post tasks: the decisions and the rules that made them. */
const decisionContext = z.object({
  quorum: z.boolean().optional(),
  decisions: z.array(z.object({ title: z.string(), matter, passed: z.boolean() })),
  rules: z.array(ownersMeetingRuleView).optional(),
  suggestionDeadline: z.string().optional(),
  lastDay: z.string().nullable().optional(),
});

export type DecisionContext = z.infer<typeof decisionContext>;

export function decisionContextOf(task: TaskView): DecisionContext | undefined {
  const parsed = decisionContext.safeParse(task.context);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The last day (China time) of a deadline the workflow keeps as an instant at the end of that day (24:00 is the
 * next day's 00:00, 民法典 Art. 203), in the app's date format: "by 2026年12月11日" reads better than "2026-12-12 00:00".
 */
export function lastDayOf(deadline: string, language: Language): string {
  return formatLastDay(deadline, language);
}
