import { chinaDateOf, type Period } from '../../domain/clock';
import { procedureActivities, type TaskDeadline } from './human-task';

/**
 * A task's deadline: `period` counted from today (China calendar, holidays from the calendar activity), with a reminder
 * before it and the escalation after it.
 */
export async function deadlineFromToday(options: {
  period: Period;
  remindBeforeMs: number;
  escalateAfterMs: number;
}): Promise<TaskDeadline> {
  const resolved = await procedureActivities.resolveDeadline({ eventDate: chinaDateOf(new Date()), period: options.period });
  return {
    dueAt: resolved.dueAt,
    remindBeforeMs: options.remindBeforeMs,
    escalateAfterMs: options.escalateAfterMs,
    calendarWarning: resolved.calendarWarning,
  };
}
