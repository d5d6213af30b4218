import type { Db } from '../../../runtime/db';
import { queryCodeMatches } from '../../../runtime/query-codes';
import { AppError } from '../../../domain/errors';
import { lastChinaDayOf } from '../../../domain/china-time';
import { chinaDateOf, type IsoDate } from '../../../domain/clock';
import type { LocalizedText } from '../../../domain/localized-text';
import { PROCEDURES, isProcedureId } from '../../../domain/procedures';
import { RATEABLE_STATUSES, RATING_LABELS, RESIDENT_FACING_PROCEDURES, type RatingLevel } from '../../../domain/public-service';
import type { Caller } from '../../plugins/app/auth';
import { casesOpenedBy } from '../../authz/rating-scope';
import { shownCaseStatus, stepStates, type CaseStatus, type StepState } from '../cases/step-states';

/**
 * Who asks about a case on the public side: anybody with its number and query code, or the signed-in resident who
 * opened it (their own cases only).
 */
export type CaseAccess = { number: string } & ({ code: string } | { caller: Caller });

/** The case a 我要查 request names, or QUERY_NOT_MATCHED: the same answer for an unknown number and a wrong code. */
export async function findTrackedCase(db: Db, access: CaseAccess) {
  const row = await db.case.findFirst({
    where: {
      number: access.number,
      procedure: { in: [...RESIDENT_FACING_PROCEDURES] },
      ...('caller' in access ? casesOpenedBy(access.caller) : {}),
    },
  });
  if ('code' in access) {
    const stored = row ? await db.caseQueryCode.findUnique({ where: { caseId: row.id } }) : null;
    // Hash even when there is nothing to compare, so that an unknown number takes as long as a wrong code.
    const matches = queryCodeMatches(row?.id ?? access.number, access.code, stored?.codeHash ?? '0'.repeat(64));
    if (!row || !stored || !matches) throw new AppError('QUERY_NOT_MATCHED');
    return row;
  }
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** What a resident is told of a case's status, in words (never a status code). */
const STATUS_LABELS: Record<CaseStatus, LocalizedText> = {
  OPEN: { 'zh-CN': '办理中', en: 'In progress' },
  COMPLETED: { 'zh-CN': '已办结', en: 'Done' },
  REJECTED: { 'zh-CN': '已办结（未予同意）', en: 'Done (not granted)' },
  WITHDRAWN: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  FAILED: { 'zh-CN': '未能受理，请联系办理单位', en: 'Could not be taken up; please contact the office' },
};

/** What a resident is told of a step, in words. */
const STEP_STATE_LABELS: Record<StepState, LocalizedText> = {
  done: { 'zh-CN': '已完成', en: 'Done' },
  returned: { 'zh-CN': '已退回补正', en: 'Sent back for more' },
  current: { 'zh-CN': '正在办理', en: 'In progress' },
  skipped: { 'zh-CN': '无需办理', en: 'Not needed' },
  stopped: { 'zh-CN': '已终止', en: 'Stopped' },
  'not-reached': { 'zh-CN': '尚未开始', en: 'Not started yet' },
};

/**
 * The public status of a case: its steps in words with the China dates they were done or are due, its outcome and its
 * rating (with the rectification's answer, 整改情况, once given). No personal data: no names, ID numbers, phone numbers
 * or addresses, not even the case title (it may name people); the procedure's name says what it is.
 */
export async function trackCase(options: { db: Db; access: CaseAccess }) {
  const { db } = options;
  const row = await findTrackedCase(db, options.access);
  const tasks = await db.task.findMany({
    where: { caseId: row.id },
    select: { kind: true, status: true, result: true, createdAt: true, completedAt: true, dueAt: true },
    orderBy: { createdAt: 'asc' },
  });
  const status = shownCaseStatus(row);
  const steps = stepStates({ procedure: row.procedure, status, data: row.data, tasks }).map((step) => {
    const open = tasks.filter((t) => t.kind === step.key && t.status === 'OPEN' && t.dueAt);
    const due = open.map((t) => t.dueAt!).sort((a, b) => a.getTime() - b.getTime())[0];
    const doneAt =
      step.key === 'opened' ? row.openedAt : step.key === 'closed' ? row.closedAt : step.at ? new Date(step.at) : null;
    return {
      name: step.name,
      state: step.state,
      stateLabel: STEP_STATE_LABELS[step.state],
      doneOn: step.state === 'done' && doneAt ? chinaDateOf(doneAt) : null,
      dueOn: due ? lastChinaDayOf(due) : null,
    };
  });
  const rating = await ratingView(db, row.id);
  return {
    number: row.number,
    procedure: isProcedureId(row.procedure) ? PROCEDURES[row.procedure].name : { 'zh-CN': row.procedure, en: row.procedure },
    status,
    statusLabel: STATUS_LABELS[status],
    openedOn: chinaDateOf(row.openedAt),
    closedOn: row.closedAt ? chinaDateOf(row.closedAt) : null,
    steps,
    rateable: rating === null && (RATEABLE_STATUSES as readonly string[]).includes(status),
    rating,
  };
}

/** The case's rating, and for a 差评 its rectification: due date, whether it is answered, and the answer. */
export async function ratingView(db: Db, caseId: string) {
  const rating = await db.serviceRating.findUnique({ where: { caseId } });
  if (!rating) return null;
  let rectification: { dueOn: IsoDate | null; answered: boolean; answeredOn: IsoDate | null; answer: string | null } | null =
    null;
  if (rating.rectificationCaseId) {
    const task = await db.task.findFirst({
      where: { caseId: rating.rectificationCaseId },
      orderBy: { createdAt: 'desc' },
      select: { status: true, dueAt: true, completedAt: true, result: true },
    });
    const answer = task?.status === 'COMPLETED' ? ((task.result as { answer?: string } | null)?.answer ?? null) : null;
    rectification = {
      dueOn: task?.dueAt ? lastChinaDayOf(task.dueAt) : null,
      answered: answer !== null,
      answeredOn: task?.completedAt && answer !== null ? chinaDateOf(task.completedAt) : null,
      answer,
    };
  }
  return {
    level: rating.level,
    label: RATING_LABELS[rating.level as RatingLevel],
    comment: rating.comment,
    ratedOn: chinaDateOf(rating.createdAt),
    rectification,
  };
}
