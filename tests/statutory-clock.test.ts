import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  addMonths,
  deadlineOutcome,
  fullYearsBetween,
  isAtLeastDaysBefore,
  periodEnd,
  endOfDayInChina,
} from '../domain/clock';
import { statutoryHolidays } from '../domain/statutory-holidays';
import { buildHolidayCalendar } from '../runtime/holiday-calendar';
import packagedData from 'chinese-days/dist/chinese-days.json';

const calendar = buildHolidayCalendar({ days: new Map(), years: new Set() });

describe('statutory clock (民法典 Arts. 201–203, 1259)', () => {
  it('starts a period in days on the day after the event', () => {
    expect(periodEnd('2026-11-02', { amount: 3, unit: 'days' }, calendar).lastDay).toBe('2026-11-05');
  });

  it('moves a last day inside Golden Week to the first working day after it', () => {
    const end = periodEnd('2026-09-24', { amount: 7, unit: 'days' }, calendar);
    expect(end).toEqual({
      lastDay: '2026-10-08',
      nominalLastDay: '2026-10-01',
      unknownYears: [],
      earliestLastDay: '2026-10-08',
      latestLastDay: '2026-10-08',
    });
  });

  it('keeps a last day that falls on a swapped working Saturday (调休 2026-10-10)', () => {
    expect(periodEnd('2026-10-03', { amount: 7, unit: 'days' }, calendar).lastDay).toBe('2026-10-10');
    // …while an ordinary Saturday moves to Monday.
    expect(periodEnd('2026-10-10', { amount: 7, unit: 'days' }, calendar).lastDay).toBe('2026-10-19');
  });

  it('counts working days across Golden Week and the swapped Sunday 2026-09-20', () => {
    expect(periodEnd('2026-09-29', { amount: 3, unit: 'workdays' }, calendar).lastDay).toBe('2026-10-09');
    expect(periodEnd('2026-09-18', { amount: 1, unit: 'workdays' }, calendar).lastDay).toBe('2026-09-20');
  });

  it('ends a period in months on the corresponding day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(periodEnd('2026-03-31', { amount: 1, unit: 'months' }, calendar).lastDay).toBe('2026-04-30');
  });

  it('flags a deadline in a year the calendar does not know, until an administrator declares it', () => {
    expect(periodEnd('2027-09-24', { amount: 7, unit: 'days' }, calendar).unknownYears).toEqual([2027]);
    const declared = buildHolidayCalendar({ days: new Map([['2027-10-01', false]]), years: new Set([2027]) });
    const end = periodEnd('2027-09-23', { amount: 8, unit: 'days' }, declared);
    expect(end.unknownYears).toEqual([]);
    expect(end.lastDay).toBe('2027-10-04'); // Fri 1 Oct declared a holiday, then Sat, Sun → Monday
  });

  it('counts "N days or more before" inclusively and ages by the same arithmetic', () => {
    expect(isAtLeastDaysBefore('2026-05-11', '2026-05-31', 20)).toBe(true);
    expect(isAtLeastDaysBefore('2026-05-12', '2026-05-31', 20)).toBe(false);
    expect(fullYearsBetween('2009-03-15', '2027-03-14')).toBe(17);
    expect(fullYearsBetween('2009-03-15', '2027-03-15')).toBe(18);
    // No 29 February in 2026: the period ends on the month's last day (Art. 202), so 18 on 28 February.
    expect(fullYearsBetween('2008-02-29', '2026-02-28')).toBe(18);
    expect(fullYearsBetween('2008-02-29', '2026-02-27')).toBe(17);
  });

  it('ends a day at midnight China time', () => {
    expect(endOfDayInChina('2026-10-08').toISOString()).toBe('2026-10-08T16:00:00.000Z');
  });
});

describe('fixed statutory holidays in every year (《全国年节及纪念日放假办法》 Art. 2, 2024 revision)', () => {
  it('computes 元旦, 春节 除夕–初三, 清明, 5月1–2日, 端午, 中秋 and 10月1–3日 for a year whose notice is unknown (2031)', () => {
    expect(statutoryHolidays(2031).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2031-01-01 元旦',
      '2031-01-22 春节（除夕）',
      '2031-01-23 春节（正月初一）',
      '2031-01-24 春节（正月初二）',
      '2031-01-25 春节（正月初三）',
      '2031-04-05 清明节',
      '2031-05-01 劳动节',
      '2031-05-02 劳动节',
      '2031-06-24 端午节',
      '2031-10-01 中秋节',
      '2031-10-01 国庆节',
      '2031-10-02 国庆节',
      '2031-10-03 国庆节',
    ]);
  });

  it('agrees with the State Council notices of 2025 and 2026: every computed fixed holiday was a rest day', () => {
    const announced = new Set(Object.keys(packagedData.holidays));
    for (const year of [2025, 2026]) expect(statutoryHolidays(year).filter((h) => !announced.has(h.date))).toEqual([]);
  });

  it('treats the 2031 Spring Festival (除夕–初三, Wed 22 – Sat 25 January) as rest days though the 2031 notice is unknown', () => {
    for (let date = '2031-01-22'; date <= '2031-01-25'; date = addDays(date, 1)) expect(calendar.isWorkday(date)).toBe(false);
    expect(calendar.isWorkday('2031-06-24')).toBe(false); // 端午, a Tuesday
    // A 5-day period ending on 除夕 moves past 初三 and the weekend: never onto a fixed holiday.
    const end = periodEnd('2031-01-17', { amount: 5, unit: 'days' }, calendar);
    expect(end.nominalLastDay).toBe('2031-01-22');
    expect(end.lastDay).toBe('2031-01-27');
    expect(end.unknownYears).toEqual([2031]);
  });

  it('calls an act undetermined, not late, when only the unknown 调休/补假 days decide it', () => {
    // Published Tue 21 Jan 2031: 5 days end on Sun 26 Jan, right after 初三; the notice may make that Sunday a
    // swapped working day (deadline 26 Jan) or extend the holiday (deadline later).
    const end = periodEnd('2031-01-21', { amount: 5, unit: 'days' }, calendar);
    expect(end.earliestLastDay).toBe('2031-01-26');
    expect(end.latestLastDay > end.lastDay).toBe(true);
    expect(deadlineOutcome('2031-01-26', end)).toBe('passed');
    expect(deadlineOutcome('2031-01-28', end)).toBe('undetermined');
    expect(deadlineOutcome(addDays(end.latestLastDay, 1), end)).toBe('failed');
    // Far from any holiday nothing waits for the notice: plain weekends decide.
    const march = periodEnd('2031-03-10', { amount: 5, unit: 'days' }, calendar);
    expect([march.earliestLastDay, march.lastDay, march.latestLastDay]).toEqual(['2031-03-17', '2031-03-17', '2031-03-17']);
    expect(deadlineOutcome('2031-03-18', march)).toBe('failed');
    // Once an administrator declares the year, it is settled.
    const declared = buildHolidayCalendar({ days: new Map([['2031-01-26', true]]), years: new Set([2031]) });
    const settled = periodEnd('2031-01-21', { amount: 5, unit: 'days' }, declared);
    expect([settled.earliestLastDay, settled.lastDay, settled.latestLastDay]).toEqual(['2031-01-26', '2031-01-26', '2031-01-26']);
    expect(deadlineOutcome('2031-01-28', settled)).toBe('failed');
  });
});
