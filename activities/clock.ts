import type { Db } from '../runtime/db';
import { endOfDayInChina, periodEnd, type IsoDate, type Period } from '../domain/clock';
import { loadHolidayCalendar } from '../runtime/holiday-calendar';

export interface ResolveDeadlineInput {
  /** The event that starts the period (a China calendar date). */
  eventDate: IsoDate;
  period: Period;
}

export interface ResolvedDeadline {
  lastDay: IsoDate;
  /** End of the last day, China time (ISO instant). */
  dueAt: string;
  calendarWarning?: string;
}

export function createClockActivities({ db }: { db: Db }) {
  return {
    /**
     * The due instant of a statutory period, with the holiday calendar (package + administrator overrides) read
     * here, outside the workflow, so the result is recorded in history and replays identically.
     */
    async resolveDeadline(input: ResolveDeadlineInput): Promise<ResolvedDeadline> {
      const end = periodEnd(input.eventDate, input.period, await loadHolidayCalendar(db));
      return {
        lastDay: end.lastDay,
        dueAt: endOfDayInChina(end.lastDay).toISOString(),
        calendarWarning: end.unknownYears.length ? `calendar-unknown:${end.unknownYears.join(',')}` : undefined,
      };
    },
  };
}
