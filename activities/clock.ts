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
  /**
   * In a year whose holiday notice is unknown: the last day if every unsettled day (调休/补假 not yet announced) turns
   * out a working day, and if every one turns out a rest day. An act between the two is undetermined, not late.
   */
  earliestLastDay?: IsoDate;
  latestLastDay?: IsoDate;
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
        ...(end.earliestLastDay !== end.latestLastDay
          ? { earliestLastDay: end.earliestLastDay, latestLastDay: end.latestLastDay }
          : {}),
      };
    },
  };
}
