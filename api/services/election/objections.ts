import type { Client } from '@temporalio/client';
import { isUniqueViolation, type Db, type DbTx } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { nextCaseNumber } from '../../../runtime/case-numbers';
import { caseWorkflowId } from '../../../runtime/open-case';
import { pendingStartOf, recordPendingStart } from '../../../runtime/pending-starts';
import { chinaDateOf, fullYearsBetween } from '../../../domain/clock';
import { checkObjection, ELECTION_RULE_SET } from '../../../domain/rules/election';
import { AppError } from '../../../domain/errors';
import { PROCEDURES } from '../../../domain/procedures';
import { parseResidentId } from '../../../domain/resident-id';
import type { z } from 'zod';
import type { objectionBody } from '../../../domain/forms/election';
import type { ElectionObjectionInput } from '../../../workflows/election/messages';
import type { Caller } from '../../plugins/app/auth';
import { earlierWithKey, type Idempotency } from '../idempotency';
import { findCommitteeElection, findElection, wrongStep } from './scope';
import { startWorkflow } from '../temporal/workflow-door';

type ObjectionBody = z.infer<typeof objectionBody>;

const field = (path: string, zh: string, en: string) =>
  new AppError('VALIDATION_FAILED', { fields: [{ path, code: 'invalid', message: { 'zh-CN': zh, en } }] });

/**
 * The election committee records an objection to the published list (a resident's complaint, in writing or in
 * person). Each objection is a workflow of its own (election-objection, workflows/election/objection.ts), started
 * through the outbox in the transaction that records it: the election's history does not grow with its objections.
 * The window (EL-OBJECT) is checked in that transaction under the election's row lock: an objection after it is kept
 * on record as late and refused with 422 and the rule; inside it, its workflow accepts it and opens its answer task
 * (EL-ANSWER, 3 days) before this answers.
 *
 * With an Idempotency-Key, a resend (the answer was lost, the official pressed again) answers the objection the first
 * send recorded — its workflow started again from the outbox if the first send did not finish that — instead of
 * recording a second one. The same key with another body is 422 IDEMPOTENCY_KEY_REUSED.
 */
export async function recordObjection(options: {
  db: Db;
  temporal: Client;
  taskQueue: string;
  caller: Caller;
  electionId: string;
  body: ObjectionBody;
  requestId: string;
  idempotency?: Idempotency;
}) {
  const { db, temporal, caller, idempotency } = options;
  const election = await findCommitteeElection({ db, caller, electionId: options.electionId });
  const earlier = idempotency && (await earlierObjection(db, caller, election.id, idempotency));
  const objection = earlier ?? (await newObjection(options, election));
  if (objection.status === 'LATE') {
    const { listPublishedOn, objectionLastDay } = await db.election.findUniqueOrThrow({ where: { id: election.id } });
    throw lateObjection(listPublishedOn ?? '', objectionLastDay ?? '');
  }
  const start = await pendingStartOf(db, objection.id);
  if (start) await startWorkflow({ db, temporal, start });
  const accepted = await db.voterObjection.findUniqueOrThrow({ where: { id: objection.id } });
  return {
    id: accepted.id,
    number: accepted.number,
    status: 'OPEN' as const,
    receivedOn: accepted.receivedOn,
    answerDueAt: accepted.answerDueAt?.toISOString() ?? '',
  };
}

/** EL-OBJECT refuses an objection after the window (422 with the rule, as the workflow judged it before issue 19). */
function lateObjection(publishedOn: string, lastDay: string): AppError {
  const rule = checkObjection(chinaDateOf(new Date()), publishedOn, lastDay);
  return new AppError('RULE_FAILED', { details: { rules: [{ ...rule, passed: false }] } });
}

type CommitteeElection = Awaited<ReturnType<typeof findCommitteeElection>>;

interface WindowRow {
  status: string;
  list_published_on: string | null;
  closes_at: Date | null;
  closed: boolean;
}

/**
 * Checks the objection and records it (numbered within the election), with the caller's key when there is one. In the
 * same transaction, holding the election's row FOR SHARE: the window check (EL-OBJECT: the objection phase, the window
 * not closed by the election and now not past its closing instant, both written by the election's workflow), then
 * either the objection's case and its workflow's start (outbox), or the objection kept as LATE. The election closes
 * the window by locking the row for update (`closeObjectionWindow`), so an objection is either recorded before the
 * close, and counted there as unanswered, or judged after it, and late.
 */
async function newObjection(
  options: { db: Db; caller: Caller; body: ObjectionBody; requestId: string; taskQueue: string; idempotency?: Idempotency },
  election: CommitteeElection,
) {
  const { db, caller, body, idempotency } = options;
  if (notPublished(election.status, election.listPublishedOn)) throw listNotPublished(election.status);
  if (
    body.entryId &&
    !(await db.voterListEntry.findFirst({
      where: { id: body.entryId, electionId: election.id, removedAt: null },
      select: { id: true },
    }))
  ) {
    throw field('entryId', '名单中没有这名选民。', 'No such voter on the list.');
  }
  const person = body.person;
  if (person) {
    const parsed = parseResidentId(person.idNumber);
    if (
      parsed.ok &&
      election.electionDate &&
      fullYearsBetween(parsed.birthDate, election.electionDate) < ELECTION_RULE_SET.minimumAge
    ) {
      throw field('person.idNumber', '此人选举日未满 18 周岁（EL-AGE）。', 'Under 18 on election day (EL-AGE).');
    }
    const listed = await db.voterListEntry.findFirst({
      where: { electionId: election.id, idNumber: person.idNumber, removedAt: null },
      select: { id: true },
    });
    if (listed) throw field('person.idNumber', '此人已在名单上。', 'This person is already on the list.');
  }
  try {
    return await db.$transaction(async (tx) => {
      const [window] = await tx.$queryRaw<WindowRow[]>`
        SELECT status::text AS status, list_published_on, objection_window_closes_at AS closes_at,
               objection_window_closed_at IS NOT NULL AS closed
        FROM election WHERE id = ${election.id}::uuid FOR UPDATE`;
      // FOR UPDATE, not FOR SHARE: objections of one election are numbered one after another (the last number + 1
      // below), so two recorded at the same moment must not read the same last number. Each holds the lock for one
      // short transaction; closing the window (an UPDATE of this row) waits for it as before.
      if (!window || notPublished(window.status, window.list_published_on))
        throw listNotPublished(window?.status ?? election.status);
      const open =
        window.status === 'OBJECTIONS' && !window.closed && window.closes_at !== null && Date.now() <= window.closes_at.getTime();
      const last = await tx.voterObjection.findFirst({
        where: { electionId: election.id },
        orderBy: { number: 'desc' },
        select: { number: true },
      });
      const row = await tx.voterObjection.create({
        data: {
          electionId: election.id,
          number: (last?.number ?? 0) + 1,
          kind: body.kind,
          objectorName: body.objectorName,
          grounds: body.grounds,
          entryId: body.entryId,
          personName: person?.name,
          personIdNumber: person?.idNumber,
          personAddress: person?.address,
          receivedOn: chinaDateOf(new Date()),
          status: open ? 'OPEN' : 'LATE',
          recordedById: caller.userId,
          idempotencyKey: idempotency?.key,
          idempotencyFingerprint: idempotency?.fingerprint,
        },
      });
      await appendAudit(tx, {
        action: 'election.objection-recorded',
        targetType: 'voter-objection',
        targetId: row.id,
        caseId: election.id,
        actorId: caller.userId,
        actingOrgId: caller.membership?.organizationId,
        outcome: 'success',
        requestId: options.requestId,
        data: { number: row.number, kind: body.kind },
      });
      if (!open) {
        await appendAudit(tx, {
          action: 'election.objection-refused',
          targetType: 'voter-objection',
          targetId: row.id,
          caseId: election.id,
          actorId: caller.userId,
          outcome: 'refused',
          reason: 'EL-OBJECT: after the objection window',
          requestId: options.requestId,
          data: { number: row.number },
        });
        return row;
      }
      await openObjectionCase(tx, { election, objectionId: row.id, number: row.number, ...options });
      return row;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A send with the same key committed first: answer its objection. (Numbers no longer collide: the election's row
    // is locked while one is taken; the answer below stays for a collision nobody foresaw.)
    const winner = idempotency && (await earlierObjection(db, caller, election.id, idempotency));
    if (winner) return winner;
    throw new AppError('CONFLICT', {
      message: {
        'zh-CN': '同时有另一条异议正在登记，请重试。',
        en: 'Another objection was being recorded at the same moment; try again.',
      },
    });
  }
}

const notPublished = (status: string, listPublishedOn: string | null) =>
  status === 'SETUP' || status === 'REGISTRATION' || listPublishedOn === null;
const listNotPublished = (status: string) => wrongStep('选民名单尚未公布。', 'The voter list is not published yet.', { status });

/**
 * The objection's case (id: the objection's; its readable number) and its workflow's start in the outbox, with its
 * audit row. The case keeps the election's rule set; its answer task is the election's (workflows/election/objection.ts).
 */
async function openObjectionCase(
  tx: DbTx,
  options: {
    election: CommitteeElection;
    objectionId: string;
    number: number;
    caller: Caller;
    requestId: string;
    taskQueue: string;
  },
) {
  const { election, objectionId, caller } = options;
  const procedure = PROCEDURES['election-objection'];
  const caseNumber = await nextCaseNumber(tx, procedure.code, new Date().getFullYear());
  const workflowId = caseWorkflowId('election-objection', objectionId);
  await tx.case.create({
    data: {
      id: objectionId,
      procedure: 'election-objection',
      number: caseNumber,
      title: `选民名单异议（第 ${options.number} 号）`,
      // The township's, as a migrant application's: residents of the community must not read who objected and why.
      organizationId: election.townshipOrgId,
      workflowId,
      ruleSetVersion: election.case.ruleSetVersion,
      data: { electionId: election.id, objectionNumber: options.number },
      openedById: caller.userId,
    },
  });
  const input: ElectionObjectionInput = {
    objectionId,
    electionId: election.id,
    electionWorkflowId: election.case.workflowId,
    committeeOrgId: election.committeeOrgId,
    townshipOrgId: election.townshipOrgId,
    publishedOn: election.listPublishedOn!,
    objectionLastDay: election.objectionLastDay!,
  };
  await recordPendingStart(tx, {
    caseId: objectionId,
    workflowType: procedure.workflowType,
    workflowId,
    taskQueue: options.taskQueue,
    args: [input],
  });
  await appendAudit(tx, {
    action: 'case.opened',
    targetType: 'case',
    targetId: objectionId,
    caseId: objectionId,
    actorId: caller.userId,
    actingOrgId: caller.membership?.organizationId,
    outcome: 'success',
    requestId: options.requestId,
    data: { procedure: 'election-objection', number: caseNumber, electionId: election.id, ruleSet: election.case.ruleSetVersion },
  });
}

/** The objection this caller recorded earlier with this key, or undefined; a key used for another request is refused. */
function earlierObjection(db: Db, caller: Caller, electionId: string, idempotency: Idempotency) {
  return earlierWithKey({
    idempotency,
    found: db.voterObjection.findUnique({
      where: { recordedById_idempotencyKey: { recordedById: caller.userId, idempotencyKey: idempotency.key } },
    }),
    sameTarget: (row) => row.electionId === electionId,
    details: (row) => ({ objectionId: row.id }),
  });
}

/** Objections of an election with their answers (the committee's and supervisors' view; objector names included). */
export async function listObjections({ db, caller, electionId }: { db: Db; caller: Caller; electionId: string }) {
  const election = await findElection({ db, caller, electionId });
  const rows = await db.voterObjection.findMany({ where: { electionId: election.id }, orderBy: { number: 'asc' } });
  return rows.map((o) => ({
    id: o.id,
    number: o.number,
    kind: o.kind,
    objectorName: o.objectorName,
    grounds: o.grounds,
    entryId: o.entryId,
    personName: o.personName,
    status: o.status,
    receivedOn: o.receivedOn,
    answerDueAt: o.answerDueAt?.toISOString() ?? null,
    answer: o.answer,
    answeredOn: o.answeredOn,
    answeredInTime: o.answeredInTime,
  }));
}
