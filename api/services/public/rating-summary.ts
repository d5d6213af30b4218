import type { Db } from '../../../runtime/db';
import { lastChinaDayOf } from '../../../domain/china-time';
import { chinaDateOf } from '../../../domain/clock';
import { PROCEDURES, isProcedureId } from '../../../domain/procedures';
import { RATING_LABELS, RATING_LEVELS, isPoorRating, type RatingLevel } from '../../../domain/public-service';
import type { Caller } from '../../plugins/app/auth';
import { ratingsInScope } from '../../authz/rating-scope';

/**
 * The county's (or township's) view of 好差评 over the organizations it supervises: counts per level, per organization,
 * and every 差评 with its rectification (open, overdue, answered). Residents' comments are shown; raters are not.
 */
export async function ratingSummary(options: { db: Db; caller: Caller; now?: Date }) {
  const { db, caller } = options;
  const now = options.now ?? new Date();
  const ratings = await db.serviceRating.findMany({ where: ratingsInScope(caller), orderBy: { createdAt: 'desc' } });
  const orgIds = [...new Set(ratings.map((r) => r.responsibleOrgId))];
  const orgs = await db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } });
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const caseIds = ratings.flatMap((r) => [r.caseId, ...(r.rectificationCaseId ? [r.rectificationCaseId] : [])]);
  const cases = await db.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, number: true } });
  const numberOf = new Map(cases.map((c) => [c.id, c.number]));
  const rectIds = ratings.flatMap((r) => (r.rectificationCaseId ? [r.rectificationCaseId] : []));
  const tasks = await db.task.findMany({
    where: { caseId: { in: rectIds } },
    select: { caseId: true, status: true, dueAt: true, completedAt: true, result: true, escalatedAt: true },
  });
  const taskOf = new Map(tasks.map((t) => [t.caseId, t]));

  const countLevels = (rows: typeof ratings) =>
    RATING_LEVELS.map((level) => ({ level, label: RATING_LABELS[level], count: rows.filter((r) => r.level === level).length }));

  return {
    total: ratings.length,
    byLevel: countLevels(ratings),
    byOrganization: orgIds
      .map((id) => {
        const rows = ratings.filter((r) => r.responsibleOrgId === id);
        return {
          organizationId: id,
          organizationName: orgName.get(id) ?? '',
          total: rows.length,
          poor: rows.filter((r) => isPoorRating(r.level)).length,
          byLevel: countLevels(rows),
        };
      })
      .sort((a, b) => b.poor - a.poor || b.total - a.total),
    poor: ratings
      .filter((r) => isPoorRating(r.level))
      .map((r) => {
        const task = r.rectificationCaseId ? taskOf.get(r.rectificationCaseId) : undefined;
        const answered = task?.status === 'COMPLETED';
        const overdue = !answered && task?.dueAt != null && task.dueAt.getTime() < now.getTime();
        return {
          caseNumber: numberOf.get(r.caseId) ?? '',
          procedure: isProcedureId(r.procedure) ? PROCEDURES[r.procedure].name : { 'zh-CN': r.procedure, en: r.procedure },
          level: r.level,
          label: RATING_LABELS[r.level as RatingLevel],
          comment: r.comment,
          ratedOn: chinaDateOf(r.createdAt),
          organizationName: orgName.get(r.responsibleOrgId) ?? '',
          rectification: {
            caseId: r.rectificationCaseId,
            caseNumber: r.rectificationCaseId ? (numberOf.get(r.rectificationCaseId) ?? null) : null,
            state: answered ? ('answered' as const) : overdue ? ('overdue' as const) : ('open' as const),
            dueOn: task?.dueAt ? lastChinaDayOf(task.dueAt) : null,
            answeredOn: answered && task.completedAt ? chinaDateOf(task.completedAt) : null,
            answer: answered ? ((task.result as { answer?: string } | null)?.answer ?? null) : null,
          },
        };
      }),
  };
}
