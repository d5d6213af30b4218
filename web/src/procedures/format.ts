import type { LocalizedText } from '../api/client';
import type { Language } from '../i18n';
import { formatChinaDateOf, formatChinaDay, formatChinaTime, lastChinaDayOf } from '../../../domain/china-time';

/** Statutory dates are China time, whoever reads them. */
const TIME_ZONE = 'Asia/Shanghai';

function locale(language: Language): string {
  return language === 'en' ? 'en-GB' : 'zh-CN';
}

/**
 * An instant in China time, the one format of the app: "2026年12月5日 09:30" / "5 Dec 2026, 09:30"; a deadline at
 * 24:00 (00:00 China time) as "2027年1月6日 当日结束" / "end of 6 Jan 2027" (domain/china-time.ts).
 */
export function formatDateTime(iso: string, language: Language): string {
  return formatChinaTime(iso, language);
}

/** The China calendar date of an instant: "2026年12月5日" / "5 Dec 2026". */
export function formatDate(iso: string, language: Language): string {
  return formatChinaDateOf(iso, language);
}

/** A China calendar date (YYYY-MM-DD, as the API keeps statutory dates): "2026年12月5日" / "5 Dec 2026". */
export function formatDay(date: string, language: Language): string {
  return formatChinaDay(date, language);
}

/** The last day of a deadline kept as an instant (24:00 = the next day's 00:00), formatted: "2027年1月6日". */
export function formatLastDay(deadline: string, language: Language): string {
  return formatChinaDay(lastChinaDayOf(deadline), language);
}

export function formatSize(bytes: number, language: Language): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  if (bytes < 1024) return format(bytes, 'B');
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'KB');
  return format(bytes / (1024 * 1024), 'MB');
}

const DATES_IN_TEXT = /\b(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?\b/g;

/**
 * A recorded text (a rule's detail written when it was decided) with its ISO dates and timestamps in the app's
 * format: "通知日 2026-03-01" reads "通知日 2026年3月1日".
 */
export function withChinaDates(text: string, language: Language): string {
  return text.replace(DATES_IN_TEXT, (match: string, date: string, time: string | undefined) =>
    time ? formatChinaTime(match, language) : formatChinaDay(date, language),
  );
}

/** A text the API gives in both languages, in the reader's (falling back to the other). */
export function localized(text: LocalizedText | null | undefined, language: Language): string {
  if (!text) return '';
  return text[language] ?? text['zh-CN'] ?? text.en ?? '';
}

/** 'YYYY-MM-DD' (a date input's value) as the start of that day in China time, ISO with offset. */
export function chinaDayStart(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/** The China-time calendar date (YYYY-MM-DD) of an ISO timestamp. */
export function chinaDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(date);
}
