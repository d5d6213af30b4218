import chineseDays from 'chinese-days';
import packagedData from 'chinese-days/dist/chinese-days.json';
import type { HolidayCalendar, IsoDate } from '../domain/clock';
import { isWeekend, yearOf } from '../domain/clock';
import { isInArrangementWindow, isStatutoryHoliday } from '../domain/statutory-holidays';
import type { Db } from './db';

/** Holiday data of the `chinese-days` package: public holidays and swapped working days (调休) by date. */
const packaged = chineseDays as unknown as { isWorkday(date: string): boolean };
const packagedYears = new Set(Object.keys(packagedData.holidays).map((d) => Number(d.slice(0, 4))));

export interface CalendarOverrides {
  days: Map<IsoDate, boolean>;
  years: Set<number>;
}

/**
 * The calendar the statutory clock uses: an administrator's overrides first, then the package, then — for a year
 * whose notice nobody declared — weekends and the fixed statutory holidays (元旦, 春节 除夕–初三, 清明, 5月1–2日,
 * 端午, 中秋, 10月1–3日, computed). Such a year is reported as unknown (the deadline carries a warning), and its days
 * near a fixed holiday are unsettled: the notice's 调休/补假 may still change them.
 */
export function buildHolidayCalendar(overrides: CalendarOverrides): HolidayCalendar {
  const knowsYear = (year: number) => packagedYears.has(year) || overrides.years.has(year);
  return {
    isWorkday(date) {
      const override = overrides.days.get(date);
      if (override !== undefined) return override;
      if (packagedYears.has(yearOf(date))) return packaged.isWorkday(date);
      return !isWeekend(date) && !isStatutoryHoliday(date);
    },
    knowsYear,
    isSettled(date) {
      if (overrides.days.has(date) || knowsYear(yearOf(date))) return true;
      return !isInArrangementWindow(date);
    },
  };
}

export async function loadHolidayCalendar(db: Db): Promise<HolidayCalendar> {
  const [days, years] = await Promise.all([db.calendarDay.findMany(), db.calendarYear.findMany()]);
  return buildHolidayCalendar({ days: new Map(days.map((d) => [d.date, d.workday])), years: new Set(years.map((y) => y.year)) });
}

export function packagedCalendarYears(): number[] {
  return [...packagedYears].sort();
}
