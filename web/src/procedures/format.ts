import type { LocalizedText } from '../api/client';
import type { Language } from '../i18n';

/** Statutory dates are China time, whoever reads them. */
const TIME_ZONE = 'Asia/Shanghai';

function locale(language: Language): string {
  return language === 'en' ? 'en-GB' : 'zh-CN';
}

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
}

export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: TIME_ZONE }).format(date);
}

export function formatSize(bytes: number, language: Language): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  if (bytes < 1024) return format(bytes, 'B');
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'KB');
  return format(bytes / (1024 * 1024), 'MB');
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
