/**
 * The statutory clock: how Chinese law counts periods (民法典 Arts. 200–204, 1259). Pure functions over ISO dates
 * (YYYY-MM-DD); the holiday calendar is data passed in, never code.
 * - A period in days starts on the day after the event (Art. 201) and ends on its last day at 24:00 (Art. 203).
 * - A period in months or years ends on the corresponding day, or the month's last day when there is none (Art. 202).
 * - When the last day is a rest day (weekend or public holiday; a swapped working day is a working day), the period
 *   ends on the first working day after it (Art. 203).
 * - "以上/以内/届满" include the number itself (Art. 1259).
 */

export type IsoDate = string;

/**
 * Whether a day is a working day, whether the calendar knows that day's year (the State Council's notice of its
 * 调休/补假), and whether the day is settled: a day of an unknown year that the notice may still change is not.
 */
export interface HolidayCalendar {
  isWorkday(date: IsoDate): boolean;
  knowsYear(year: number): boolean;
  /** False for a day whose status waits for the yearly notice (in an unknown year, near a fixed holiday). */
  isSettled(date: IsoDate): boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function toUtc(date: IsoDate): Date {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** The corresponding day `months` later, or the last day of that month when it has no such day (Art. 202). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toUtc(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target);
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

export function isWeekend(date: IsoDate): boolean {
  const day = toUtc(date).getUTCDay();
  return day === 0 || day === 6;
}

export type PeriodUnit = 'days' | 'workdays' | 'months' | 'years';

export interface Period {
  amount: number;
  unit: PeriodUnit;
}

export interface PeriodEnd {
  /** The last day of the period (inclusive): the deadline is the end of this day. */
  lastDay: IsoDate;
  /** The nominal last day before the rest-day rule moved it (equal to lastDay when not moved). */
  nominalLastDay: IsoDate;
  /** Years the calendar does not know that the computation touched: the result may be wrong there. */
  unknownYears: number[];
  /** The last day if every unsettled day the count met turns out a working day (equal to lastDay when settled). */
  earliestLastDay: IsoDate;
  /** The last day if every unsettled day the count met turns out a rest day (equal to lastDay when settled). */
  latestLastDay: IsoDate;
}

/** Whether an act was in time: `undetermined` when that depends only on days the yearly notice has yet to settle. */
export type DeadlineOutcome = 'passed' | 'failed' | 'undetermined';

export function deadlineOutcome(actDate: IsoDate, end: Pick<PeriodEnd, 'earliestLastDay' | 'latestLastDay'>): DeadlineOutcome {
  if (actDate <= end.earliestLastDay) return 'passed';
  if (actDate > end.latestLastDay) return 'failed';
  return 'undetermined';
}

/**
 * The last day of a period that starts with an event on `eventDate` (the event day itself is not counted).
 * Working-day periods count only working days; other periods count calendar days and then move a last day that is
 * a rest day to the next working day.
 */
export function periodEnd(eventDate: IsoDate, period: Period, calendar: HolidayCalendar): PeriodEnd {
  if (!Number.isInteger(period.amount) || period.amount < 0) throw new RangeError('period amount must be a non-negative integer');
  const touched = new Set<number>();
  const count = (workday: (date: IsoDate) => boolean) => {
    const seen = (date: IsoDate) => {
      touched.add(yearOf(date));
      return workday(date);
    };
    let nominal: IsoDate;
    if (period.unit === 'workdays') {
      let date = eventDate;
      let counted = 0;
      while (counted < period.amount) {
        date = addDays(date, 1);
        if (seen(date)) counted += 1;
      }
      nominal = date;
    } else if (period.unit === 'days') nominal = addDays(eventDate, period.amount);
    else if (period.unit === 'months') nominal = addMonths(eventDate, period.amount);
    else nominal = addYears(eventDate, period.amount);
    let last = nominal;
    while (!seen(last)) last = addDays(last, 1);
    return { nominal, last };
  };
  const assumed = count((date) => calendar.isWorkday(date));
  // Both bounds are monotone: more rest days can only move a last day later.
  const earliest = count((date) => (calendar.isSettled(date) ? calendar.isWorkday(date) : true));
  const latest = count((date) => (calendar.isSettled(date) ? calendar.isWorkday(date) : false));
  const unknownYears = [...touched].filter((y) => !calendar.knowsYear(y)).sort();
  return {
    lastDay: assumed.last,
    nominalLastDay: assumed.nominal,
    unknownYears,
    earliestLastDay: earliest.last,
    latestLastDay: latest.last,
  };
}

/**
 * The latest date on which something must happen to be `days` or more before `eventDate` ("提前 N 日以上"):
 * counting back, the day of the act is excluded and the event day is excluded, so the gap is at least `days` days.
 */
export function latestDateBefore(eventDate: IsoDate, days: number): IsoDate {
  return addDays(eventDate, -days);
}

/** True when `actDate` is `days` or more before `eventDate` (inclusive of exactly `days`). */
export function isAtLeastDaysBefore(actDate: IsoDate, eventDate: IsoDate, days: number): boolean {
  return daysBetween(actDate, eventDate) >= days;
}

/** Age in full years on `onDate` (someone born 2009-03-15 is 18 on 2027-03-15). */
export function fullYearsBetween(from: IsoDate, onDate: IsoDate): number {
  let years = yearOf(onDate) - yearOf(from);
  if (addYears(from, years) > onDate) years -= 1;
  return years;
}

/** Full months from `from` to `onDate` (residence since 2025-03-31 has 1 full month on 2025-04-30, by Art. 202). */
export function fullMonthsBetween(from: IsoDate, onDate: IsoDate): number {
  let months = (yearOf(onDate) - yearOf(from)) * 12 + (Number(onDate.slice(5, 7)) - Number(from.slice(5, 7)));
  if (addMonths(from, months) > onDate) months -= 1;
  return months;
}

/** End of a day in China Standard Time (UTC+8, no DST) as an instant: a deadline "by the end of lastDay". */
export function endOfDayInChina(date: IsoDate): Date {
  return new Date(`${addDays(date, 1)}T00:00:00+08:00`);
}

/** The calendar date in China of an instant. */
export function chinaDateOf(instant: Date): IsoDate {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
