import { isUniqueViolation, type Db, type DbTx } from '../runtime/db';
import { appendAudit } from '../runtime/audit';
import { notify } from '../runtime/notifications';
import { enqueueWebhookEvent } from '../runtime/webhook-events';
import { createOrganization } from '../runtime/organizations';
import type { ElectionLaw, EligibilityFacts } from '../domain/rules/election';
import type { RuleResult } from '../domain/rules/rule';
import { writeRuleDecisions } from './rule-decisions';
import type { Actor } from '../domain/actor';
import { Prisma } from '../prisma/generated/client';

/**
 * The election's writes to PostgreSQL. Each is idempotent (guarded by the state it moves from, or by ids the
 * workflow chose), records its rule decisions and audit row in the same transaction, and keeps resident ID numbers
 * in the voter tables: none goes into an audit row, a task, or back to the workflow.
 */

/** The election's decisions, in the transaction of the step they decide (the one writer: activities/rule-decisions.ts). */
function writeDecisions(tx: DbTx, caseId: string, taskId: string | undefined, rules: RuleResult[]): Promise<void> {
  return writeRuleDecisions(tx, { caseId, taskId, rules });
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

export interface RegisterElectionInput {
  caseId: string;
  communityOrgId: string;
  townshipOrgId: string;
  law: ElectionLaw;
  origin?: { procedure: string; caseId: string };
  lawRule: RuleResult;
}

export interface RecordSetupInput {
  electionId: string;
  taskId: string;
  electionDate: string;
  seats: number;
  method: string;
  committeeMembers: { name: string; position: string }[];
  rules: RuleResult[];
}

export interface MigrantDecisionInput {
  applicationId: string;
  taskId: string;
  decision: 'approve' | 'refuse';
  reason: string;
  actor: Actor;
  rules: RuleResult[];
}

/**
 * The reliability harnesses' calendar of seconds (durations in ms), for workers given `reliabilityShortenedCalendar`
 * (the worker setting RELIABILITY_SHORTENED_CALENDAR=true). Elsewhere an election runs the statute's calendar; nothing an API caller sends
 * can shorten it.
 */
export interface ShortenedElectionCalendar {
  /** The objection window after publication (statute: EL-OBJECT, 5 days). */
  objectionWindowMs: number;
  /** Each answer's deadline after its objection (statute: EL-ANSWER, 3 days). */
  answerWindowMs: number;
  /** Election day arrives this long after the candidates are set (statute: 00:00 China time of the election date). */
  electionDayInMs: number;
  /** The handover deadline after the election (statute: EL-HANDOVER, 10 days). */
  handoverWindowMs: number;
}

const RELIABILITY_CALENDAR: ShortenedElectionCalendar = {
  objectionWindowMs: 1_500,
  answerWindowMs: 60_000,
  electionDayInMs: 1_500,
  handoverWindowMs: 30 * 60_000,
};

export function createElectionActivities({
  db,
  reliabilityShortenedCalendar = false,
  reliabilityObjectionWindowMs,
}: {
  db: Db;
  reliabilityShortenedCalendar?: boolean;
  /** With the shortened calendar: its objection window (ms), for a harness that files many objections. */
  reliabilityObjectionWindowMs?: number;
}) {
  return {
    /** The calendar a new election runs: null (the statute's) unless this worker is a reliability harness's. */
    async electionCalendar(): Promise<ShortenedElectionCalendar | null> {
      if (!reliabilityShortenedCalendar) return null;
      return {
        ...RELIABILITY_CALENDAR,
        objectionWindowMs: reliabilityObjectionWindowMs ?? RELIABILITY_CALENDAR.objectionWindowMs,
      };
    },

    /**
     * Writes the Election row of a case (the Case row exists: the API or the 村改居 procedure wrote it) and finds the
     * community's election committee, creating the organization when the community has none yet.
     */
    async registerElection(input: RegisterElectionInput): Promise<{ committeeOrgId: string }> {
      const existing = await db.election.findUnique({ where: { id: input.caseId }, select: { committeeOrgId: true } });
      if (existing) return { committeeOrgId: existing.committeeOrgId };
      return db.$transaction(async (tx) => {
        const community = await tx.organization.findUniqueOrThrow({
          where: { id: input.communityOrgId },
          select: { id: true, code: true, name: true },
        });
        let committee = await tx.organization.findFirst({
          where: { parentId: community.id, kind: 'ELECTION_COMMITTEE' },
          orderBy: { createdAt: 'asc' },
          select: { id: true },
        });
        if (!committee) {
          committee = await createOrganization(tx, {
            code: `${community.code}-EC`,
            name: `${community.name}选举委员会`,
            kind: 'ELECTION_COMMITTEE',
            parentId: community.id,
          });
          await appendAudit(tx, {
            action: 'organization.created',
            targetType: 'organization',
            targetId: committee.id,
            caseId: input.caseId,
            outcome: 'success',
            reason: 'election committee of an election',
            data: { kind: 'ELECTION_COMMITTEE', parentId: community.id },
          });
        }
        await tx.election.create({
          data: {
            id: input.caseId,
            communityOrgId: community.id,
            townshipOrgId: input.townshipOrgId,
            committeeOrgId: committee.id,
            law: input.law,
            origin: input.origin ? json(input.origin) : Prisma.DbNull,
          },
        });
        await writeDecisions(tx, input.caseId, undefined, [input.lawRule]);
        await appendAudit(tx, {
          action: 'election.registered',
          targetType: 'election',
          targetId: input.caseId,
          caseId: input.caseId,
          outcome: 'success',
          data: { law: input.law, committeeOrgId: committee.id, origin: input.origin ?? null },
        });
        return { committeeOrgId: committee.id };
      });
    },

    /** The township's set-up: election date, seats (EL-SIZE), method (EL-METHOD), committee; registration opens. */
    async recordElectionSetup(input: RecordSetupInput): Promise<void> {
      await db.$transaction(async (tx) => {
        const moved = await tx.election.updateMany({
          where: { id: input.electionId, status: 'SETUP' },
          data: {
            status: 'REGISTRATION',
            electionDate: input.electionDate,
            seats: input.seats,
            method: input.method,
            committeeMembers: json(input.committeeMembers),
          },
        });
        if (moved.count === 0) return;
        await writeDecisions(tx, input.electionId, input.taskId, input.rules);
        await appendAudit(tx, {
          action: 'election.set-up',
          targetType: 'election',
          targetId: input.electionId,
          caseId: input.electionId,
          outcome: 'success',
          data: { electionDate: input.electionDate, seats: input.seats, method: input.method },
        });
      });
    },

    /**
     * The facts of an application for the pre-check, with EL-SINGLE's system check: registrations on any running
     * election's list, and other open or approved applications, with the same ID number. The number itself stays here.
     */
    async loadApplicationFacts(input: { applicationId: string; electionDate: string }): Promise<EligibilityFacts> {
      const app = await db.migrantApplication.findUniqueOrThrow({ where: { id: input.applicationId } });
      const [holder, listed, applications] = await Promise.all([
        db.user.findUnique({ where: { id: app.applicantUserId }, select: { idNumber: true } }),
        db.voterListEntry.count({ where: { activeIdNumber: app.idNumber } }),
        db.migrantApplication.count({
          where: {
            idNumber: app.idNumber,
            id: { not: app.id },
            status: { in: ['UNDER_REVIEW', 'EVIDENCE_REQUESTED', 'APPROVED'] },
            election: { status: { notIn: ['COMPLETED', 'CANCELLED'] } },
          },
        }),
      ]);
      return {
        electionDate: input.electionDate,
        birthDate: app.birthDate,
        residenceSince: app.residenceSince,
        hasLegalFixedResidence: app.hasLegalFixedResidence,
        politicalRightsDeprived: app.politicalRightsDeprived,
        // Submitted through the applicant's own account (the self-service form), and EL-SELF passes only when the
        // application's ID number is the one bound to that real-name account: 本人提出申请.
        appliedInPerson: true,
        idNumberMatchesAccount: holder?.idNumber != null && holder.idNumber === app.idNumber,
        registeredElsewhere: app.registeredElsewhere,
        // An approved application is on a list already; count each registration once.
        registrationsFound: listed + applications - (app.status === 'APPROVED' ? 1 : 0),
      };
    },

    /** Stores pre-check number `round` (once) and its rule decisions. */
    async recordPrecheck(input: { applicationId: string; round: number; rules: RuleResult[] }): Promise<void> {
      await db.$transaction(async (tx) => {
        const updated = await tx.migrantApplication.updateMany({
          where: { id: input.applicationId, precheckRound: { lt: input.round } },
          data: { precheckRound: input.round, precheck: json(input.rules), status: 'UNDER_REVIEW' },
        });
        if (updated.count === 0) return;
        await writeDecisions(tx, input.applicationId, undefined, input.rules);
        await appendAudit(tx, {
          action: 'migrant-application.prechecked',
          targetType: 'migrant-application',
          targetId: input.applicationId,
          caseId: input.applicationId,
          outcome: 'success',
          data: { round: input.round, failed: input.rules.filter((r) => !r.passed).map((r) => r.id) },
        });
      });
    },

    /** The committee asked for more evidence: the applicant sees the request on their status page. */
    async requestEvidence(input: {
      applicationId: string;
      taskId: string;
      reason: string;
      requestedEvidence: string;
    }): Promise<void> {
      await db.$transaction(async (tx) => {
        const updated = await tx.migrantApplication.updateMany({
          where: { id: input.applicationId, status: 'UNDER_REVIEW' },
          data: { status: 'EVIDENCE_REQUESTED', decisionReason: input.reason, requestedEvidence: input.requestedEvidence },
        });
        if (updated.count === 0) return;
        const app = await tx.migrantApplication.findUniqueOrThrow({
          where: { id: input.applicationId },
          select: { applicantUserId: true, number: true },
        });
        await appendAudit(tx, {
          action: 'migrant-application.evidence-requested',
          targetType: 'migrant-application',
          targetId: input.applicationId,
          caseId: input.applicationId,
          outcome: 'success',
          reason: input.reason,
          data: { taskId: input.taskId },
        });
        await notify(tx, {
          kind: 'case.decided',
          userId: app.applicantUserId,
          caseId: input.applicationId,
          params: { number: app.number, status: 'EVIDENCE_REQUESTED' },
          dedupeKey: `migrant.evidence:${input.taskId}`,
        });
      });
    },

    /**
     * EL-APPROVAL. Approval puts the applicant on the voter list; the system-wide uniqueness of a running registration
     * (EL-SINGLE) is enforced by the database, so a registration elsewhere meanwhile turns the approval into
     * `{ registered: false }` and nothing is written.
     */
    async decideApplication(input: MigrantDecisionInput): Promise<{ registered: boolean }> {
      try {
        return await db.$transaction(async (tx) => {
          const app = await tx.migrantApplication.findUniqueOrThrow({ where: { id: input.applicationId } });
          if (app.status === 'APPROVED' || app.status === 'REFUSED') return { registered: app.status === 'APPROVED' };
          if (input.decision === 'approve') {
            await tx.voterListEntry.create({
              data: {
                electionId: app.electionId,
                name: app.name,
                idNumber: app.idNumber,
                birthDate: app.birthDate,
                address: app.address,
                source: 'MIGRANT',
                applicationId: app.id,
                activeIdNumber: app.idNumber,
                createdById: input.actor.userId,
              },
            });
          }
          const status = input.decision === 'approve' ? 'APPROVED' : 'REFUSED';
          await tx.migrantApplication.update({
            where: { id: app.id },
            data: { status, decisionReason: input.reason, requestedEvidence: null, decidedAt: new Date() },
          });
          await writeDecisions(tx, app.id, input.taskId, input.rules);
          await reportCaseEvent(tx, app.id, 'case.decided', { status }, `case.decided:${app.id}`);
          await appendAudit(tx, {
            action: `migrant-application.${input.decision === 'approve' ? 'approved' : 'refused'}`,
            targetType: 'migrant-application',
            targetId: app.id,
            caseId: app.id,
            actorId: input.actor.userId,
            actingOrgId: input.actor.organizationId,
            outcome: 'success',
            reason: input.reason,
            data: { electionId: app.electionId, rules: input.rules.map((r) => ({ id: r.id, passed: r.passed })) },
          });
          await notify(tx, {
            kind: 'case.decided',
            userId: app.applicantUserId,
            caseId: app.id,
            params: { number: app.number, status },
            dedupeKey: `migrant.decided:${app.id}`,
          });
          return { registered: input.decision === 'approve' };
        });
      } catch (error) {
        if (isUniqueViolation(error)) return { registered: false };
        throw error;
      }
    },

    /**
     * The publication closes registration, but only when no application is undecided. Under the election's row lock
     * (an UPDATE), so it is serialized with `recordApplication` (api/services/election/applications.ts), which takes
     * the same row FOR SHARE and re-checks the status: an application recorded before it is counted here, one after
     * it is refused. An application whose case failed (its start was refused) does not count. Returns how many wait.
     */
    async closeRegistration(input: { electionId: string }): Promise<{ undecided: number }> {
      return db.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ closed: boolean }[]>`
          SELECT registration_closed_at IS NOT NULL AS closed FROM election WHERE id = ${input.electionId}::uuid FOR UPDATE`;
        if (row?.closed) return { undecided: 0 };
        const undecided = await tx.migrantApplication.count({
          where: {
            electionId: input.electionId,
            status: { in: ['UNDER_REVIEW', 'EVIDENCE_REQUESTED'] },
            case: { status: 'OPEN' },
          },
        });
        if (undecided > 0) return { undecided };
        await tx.election.updateMany({
          where: { id: input.electionId, status: 'REGISTRATION', registrationClosedAt: null },
          data: { registrationClosedAt: new Date() },
        });
        return { undecided: 0 };
      });
    },

    /** EL-LIST: the list is published (a late publication carries its reason); the objection window opens. */
    async publishVoterList(input: {
      electionId: string;
      taskId: string;
      publishedOn: string;
      lateReason?: string;
      objectionLastDay: string;
      /** The instant the window closes (the election's timer); the API judges objections against it (EL-OBJECT). */
      objectionWindowClosesAt?: string;
      actor: Actor;
      rule: RuleResult;
    }): Promise<{ registeredVoters: number }> {
      return db.$transaction(async (tx) => {
        const registeredVoters = await tx.voterListEntry.count({ where: { electionId: input.electionId, removedAt: null } });
        const moved = await tx.election.updateMany({
          where: { id: input.electionId, status: 'REGISTRATION' },
          data: {
            status: 'OBJECTIONS',
            listPublishedOn: input.publishedOn,
            listLateReason: input.rule.passed ? null : (input.lateReason ?? null),
            objectionLastDay: input.objectionLastDay,
            objectionWindowClosesAt: input.objectionWindowClosesAt ? new Date(input.objectionWindowClosesAt) : undefined,
            registeredVoters,
          },
        });
        if (moved.count === 0) return { registeredVoters };
        await writeDecisions(tx, input.electionId, input.taskId, [input.rule]);
        await reportCaseEvent(
          tx,
          input.electionId,
          'document.issued',
          { document: 'election.voter-list-notice', publishedOn: input.publishedOn, registeredVoters },
          `document.issued:${input.electionId}:voter-list`,
        );
        await appendAudit(tx, {
          action: input.rule.passed ? 'election.list-published' : 'election.list-published-late',
          targetType: 'election',
          targetId: input.electionId,
          caseId: input.electionId,
          actorId: input.actor.userId,
          actingOrgId: input.actor.organizationId,
          outcome: 'success',
          reason: input.rule.passed ? null : (input.lateReason ?? null),
          data: {
            publishedOn: input.publishedOn,
            registeredVoters,
            lastAllowedDate: input.rule.values.lastAllowedDate ?? null,
            objectionLastDay: input.objectionLastDay,
          },
        });
        return { registeredVoters };
      });
    },

    /**
     * The election's timer closed the objection window (EL-OBJECT): from now on the API records objections as late.
     * Returns how many objections wait for an answer; the election then waits for `objectionsAnswered`.
     *
     * No lost wake-up: this transaction and each answer's (`answerObjection`) lock the election's row FOR UPDATE
     * before they read, so they run one after the other, each seeing what the other committed. If an answer commits
     * first, this count no longer includes it; if this commits first, the answer sees the window closed and counts
     * the objections still open, and the one that leaves none wakes the election. So whenever this returns n > 0,
     * exactly one later answer finds the window closed and nothing open. (FOR SHARE would not do for the answers: two
     * answering at once could each still count the other as open, and neither would wake the election.) Objections
     * are recorded under the same row held FOR SHARE (api/services/election/objections.ts), so none is recorded
     * inside the window after this count.
     */
    async closeObjectionWindow(input: { electionId: string }): Promise<{ unanswered: number }> {
      return db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM election WHERE id = ${input.electionId}::uuid FOR UPDATE`;
        await tx.election.updateMany({
          where: { id: input.electionId, objectionWindowClosedAt: null },
          data: { objectionWindowClosedAt: new Date() },
        });
        const unanswered = await tx.voterObjection.count({ where: { electionId: input.electionId, status: 'OPEN' } });
        return { unanswered };
      });
    },

    /** EL-OBJECT: an objection inside the window is accepted and its answer deadline (EL-ANSWER) set. */
    async acceptObjection(input: {
      objectionId: string;
      receivedOn: string;
      answerDueAt: string;
      rule: RuleResult;
    }): Promise<void> {
      await db.$transaction(async (tx) => {
        const updated = await tx.voterObjection.updateMany({
          where: { id: input.objectionId, answerDueAt: null },
          data: { receivedOn: input.receivedOn, answerDueAt: new Date(input.answerDueAt) },
        });
        if (updated.count === 0) return;
        const objection = await tx.voterObjection.findUniqueOrThrow({
          where: { id: input.objectionId },
          select: { electionId: true, number: true },
        });
        await writeDecisions(tx, objection.electionId, undefined, [input.rule]);
        await appendAudit(tx, {
          action: 'election.objection-accepted',
          targetType: 'voter-objection',
          targetId: input.objectionId,
          caseId: objection.electionId,
          outcome: 'success',
          data: { number: objection.number, receivedOn: input.receivedOn, answerDueAt: input.answerDueAt },
        });
      });
    },

    /**
     * EL-ANSWER: the committee's answer, published with the list. An upheld objection corrects the list: a wrongly
     * listed voter is removed, a person left out is added (unless registered elsewhere, EL-SINGLE).
     */
    async answerObjection(input: {
      objectionId: string;
      taskId: string;
      decision: 'upheld' | 'dismissed';
      answer: string;
      answeredOn: string;
      inTime: boolean;
      actor: Actor;
      rule: RuleResult;
    }): Promise<{ corrected: boolean; lastAfterWindow: boolean }> {
      const apply = async (addPerson: boolean) =>
        db.$transaction(async (tx) => {
          const { electionId } = await tx.voterObjection.findUniqueOrThrow({
            where: { id: input.objectionId },
            select: { electionId: true },
          });
          // The election's row first (see `closeObjectionWindow`): answers and the window's close run one at a time.
          const [window] = await tx.$queryRaw<{ closed: boolean }[]>`
            SELECT objection_window_closed_at IS NOT NULL AS closed FROM election WHERE id = ${electionId}::uuid FOR UPDATE`;
          /** This answer is the last one after the window closed: the election waiting for it is to be woken. */
          const lastAfterWindow = async () =>
            window!.closed && (await tx.voterObjection.count({ where: { electionId, status: 'OPEN' } })) === 0;
          const objection = await tx.voterObjection.findUniqueOrThrow({ where: { id: input.objectionId } });
          // A retry after the commit: the same answer again (a second wake-up is harmless: the election sets a flag).
          if (objection.status !== 'OPEN')
            return { corrected: objection.status === 'UPHELD', lastAfterWindow: await lastAfterWindow() };
          let corrected = false;
          if (input.decision === 'upheld' && objection.kind === 'wrongful-inclusion' && objection.entryId) {
            const removed = await tx.voterListEntry.updateMany({
              where: { id: objection.entryId, electionId: objection.electionId, removedAt: null },
              data: { removedAt: new Date(), removedReason: `objection ${objection.number}`, activeIdNumber: null },
            });
            corrected = removed.count > 0;
          }
          if (
            input.decision === 'upheld' &&
            objection.kind === 'omission' &&
            addPerson &&
            objection.personIdNumber &&
            objection.personName
          ) {
            const birth = objection.personIdNumber.slice(6, 14);
            await tx.voterListEntry.create({
              data: {
                electionId: objection.electionId,
                name: objection.personName,
                idNumber: objection.personIdNumber,
                birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
                address: objection.personAddress,
                source: 'OBJECTION',
                objectionId: objection.id,
                activeIdNumber: objection.personIdNumber,
                createdById: input.actor.userId,
              },
            });
            corrected = true;
          }
          await tx.voterObjection.update({
            where: { id: objection.id },
            data: {
              status: input.decision === 'upheld' ? 'UPHELD' : 'DISMISSED',
              answer: input.answer,
              answeredOn: input.answeredOn,
              answeredAt: new Date(),
              answeredInTime: input.inTime,
            },
          });
          const registeredVoters = await tx.voterListEntry.count({
            where: { electionId: objection.electionId, removedAt: null },
          });
          await tx.election.update({ where: { id: objection.electionId }, data: { registeredVoters } });
          await writeDecisions(tx, objection.electionId, input.taskId, [input.rule]);
          await appendAudit(tx, {
            action: 'election.objection-answered',
            targetType: 'voter-objection',
            targetId: objection.id,
            caseId: objection.electionId,
            actorId: input.actor.userId,
            actingOrgId: input.actor.organizationId,
            outcome: 'success',
            reason: input.inTime ? null : 'answered after the EL-ANSWER deadline',
            data: { number: objection.number, decision: input.decision, inTime: input.inTime, corrected, published: true },
          });
          return { corrected, lastAfterWindow: await lastAfterWindow() };
        });
      try {
        return await apply(true);
      } catch (error) {
        // The person left out is registered elsewhere (EL-SINGLE): the answer stands, the list is not changed.
        if (isUniqueViolation(error)) return apply(false);
        throw error;
      }
    },

    /** The objection window closed and every objection is answered: the list is final; candidates next. */
    async closeVoterList(input: { electionId: string }): Promise<{ registeredVoters: number }> {
      return db.$transaction(async (tx) => {
        const registeredVoters = await tx.voterListEntry.count({ where: { electionId: input.electionId, removedAt: null } });
        const moved = await tx.election.updateMany({
          where: { id: input.electionId, status: 'OBJECTIONS' },
          data: { status: 'CANDIDATES', registeredVoters },
        });
        if (moved.count > 0) {
          await appendAudit(tx, {
            action: 'election.list-final',
            targetType: 'election',
            targetId: input.electionId,
            caseId: input.electionId,
            outcome: 'success',
            data: { registeredVoters },
          });
        }
        return { registeredVoters };
      });
    },

    /** EL-CANDIDATES: the candidate list; voting next. */
    async recordCandidates(input: { electionId: string; taskId: string; candidates: string[]; rule: RuleResult }): Promise<void> {
      await db.$transaction(async (tx) => {
        const moved = await tx.election.updateMany({
          where: { id: input.electionId, status: 'CANDIDATES' },
          data: { status: 'VOTING', candidates: json(input.candidates) },
        });
        if (moved.count === 0) return;
        await writeDecisions(tx, input.electionId, input.taskId, [input.rule]);
        await appendAudit(tx, {
          action: 'election.candidates',
          targetType: 'election',
          targetId: input.electionId,
          caseId: input.electionId,
          outcome: 'success',
          data: { candidates: input.candidates.length },
        });
      });
    },

    /** One counted round (EL-TURNOUT, EL-CANDIDATES, EL-WIN or EL-RUNOFF), once per task. */
    async recordRound(input: {
      electionId: string;
      taskId: string;
      round: 'first' | 'runoff';
      votesCast: number;
      registeredVoters: number;
      seats: number;
      candidates: { name: string; votes: number }[];
      valid: boolean;
      elected: string[];
      tiedForLastSeat: string[];
      rules: RuleResult[];
    }): Promise<void> {
      await db.$transaction(async (tx) => {
        const election = await tx.election.findUniqueOrThrow({
          where: { id: input.electionId },
          select: { rounds: true, elected: true },
        });
        const rounds = election.rounds as { taskId: string }[];
        if (rounds.some((r) => r.taskId === input.taskId)) return;
        const { rules, ...round } = input;
        await tx.election.update({
          where: { id: input.electionId },
          data: {
            rounds: json([...rounds, { ...round, countedAt: new Date().toISOString() }]),
            elected: json([...(election.elected as string[]), ...input.elected]),
          },
        });
        await writeDecisions(tx, input.electionId, input.taskId, rules);
        await appendAudit(tx, {
          action: 'election.round-counted',
          targetType: 'election',
          targetId: input.electionId,
          caseId: input.electionId,
          outcome: 'success',
          data: {
            round: input.round,
            valid: input.valid,
            votesCast: input.votesCast,
            registeredVoters: input.registeredVoters,
            elected: input.elected,
            tiedForLastSeat: input.tiedForLastSeat,
          },
        });
      });
    },

    /** The new committee is elected: handover next (EL-HANDOVER). */
    async markElected(input: { electionId: string }): Promise<void> {
      await db.election.updateMany({ where: { id: input.electionId, status: 'VOTING' }, data: { status: 'HANDOVER' } });
    },

    /** EL-HANDOVER: seals and files handed over. */
    async recordHandover(input: {
      electionId: string;
      taskId: string;
      handedOverOn: string;
      items: string[];
      rule: RuleResult;
    }): Promise<void> {
      await db.$transaction(async (tx) => {
        const moved = await tx.election.updateMany({
          where: { id: input.electionId, status: 'HANDOVER', handedOverOn: null },
          data: { handedOverOn: input.handedOverOn },
        });
        if (moved.count === 0) return;
        await writeDecisions(tx, input.electionId, input.taskId, [input.rule]);
        await appendAudit(tx, {
          action: 'election.handover',
          targetType: 'election',
          targetId: input.electionId,
          caseId: input.electionId,
          outcome: 'success',
          data: { handedOverOn: input.handedOverOn, items: input.items, inTime: input.rule.passed },
        });
      });
    },

    /**
     * The final report (what the township files with the county): the calendar, the list, migrants, objections,
     * rounds, the elected committee, the handover. The election's registrations stop counting for EL-SINGLE.
     */
    async fileElectionReport(input: { electionId: string; vacancies: number }): Promise<Record<string, unknown>> {
      return db.$transaction(async (tx) => {
        const election = await tx.election.findUniqueOrThrow({
          where: { id: input.electionId },
          include: { community: { select: { name: true } } },
        });
        if (election.report) return election.report as Record<string, unknown>;
        const [voters, bySource, applications, objections] = await Promise.all([
          tx.voterListEntry.count({ where: { electionId: election.id, removedAt: null } }),
          tx.voterListEntry.groupBy({
            by: ['source'],
            where: { electionId: election.id, removedAt: null },
            _count: { _all: true },
          }),
          tx.migrantApplication.groupBy({ by: ['status'], where: { electionId: election.id }, _count: { _all: true } }),
          tx.voterObjection.findMany({ where: { electionId: election.id }, select: { status: true, answeredInTime: true } }),
        ]);
        const report = {
          community: election.community.name,
          law: election.law,
          electionDate: election.electionDate,
          seats: election.seats,
          method: election.method,
          listPublishedOn: election.listPublishedOn,
          listLateReason: election.listLateReason,
          registeredVoters: voters,
          votersBySource: Object.fromEntries(bySource.map((s) => [s.source, s._count._all])),
          migrantApplications: Object.fromEntries(applications.map((a) => [a.status, a._count._all])),
          objections: {
            total: objections.length,
            upheld: objections.filter((o) => o.status === 'UPHELD').length,
            dismissed: objections.filter((o) => o.status === 'DISMISSED').length,
            answeredLate: objections.filter((o) => o.answeredInTime === false).length,
          },
          rounds: election.rounds,
          elected: election.elected,
          vacancies: input.vacancies,
          handedOverOn: election.handedOverOn,
          filedAt: new Date().toISOString(),
        };
        await tx.election.update({ where: { id: election.id }, data: { report: json(report), status: 'COMPLETED' } });
        await tx.voterListEntry.updateMany({ where: { electionId: election.id }, data: { activeIdNumber: null } });
        await appendAudit(tx, {
          action: 'election.report-filed',
          targetType: 'election',
          targetId: election.id,
          caseId: election.id,
          outcome: 'success',
          data: { registeredVoters: voters, elected: election.elected, vacancies: input.vacancies },
        });
        return report;
      });
    },
  };
}

/** An event for other systems about a case of this procedure (runtime/webhook-events.ts), in the caller's transaction. */
async function reportCaseEvent(
  tx: DbTx,
  caseId: string,
  type: 'case.decided' | 'document.issued',
  data: Record<string, unknown>,
  dedupeKey: string,
): Promise<void> {
  const row = await tx.case.findUnique({
    where: { id: caseId },
    select: { number: true, organizationId: true, procedure: true },
  });
  if (!row) return;
  await enqueueWebhookEvent(tx, {
    type,
    organizationId: row.organizationId,
    caseId,
    caseNumber: row.number,
    data: { procedure: row.procedure, ...data },
    dedupeKey,
  });
}
