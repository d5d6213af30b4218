import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Db, DbTx } from '../../../runtime/db';
import { isUniqueViolation } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { openCase } from '../../../runtime/open-case';
import { AppError } from '../../../domain/errors';
import { RECTIFICATION } from '../../../domain/procedures';
import { RATEABLE_STATUSES, isPoorRating, type RatingLevel } from '../../../domain/public-service';
import type { RectificationInput } from '../../../workflows/rectification/messages';
import { startWorkflow } from '../temporal/workflow-door';
import { findTrackedCase, trackCase, type CaseAccess } from './track';

export interface RateCaseOptions {
  db: Db;
  temporal: Client;
  taskQueue: string;
  access: CaseAccess;
  level: RatingLevel;
  comment?: string;
  requestId: string;
}

/**
 * 好差评 (国办发〔2019〕51号): the applicant rates a case once, after its outcome, through its query code or signed in.
 * The rating names the organization that decided the case (the last completed task's). A 差评 (1 or 2) opens a
 * rectification case for that organization in the same transaction as the rating (case, outbox row, audit rows), so no
 * 差评 is ever left without its task: if this process dies before the workflow starts, the worker's reconciler starts it.
 * Answers the case's public status, with the rating.
 */
export async function rateCase(options: RateCaseOptions) {
  const { db, access, level } = options;
  const rated = await findTrackedCase(db, access);
  if (!(RATEABLE_STATUSES as readonly string[]).includes(rated.status)) throw new AppError('NOT_YET_RATEABLE');
  if (await db.serviceRating.findUnique({ where: { caseId: rated.id }, select: { id: true } }))
    throw new AppError('ALREADY_RATED');
  const decider = await db.task.findFirst({
    where: { caseId: rated.id, status: 'COMPLETED' },
    orderBy: { completedAt: 'desc' },
    select: { candidateOrgId: true, candidateRole: true, candidateOrg: { select: { path: true } } },
  });
  if (!decider) throw new AppError('NOT_YET_RATEABLE');
  const rater = 'caller' in access ? access.caller : undefined;

  const record = async (tx: DbTx, rectificationCaseId: string | null) => {
    await tx.serviceRating.create({
      data: {
        caseId: rated.id,
        procedure: rated.procedure,
        level,
        comment: options.comment || null,
        channel: rater ? 'account' : 'query-code',
        raterUserId: rater?.userId,
        responsibleOrgId: decider.candidateOrgId,
        responsibleOrgPath: decider.candidateOrg.path,
        rectificationCaseId,
      },
    });
    await appendAudit(tx, {
      action: 'case.rated',
      targetType: 'case',
      targetId: rated.id,
      caseId: rated.id,
      actorId: rater?.userId,
      actingOrgId: rater?.membership?.organizationId,
      outcome: 'success',
      requestId: options.requestId,
      // The level and how the rater was recognized; the comment stays in service_rating (it may name people).
      data: { level, channel: rater ? 'account' : 'query-code', rectificationCaseId },
    });
  };

  try {
    if (!isPoorRating(level)) {
      await db.$transaction((tx) => record(tx, null));
    } else {
      const { start } = await openCase({
        db,
        procedure: 'rectification',
        organizationId: decider.candidateOrgId,
        title: `差评整改：${rated.number}`,
        taskQueue: options.taskQueue,
        caseId: randomUUID(),
        data: { ratedCaseId: rated.id, ratedCaseNumber: rated.number, level },
        workflowArgs: (caseId): [RectificationInput] => [
          { caseId, ratedCaseId: rated.id, organizationId: decider.candidateOrgId, role: decider.candidateRole },
        ],
        requestId: options.requestId,
        audit: { reason: `${RECTIFICATION.name['zh-CN']}：${rated.number}`, data: { ratedCaseId: rated.id } },
        alsoInTransaction: (tx, caseId) => record(tx, caseId),
      });
      // The rating and the rectification's start are committed; a start that does not answer now is the reconciler's.
      await startWorkflow({ db, temporal: options.temporal, start }).catch(() => undefined);
    }
  } catch (error) {
    // Two ratings at the same moment: the unique index keeps the first.
    if (isUniqueViolation(error)) throw new AppError('ALREADY_RATED');
    throw error;
  }
  return trackCase({ db, access });
}
