/**
 * How the product writes dates and times for people: China time (UTC+8, no daylight saving), one format in each
 * language, whatever the reader's time zone. The web app, the notifications and the PDFs all use these functions.
 * - A calendar date: "2026年12月5日" / "5 Dec 2026".
 * - An instant: "2026年12月5日 09:30" / "5 Dec 2026, 09:30".
 * - An instant at 00:00 China time is where a deadline ends (a period ends on its last day at 24:00, 民法典 Art. 203):
 *   it is written as the end of the day before, "2027年1月6日 当日结束" / "end of 6 Jan 2027", never as the next day's 00:00.
 */

export type DisplayLanguage = 'zh-CN' | 'en';

const OFFSET_MS = 8 * 3_600_000;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface ChinaParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Exactly 00:00:00.000 China time. */
  midnight: boolean;
}

function partsOf(instant: Date): ChinaParts {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    midnight: shifted.getTime() % 86_400_000 === 0,
  };
}

function toDate(value: string | Date): Date | undefined {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function dayText(year: number, month: number, day: number, language: DisplayLanguage): string {
  return language === 'en' ? `${day} ${MONTHS_EN[month - 1]} ${year}` : `${year}年${month}月${day}日`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The China calendar date (YYYY-MM-DD) of an instant. */
export function chinaDayOf(instant: string | Date): string {
  const date = toDate(instant);
  if (!date) return '';
  const p = partsOf(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** A China calendar date (YYYY-MM-DD) for people: "2026年12月5日" / "5 Dec 2026". Anything else is returned as is. */
export function formatChinaDay(date: string, language: DisplayLanguage): string {
  const m = ISO_DATE.exec(date);
  if (!m) return date;
  return dayText(Number(m[1]), Number(m[2]), Number(m[3]), language);
}

/** The China calendar date of an instant, for people: "2026年12月5日" / "5 Dec 2026". */
export function formatChinaDateOf(instant: string | Date, language: DisplayLanguage): string {
  const date = toDate(instant);
  if (!date) return typeof instant === 'string' ? instant : '';
  const p = partsOf(date);
  return dayText(p.year, p.month, p.day, language);
}

/**
 * An instant in China time: "2026年12月5日 09:30" / "5 Dec 2026, 09:30"; at 00:00 China time (a deadline's 24:00) the
 * end of the day before: "2027年1月6日 当日结束" / "end of 6 Jan 2027".
 */
export function formatChinaTime(instant: string | Date, language: DisplayLanguage): string {
  const date = toDate(instant);
  if (!date) return typeof instant === 'string' ? instant : '';
  const p = partsOf(date);
  if (p.midnight) {
    const dayBefore = partsOf(new Date(date.getTime() - 1));
    const day = dayText(dayBefore.year, dayBefore.month, dayBefore.day, language);
    return language === 'en' ? `end of ${day}` : `${day} 当日结束`;
  }
  const day = dayText(p.year, p.month, p.day, language);
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  return language === 'en' ? `${day}, ${time}` : `${day} ${time}`;
}

/** The last day (YYYY-MM-DD, China time) of a deadline kept as an instant: the day before when it is 00:00 (24:00). */
export function lastChinaDayOf(deadline: string | Date): string {
  const date = toDate(deadline);
  if (!date) return typeof deadline === 'string' ? deadline : '';
  return chinaDayOf(new Date(date.getTime() - 1));
}
