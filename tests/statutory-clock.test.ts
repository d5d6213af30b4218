import { describe, expect, it } from '@jest/globals';
import { addMonths, fullYearsBetween, isAtLeastDaysBefore, periodEnd, endOfDayInChina } from '../domain/clock';
import { buildHolidayCalendar } from '../runtime/holiday-calendar';

const calendar = buildHolidayCalendar({ days: new Map(), years: new Set() });

describe('statutory clock (民法典 Arts. 201–203, 1259)', () => {
  it('starts a period in days on the day after the event', () => {
    expect(periodEnd('2026-11-02', { amount: 3, unit: 'days' }, calendar).lastDay).toBe('2026-11-05');
  });

  it('moves a last day inside Golden Week to the first working day after it', () => {
    const end = periodEnd('2026-09-24', { amount: 7, unit: 'days' }, calendar);
    expect(end).toEqual({ lastDay: '2026-10-08', nominalLastDay: '2026-10-01', unknownYears: [] });
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
