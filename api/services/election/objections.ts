import type { Client } from '@temporalio/client';
import { isUniqueViolation, type Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { chinaDateOf, fullYearsBetween } from '../../../domain/clock';
import { ELECTION_RULE_SET } from '../../../domain/rules/election';
import { AppError } from '../../../domain/errors';
import { parseResidentId } from '../../../domain/resident-id';
import type { z } from 'zod';
import type { objectionBody } from '../../../domain/forms/election';
import { fileObjectionUpdate } from '../../../workflows/election/messages';
import type { Caller } from '../../plugins/app/auth';
import { earlierWithKey, type Idempotency } from '../idempotency';
import { findCommitteeElection, findElection, wrongStep } from './scope';
import { updateWorkflow } from '../temporal/workflow-door';

type ObjectionBody = z.infer<typeof objectionBody>;

const field = (path: string, zh: string, en: string) =>
  new AppError('VALIDATION_FAILED', { fields: [{ path, code: 'invalid', message: { 'zh-CN': zh, en } }] });

/**
 * The election committee records an objection to the published list (a resident's complaint, in writing or in
 * person). The workflow accepts it only inside the window (EL-OBJECT) and opens its answer task (EL-ANSWER, 3 days);
 * an objection after the window is kept on record as late and refused with 422 and the rule.
 *
 * With an Idempotency-Key, a resend (the answer was lost, the official pressed again) answers the objection the first
 * send recorded — its Update is sent again with the same id, so an objection recorded before a crash still reaches
 * the workflow — instead of recording a second one. The same key with another body is 422 IDEMPOTENCY_KEY_REUSED.
 */
export async function recordObjection(options: {
  db: Db;
  temporal: Client;
  caller: Caller;
  electionId: string;
  body: ObjectionBody;
  requestId: string;
  idempotency?: Idempotency;
}) {
  const { db, caller, idempotency } = options;
  const election = await findCommitteeElection({ db, caller, electionId: options.electionId });
  const earlier = idempotency && (await earlierObjection(db, caller, election.id, idempotency));
  const objection = earlier ?? (await newObjection(options, election));
  try {
    const accepted = await updateWorkflow({
      temporal: options.temporal,
      workflowId: election.case.workflowId,
      update: fileObjectionUpdate,
      args: [{ objectionId: objection.id }],
      updateId: `objection-${objection.id}`,
    });
    return {
      id: objection.id,
      number: objection.number,
      status: 'OPEN' as const,
      receivedOn: accepted.receivedOn,
      answerDueAt: accepted.answerDueAt,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'RULE_FAILED' && objection.status === 'OPEN') {
      await db.$transaction(async (tx) => {
        await tx.voterObjection.update({ where: { id: objection.id }, data: { status: 'LATE' } });
        await appendAudit(tx, {
          action: 'election.objection-refused',
          targetType: 'voter-objection',
          targetId: objection.id,
          caseId: election.id,
          actorId: caller.userId,
          outcome: 'refused',
          reason: 'EL-OBJECT: after the objection window',
          requestId: options.requestId,
          data: { number: objection.number },
        });
      });
    }
    throw error;
  }
}

type CommitteeElection = Awaited<ReturnType<typeof findCommitteeElection>>;

/** Checks the objection and records it (numbered within the election), with the caller's key when there is one. */
async function newObjection(
  options: { db: Db; caller: Caller; body: ObjectionBody; requestId: string; idempotency?: Idempotency },
  election: CommitteeElection,
) {
  const { db, caller, body, idempotency } = options;
  if (election.status === 'SETUP' || election.status === 'REGISTRATION')
    throw wrongStep('选民名单尚未公布。', 'The voter list is not published yet.', { status: election.status });
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
      return row;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A send with the same key committed first: answer its objection. Otherwise another objection took the number.
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
