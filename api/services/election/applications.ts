import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { failPendingStart, isRefusedStart, recordPendingStart, type WorkflowStart } from '../../../runtime/pending-starts';
import { nextCaseNumber } from '../../../runtime/case-numbers';
import { newQueryCode, storeQueryCode } from '../../../runtime/query-codes';
import { AppError } from '../../../domain/errors';
import { contentMatchesType, MAX_DOCUMENT_BYTES } from '../../../domain/documents';
import type { MigrantApplicationBody, MigrantEvidenceBody } from '../../../domain/forms/election';
import { PROCEDURES } from '../../../domain/procedures';
import { maskResidentId } from '../../../domain/resident-id';
import { ELECTION_RULE_SET, selfApplication, type ElectionLaw } from '../../../domain/rules/election';
import type { RuleResult } from '../../../domain/rules/rule';
import { migrantWorkflowId, supplyEvidenceUpdate, type MigrantEligibilityInput } from '../../../workflows/election/messages';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership } from '../../authz/organization-scope';
import { storeDocument } from '../documents/store-document';
import { applicationsInScope } from '../../authz/election-scope';
import { findElection, wrongStep } from './scope';
import { startWorkflow, updateWorkflow } from '../temporal/workflow-door';

interface Platform {
  db: Db;
  temporal: Client;
  taskQueue: string;
}

type Evidence = MigrantApplicationBody['documents'];

/** Refuses a bad file before anything is written (storeDocument checks again when it stores). */
function checkEvidence(documents: Evidence): void {
  documents.forEach((d, i) => {
    const bytes = Buffer.from(d.contentBase64, 'base64');
    if (bytes.length === 0 || bytes.length > MAX_DOCUMENT_BYTES || !contentMatchesType(d.mimeType, d.filename, bytes)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
        fields: [
          {
            path: `documents.${i}`,
            code: 'type',
            message: {
              'zh-CN': '文件为空、超过 10 MB 或内容与类型不符。',
              en: 'The file is empty, over 10 MB, or does not match its type.',
            },
          },
        ],
      });
    }
  });
}

async function storeEvidence(db: Db, caller: Caller, caseId: string, documents: Evidence, requestId: string): Promise<void> {
  for (const d of documents) await storeDocument({ db, caller, caseId, ...d, requestId });
}

/**
 * The migrant applies themself (EL-SELF) with their own APPLICANT account of the community: the application (with
 * the resident ID number) is stored in PostgreSQL, its case opened, the evidence attached, and its own workflow
 * (migrant-eligibility) started, whose pre-check and committee task exist when this returns. The election's workflow
 * takes no part: its history does not grow with its applications (issue 19).
 */
export async function submitApplication(options: SubmitApplicationOptions) {
  const { db, temporal, caller } = options;
  const { id, number, start, queryCode } = await recordApplication(options);
  try {
    await startWorkflow({ db, temporal, start });
  } catch (error) {
    // Refused by Temporal: the application is not accepted.
    if (error instanceof AppError || isRefusedStart(error)) {
      await db.$transaction((tx) =>
        failPendingStart(tx, id, {
          actorId: caller.userId,
          reason: error instanceof Error ? error.message : String(error),
          requestId: options.requestId,
        }),
      );
      throw error;
    }
    // Anything else (Temporal not answering within the answer deadline) leaves the application standing: it is on
    // record with its number, and the worker's reconciler starts its review from the outbox row. So the answer says
    // so (201 with the number) rather than a 503 that invites the applicant to apply a second time.
    options.log?.(
      `application ${number} recorded; its review starts from the outbox (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  // 我要查: the query code is in this answer only (PostgreSQL keeps its hash).
  return { ...(await applicationStatus({ db, caller, number })), queryCode };
}

type SubmitApplicationOptions = Platform & {
  caller: Caller;
  electionId: string;
  body: MigrantApplicationBody;
  requestId: string;
  /** Where a start left to the reconciler is logged. */
  log?: (line: string) => void;
};

/**
 * EL-SELF on submission: accounts are real-name, so an application is the holder's own only under the ID number
 * bound to the account. An account with none cannot apply (the administrator binds it); another person's number is
 * refused with EL-SELF, and nothing is recorded.
 */
async function assertOwnIdNumber(db: Db, caller: Caller, idNumber: string): Promise<void> {
  const holder = await db.user.findUnique({ where: { id: caller.userId }, select: { idNumber: true } });
  if (!holder?.idNumber) throw new AppError('ID_NUMBER_NOT_BOUND');
  if (holder.idNumber === idNumber) return;
  const result = selfApplication(true, false);
  throw new AppError('RULE_FAILED', {
    message: {
      'zh-CN': `申请书上的身份证号码不是本账号实名绑定的号码：流动人口须由本人提出申请（EL-SELF，${result.citation}）。`,
      en: `The ID number on the application is not the one bound to this account: a migrant applies themself (EL-SELF, ${result.citation}).`,
    },
    fields: [
      {
        path: 'idNumber',
        code: 'not_account_holder',
        message: {
          'zh-CN': '须填写本账号持有人本人的身份证号码（EL-SELF）。',
          en: 'Enter the account holder’s own ID number (EL-SELF).',
        },
      },
    ],
    details: { rules: [result] },
  });
}

/**
 * The first half of an application: checks, then the case, the application, its audit row and the start of its
 * workflow (an outbox row) in one transaction, then the evidence. A process that dies after it leaves exactly this,
 * which the worker's reconciler starts.
 *
 * Applications are accepted during registration only. The transaction holds the election's row FOR SHARE and
 * re-checks that registration is open; the publication closes it by an UPDATE of that row (`closeRegistration`,
 * activities/election.ts), which counts the undecided applications first. So the two are serialized: an application
 * committed before the publication is counted there (the publication waits for its decision); one after is refused.
 */
export async function recordApplication(options: SubmitApplicationOptions) {
  const { db, caller, body } = options;
  const membership = currentMembership(caller);
  const election = await findElection({ db, caller, electionId: options.electionId });
  if (membership.role !== 'APPLICANT') throw new AppError('NOT_FOUND');
  if (election.status !== 'REGISTRATION' || election.registrationClosedAt) throw registrationOver(election.status);
  const own = await db.migrantApplication.findFirst({
    where: { electionId: election.id, applicantUserId: caller.userId, status: { not: 'REFUSED' } },
    select: { number: true },
  });
  if (own)
    throw new AppError('CONFLICT', {
      message: {
        'zh-CN': `您的申请已记录，编号 ${own.number}，无需再次提交；请在“我的选举申请”中查看办理进度。`,
        en: `Your application is on record as ${own.number}; there is no need to apply again. Follow it under “My election applications”.`,
      },
      details: { number: own.number },
    });
  await assertOwnIdNumber(db, caller, body.idNumber);
  checkEvidence(body.documents);

  const id = randomUUID();
  const queryCode = newQueryCode();
  let start: WorkflowStart | undefined;
  const number = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string; closed: boolean }[]>`
      SELECT status::text AS status, registration_closed_at IS NOT NULL AS closed
      FROM election WHERE id = ${election.id}::uuid FOR SHARE`;
    if (row?.status !== 'REGISTRATION' || row.closed) throw registrationOver(row?.status ?? election.status);
    const caseNumber = await nextCaseNumber(tx, PROCEDURES['migrant-eligibility'].code, new Date().getFullYear());
    await tx.case.create({
      data: {
        id,
        procedure: 'migrant-eligibility',
        number: caseNumber,
        title: '流动人口选民资格申请',
        // The township's, not the community's: a resident's scope is their community's subtree, and other residents
        // must not read this case (evidence, reasons). The committee reads it through its task, the county by scope.
        organizationId: election.townshipOrgId,
        workflowId: migrantWorkflowId(id),
        // An application is part of its election: it keeps the election's rule set.
        ruleSetVersion: election.case.ruleSetVersion,
        data: { electionId: election.id },
        openedById: caller.userId,
      },
    });
    await tx.migrantApplication.create({
      data: {
        id,
        number: caseNumber,
        electionId: election.id,
        applicantUserId: caller.userId,
        name: body.name,
        idNumber: body.idNumber,
        birthDate: body.birthDate,
        phone: body.phone,
        ...residenceFacts(body),
      },
    });
    await storeQueryCode(tx, id, queryCode);
    await appendAudit(tx, {
      action: 'case.opened',
      targetType: 'case',
      targetId: id,
      caseId: id,
      actorId: caller.userId,
      actingOrgId: membership.organizationId,
      outcome: 'success',
      requestId: options.requestId,
      data: { procedure: 'migrant-eligibility', number: caseNumber, electionId: election.id, channel: 'self-service' },
    });
    // The review is a workflow of its own, with what it needs of the election; committed here so that it starts even
    // if this process dies.
    const input: MigrantEligibilityInput = {
      applicationId: id,
      number: caseNumber,
      electionId: election.id,
      committeeOrgId: election.committeeOrgId,
      law: election.law as ElectionLaw,
      electionDate: election.electionDate!,
      // EL-RESIDENCE's minimum in the rule set the election keeps (`election.case.ruleSetVersion`); every set so
      // far keeps the policy's year (domain/rules/election.ts).
      residenceMonths: ELECTION_RULE_SET.residenceMonths,
    };
    start = {
      caseId: id,
      workflowType: PROCEDURES['migrant-eligibility'].workflowType,
      workflowId: migrantWorkflowId(id),
      taskQueue: options.taskQueue,
      args: [input],
    };
    await recordPendingStart(tx, start);
    return caseNumber;
  });
  await storeEvidence(db, caller, id, body.documents, options.requestId);
  return { id, number, start: start!, queryCode };
}

const registrationOver = (status: string) =>
  wrongStep('选民登记期间才能申请。', 'Applications are accepted during voter registration only.', { status });

/** The residence facts an application states and an evidence supplement states again, as stored. */
function residenceFacts(
  body: Pick<
    MigrantEvidenceBody,
    | 'address'
    | 'residenceSince'
    | 'hasLegalFixedResidence'
    | 'residenceEvidence'
    | 'politicalRightsDeprived'
    | 'registeredElsewhere'
  >,
) {
  return {
    address: body.address,
    residenceSince: body.residenceSince,
    hasLegalFixedResidence: body.hasLegalFixedResidence,
    residenceEvidence: body.residenceEvidence,
    politicalRightsDeprived: body.politicalRightsDeprived,
    registeredElsewhere: body.registeredElsewhere,
  };
}

/** The applicant supplies the evidence the committee asked for; the pre-check runs again and the committee decides. */
export async function supplyEvidence(
  options: Platform & { caller: Caller; number: string; body: MigrantEvidenceBody; requestId: string },
) {
  const { db, temporal, caller, body } = options;
  const app = await db.migrantApplication.findFirst({ where: { number: options.number, applicantUserId: caller.userId } });
  if (!app) throw new AppError('NOT_FOUND');
  if (app.status !== 'EVIDENCE_REQUESTED')
    throw wrongStep('选举委员会没有要求补充材料。', 'The election committee has not asked for evidence.', { status: app.status });
  checkEvidence(body.documents);
  await db.$transaction(async (tx) => {
    await tx.migrantApplication.update({
      where: { id: app.id },
      data: {
        ...residenceFacts(body),
      },
    });
    await appendAudit(tx, {
      action: 'migrant-application.evidence-supplied',
      targetType: 'migrant-application',
      targetId: app.id,
      caseId: app.id,
      actorId: caller.userId,
      outcome: 'success',
      requestId: options.requestId,
      data: { documents: body.documents.length, note: body.note ?? null },
    });
  });
  await storeEvidence(db, caller, app.id, body.documents, options.requestId);
  await updateWorkflow({
    temporal,
    workflowId: migrantWorkflowId(app.id),
    update: supplyEvidenceUpdate,
    updateId: `evidence-${app.id}-${app.precheckRound}`,
  });
  return applicationStatus({ db, caller, number: app.number });
}

/** Status, pre-check, decision and reasons of one application, by its number (MIG-2026-000001). */
export async function applicationStatus({ db, caller, number }: { db: Db; caller: Caller; number: string }) {
  const app = await db.migrantApplication.findFirst({
    where: { AND: [{ number }, applicationsInScope(caller)] },
    include: { election: { include: { community: { select: { name: true } } } }, case: { select: { status: true } } },
  });
  if (!app) throw new AppError('NOT_FOUND');
  const documents = await db.document.count({ where: { caseId: app.id } });
  return {
    number: app.number,
    electionId: app.electionId,
    community: app.election.community.name,
    electionDate: app.election.electionDate,
    name: app.name,
    idNumberMasked: maskResidentId(app.idNumber),
    phone: app.phone,
    address: app.address,
    residenceSince: app.residenceSince,
    hasLegalFixedResidence: app.hasLegalFixedResidence,
    residenceEvidence: app.residenceEvidence,
    politicalRightsDeprived: app.politicalRightsDeprived,
    registeredElsewhere: app.registeredElsewhere,
    status: app.status,
    submittedAt: app.createdAt.toISOString(),
    caseId: app.id,
    precheck: app.precheck as unknown as RuleResult[],
    decisionReason: app.decisionReason,
    requestedEvidence: app.requestedEvidence,
    decidedAt: app.decidedAt?.toISOString() ?? null,
    documents,
  };
}

/** An applicant's own applications, or the applications of the elections a caller oversees (newest first). */
export async function listApplications({
  db,
  caller,
  filter,
}: {
  db: Db;
  caller: Caller;
  filter: { electionId?: string; status?: string; limit: number };
}) {
  const rows = await db.migrantApplication.findMany({
    where: {
      AND: [
        applicationsInScope(caller),
        filter.electionId ? { electionId: filter.electionId } : {},
        filter.status ? { status: filter.status as never } : {},
      ],
    },
    orderBy: { createdAt: 'desc' },
    take: filter.limit,
    include: { election: { include: { community: { select: { name: true } } } } },
  });
  return rows.map((app) => ({
    number: app.number,
    electionId: app.electionId,
    community: app.election.community.name,
    name: app.name,
    idNumberMasked: maskResidentId(app.idNumber),
    status: app.status,
    submittedAt: app.createdAt.toISOString(),
    decidedAt: app.decidedAt?.toISOString() ?? null,
  }));
}
