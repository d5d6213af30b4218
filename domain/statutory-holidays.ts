import chineseDays from 'chinese-days';
import { addDays, daysBetween, yearOf, type IsoDate } from './clock';

/**
 * The statutory holidays every year has, by 《全国年节及纪念日放假办法》 Art. 2 (revised 2024, in force 2025-01-01):
 * 元旦 (1 January), 春节 (农历除夕 and 正月初一–初三), 清明 (the day of the solar term 清明), 劳动节 (1–2 May),
 * 端午 (农历五月初五), 中秋 (农历八月十五), 国庆 (1–3 October). The lunar dates and the solar term are computed (by the
 * `chinese-days` package's lunar and solar-term tables), so these days are rest days in any year, whether or not the
 * State Council's yearly notice is known. Only the arrangement around them — swapped working days (调休) and
 * substitute days (补假, Art. 6) — waits for the notice.
 */

export type StatutoryHolidayKey =
  'new-year' | 'spring-festival' | 'qingming' | 'labour-day' | 'dragon-boat' | 'mid-autumn' | 'national-day';

export interface StatutoryHoliday {
  date: IsoDate;
  key: StatutoryHolidayKey;
  name: string;
}

const lunar = chineseDays as unknown as {
  getSolarDateFromLunar(lunarDate: string): { date: string; leapMonthDate?: string };
  getSolarTermDate(year: number, month: number, term: 'pure_brightness'): string;
};

/** The first year the 2024 revision's list applies (除夕 became a holiday then). */
export const STATUTORY_HOLIDAYS_SINCE = 2025;

/**
 * Days around a fixed holiday that the yearly notice may still turn into a swapped working day or a substitute rest
 * day. In the notices of 2018–2026 no 调休 working day or extra rest day lay more than 9 days from one of the fixed
 * days; 12 leaves a margin. One-off holidays (e.g. 2015-09-03) cannot be foreseen by any rule.
 */
export const ARRANGEMENT_WINDOW_DAYS = 12;

const cache = new Map<number, StatutoryHoliday[]>();

/**
 * The fixed statutory holidays of a Gregorian year (lunar festivals of the lunar year that starts in it); none before
 * the 2024 revision applies (earlier years are the package's announced data).
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (year < STATUTORY_HOLIDAYS_SINCE) return [];
  const cached = cache.get(year);
  if (cached) return cached;
  const newYear = lunar.getSolarDateFromLunar(`${year}-01-01`).date;
  const days: StatutoryHoliday[] = [
    { date: `${year}-01-01`, key: 'new-year', name: '元旦' },
    { date: addDays(newYear, -1), key: 'spring-festival', name: '春节（除夕）' },
    { date: newYear, key: 'spring-festival', name: '春节（正月初一）' },
    { date: addDays(newYear, 1), key: 'spring-festival', name: '春节（正月初二）' },
    { date: addDays(newYear, 2), key: 'spring-festival', name: '春节（正月初三）' },
    { date: lunar.getSolarTermDate(year, 4, 'pure_brightness'), key: 'qingming', name: '清明节' },
    { date: `${year}-05-01`, key: 'labour-day', name: '劳动节' },
    { date: `${year}-05-02`, key: 'labour-day', name: '劳动节' },
    // The festival is in the ordinary fifth / eighth month, never a leap month of the same number.
    { date: lunar.getSolarDateFromLunar(`${year}-05-05`).date, key: 'dragon-boat', name: '端午节' },
    { date: lunar.getSolarDateFromLunar(`${year}-08-15`).date, key: 'mid-autumn', name: '中秋节' },
    { date: `${year}-10-01`, key: 'national-day', name: '国庆节' },
    { date: `${year}-10-02`, key: 'national-day', name: '国庆节' },
    { date: `${year}-10-03`, key: 'national-day', name: '国庆节' },
  ];
  cache.set(year, days);
  return days;
}

/** Whether a date is one of the fixed statutory holidays of its year. */
export function isStatutoryHoliday(date: IsoDate): boolean {
  return statutoryHolidays(yearOf(date)).some((h) => h.date === date);
}

/**
 * Whether the yearly notice may still change this day (a fixed holiday never changes; a day near one may become a
 * 调休 working day or a 补假/extended rest day).
 */
export function isInArrangementWindow(date: IsoDate): boolean {
  if (isStatutoryHoliday(date)) return false;
  const year = yearOf(date);
  return [year - 1, year, year + 1].some((y) =>
    statutoryHolidays(y).some((h) => Math.abs(daysBetween(h.date, date)) <= ARRANGEMENT_WINDOW_DAYS),
  );
}
