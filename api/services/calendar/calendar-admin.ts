import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { packagedCalendarYears } from '../../../runtime/holiday-calendar';
import { AppError } from '../../../domain/errors';
import type { Caller } from '../../plugins/app/auth';
import { callerAudit } from '../caller-request';

export async function calendarStatus(db: Db) {
  const [years, days] = await Promise.all([
    db.calendarYear.findMany({ orderBy: { year: 'asc' } }),
    db.calendarDay.findMany({ orderBy: { date: 'asc' } }),
  ]);
  return {
    packagedYears: packagedCalendarYears(),
    declaredYears: years.map((y) => y.year),
    overrides: days.map((d) => ({ date: d.date, workday: d.workday, name: d.name })),
  };
}

/** Replaces an administrator's declaration of one year's holidays and swapped working days; the year becomes known. */
export async function declareCalendarYear({
  db,
  caller,
  year,
  input,
  requestId,
}: {
  db: Db;
  caller: Caller;
  year: number;
  input: { holidays: { date: string; name?: string }[]; workdays: { date: string; name?: string }[] };
  requestId: string;
}) {
  const all = [...input.holidays, ...input.workdays];
  const outside = all.find((d) => !d.date.startsWith(`${year}-`));
  if (outside) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'holidays',
          code: 'year',
          message: { 'zh-CN': `${outside.date} 不在 ${year} 年。`, en: `${outside.date} is not in ${year}.` },
        },
      ],
    });
  }
  if (new Set(all.map((d) => d.date)).size !== all.length) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'workdays',
          code: 'duplicate',
          message: { 'zh-CN': '同一日期不能既是假日又是工作日。', en: 'A date cannot be both a holiday and a working day.' },
        },
      ],
    });
  }
  await db.$transaction(async (tx) => {
    await tx.calendarDay.deleteMany({ where: { date: { startsWith: `${year}-` } } });
    await tx.calendarDay.createMany({
      data: [
        ...input.holidays.map((d) => ({ date: d.date, workday: false, name: d.name })),
        ...input.workdays.map((d) => ({ date: d.date, workday: true, name: d.name })),
      ],
    });
    await tx.calendarYear.upsert({
      where: { year },
      create: { year, declaredById: caller.userId },
      update: { declaredById: caller.userId },
    });
    await appendAudit(
      tx,
      callerAudit(caller, requestId, {
        action: 'calendar.year-declared',
        targetType: 'calendar',
        targetId: String(year),
        data: { holidays: input.holidays.length, workdays: input.workdays.length },
      }),
    );
  });
}
