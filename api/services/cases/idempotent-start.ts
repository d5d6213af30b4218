import type { Client } from '@temporalio/client';
import type { Db } from '../../../runtime/db';
import { pendingStartOf } from '../../../runtime/pending-starts';
import { isUniqueViolation } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import type { ProcedureId } from '../../../domain/procedures';
import type { Case } from '../../../prisma/generated/client';
import type { Caller } from '../../plugins/app/auth';
import { startWorkflow } from '../temporal/workflow-door';
import { earlierWithKey, type Idempotency } from '../idempotency';

export type { Idempotency };

interface StartContext {
  db: Db;
  temporal: Client;
  caller: Caller;
  idempotency?: Idempotency;
}

export interface IdempotentStartOptions<T> extends StartContext {
  /** The procedure of the case a key opens: the same key on another procedure's start is refused. */
  procedure: ProcedureId;
  /** Opens the case, with the start's checks; runs only when the key is new (or there is none). */
  start: () => Promise<T>;
  /** What a repeat answers, from the case the first request opened; default: the case row itself. */
  answer?: (row: Case) => T | Promise<T>;
}

/**
 * Runs a case start once per (caller, Idempotency-Key). A repeat — the official pressed again after a lost answer, or
 * the phone resent the request — answers the case the first request opened, through `answer` (the case row itself unless given), without running the
 * start's checks again (an election already under way would otherwise refuse the repeat of its own start). The same
 * key with another request is refused (422 IDEMPOTENCY_KEY_REUSED). Two repeats at the same moment: the unique index
 * lets one open the case; the other answers it. A start that failed (case FAILED) releases its key, so a repeat after
 * a 503 starts afresh. Without a key, the start just runs.
 */
export async function idempotentStart<T>(options: IdempotentStartOptions<T>): Promise<T> {
  const { idempotency, procedure, start, answer = (row: Case) => row as T } = options;
  if (!idempotency) return start();
  const earlier = await earlierStart(options.db, options.caller, procedure, idempotency);
  if (earlier) return answer(await replay(options, earlier));
  try {
    return await start();
  } catch (error) {
    // The other request with this key committed its case first (the unique index refused this one's).
    if (!isUniqueViolation(error)) throw error;
    const winner = await earlierStart(options.db, options.caller, procedure, idempotency);
    if (!winner) throw error;
    return answer(await replay(options, winner));
  }
}

function earlierStart(db: Db, caller: Caller, procedure: ProcedureId, idempotency: Idempotency) {
  return earlierWithKey({
    idempotency,
    found: db.case.findUnique({
      where: { openedById_idempotencyKey: { openedById: caller.userId, idempotencyKey: idempotency.key } },
    }),
    sameTarget: (row) => row.procedure === procedure,
    details: (row) => ({ caseId: row.id }),
  });
}

/** The earlier case, once its workflow has started (the repeat finishes a start its first request left unfinished). */
async function replay(options: StartContext, earlier: Case): Promise<Case> {
  const pending = await pendingStartOf(options.db, earlier.id);
  if (pending) {
    try {
      await startWorkflow({ db: options.db, temporal: options.temporal, start: pending });
    } catch {
      // The outbox row stays: the worker's reconciler (or the next repeat) finishes the start.
      throw new AppError('SERVICE_UNAVAILABLE', { details: { caseId: earlier.id } });
    }
  }
  return options.db.case.findUniqueOrThrow({ where: { id: earlier.id } });
}
