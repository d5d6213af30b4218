import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import type { LocalizedText } from '../../../domain/localized-text';
import { ruleSetName } from '../../../domain/procedures';
import type { Caller } from '../../plugins/app/auth';
import { casesInScope } from '../../authz/case-scope';
import { caseHistory, withdrawalOf, writtenDecision } from './case-history';
import { shownCaseStatus, shownClosedAt, shownStatusWhere, stepStates, type CaseStatus } from './step-states';
import { conversionEvidenceOf } from '../village-conversion/evidence';
import { OFFICE_HISTORY_ACTIONS, officeHistory } from '../oa/history';

export async function findReadableCase({ db, caller, caseId }: { db: Db; caller: Caller; caseId: string }) {
  const row = await db.case.findFirst({
    where: { AND: [{ id: caseId }, casesInScope(caller)] },
    include: { organization: { select: { name: true } } },
  });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The case record: steps, tasks, the timeline from the audit trail, rule decisions, documents and comments. */
export async function caseRecord({ db, caller, caseId }: { db: Db; caller: Caller; caseId: string }) {
  const row = await findReadableCase({ db, caller, caseId });
  const [tasks, events, decisions, documents, comments] = await Promise.all([
    db.task.findMany({
      where: { caseId },
      orderBy: { createdAt: 'asc' },
      include: { assignee: { select: { displayName: true } }, candidateOrg: { select: { name: true } } },
    }),
    db.auditEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' }, take: 1000 }),
    db.ruleDecision.findMany({ where: { caseId }, orderBy: { decidedAt: 'asc' } }),
    db.document.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } }),
    db.taskComment.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } }),
  ]);
  const withdrawal = withdrawalOf(events);
  const people = [
    ...events.map((e) => e.actorId),
    ...comments.map((c) => c.authorId),
    ...documents.map((d) => d.uploadedById),
    ...tasks.map((t) => t.completedById),
    withdrawal?.by,
  ];
  const userIds = [...new Set(people.filter((x): x is string => !!x))];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } })).map((u) => [
      u.id,
      u.displayName,
    ]),
  );
  const officeEvents = events.filter((e) => e.action in OFFICE_HISTORY_ACTIONS);
  const orgNames = new Map(
    (
      await db.organization.findMany({
        where: { id: { in: [...new Set(officeEvents.map((e) => e.actingOrgId).filter((x): x is string => !!x))] } },
        select: { id: true, name: true },
      })
    ).map((o) => [o.id, o.name]),
  );
  const withdrawer = withdrawal?.by
    ? await db.membership.findFirst({
        where: { userId: withdrawal.by, organizationId: row.organizationId },
        select: { role: true },
      })
    : null;
  // 取回: completions whose next step's task is open and unclaimed (it names them in its context).
  const untouchedAfter = new Set(
    tasks
      .filter((t) => t.status === 'OPEN' && t.assigneeId === null)
      .map((t) => (t.context as { previousTaskId?: unknown } | null)?.previousTaskId)
      .filter((id): id is string => typeof id === 'string'),
  );
  return {
    case: {
      id: row.id,
      number: row.number,
      procedure: row.procedure,
      title: row.title,
      status: shownCaseStatus(row),
      organizationId: row.organizationId,
      organizationName: row.organization.name,
      ruleSetVersion: row.ruleSetVersion,
      ruleSetName: ruleSetName(row.ruleSetVersion),
      data: row.data as Record<string, unknown>,
      openedAt: row.openedAt.toISOString(),
      closedAt: shownClosedAt(row),
    },
    steps: stepStates({ procedure: row.procedure, status: row.status, data: row.data, tasks }),
    history: [
      ...caseHistory({
        procedure: row.procedure,
        organizationName: row.organization.name,
        tasks,
        events,
        names,
        withdrawerRole: withdrawer?.role ?? null,
      }),
      ...officeHistory(officeEvents, names, orgNames),
    ].sort((a, b) => a.at.localeCompare(b.at)),
    writtenDecision: writtenDecision(tasks, names),
    tasks: tasks.map((t) => ({
      id: t.id,
      kind: t.kind,
      formId: t.formId,
      status: t.status,
      candidateOrgName: t.candidateOrg.name,
      candidateRole: t.candidateRole,
      assigneeName: t.assignee?.displayName ?? null,
      dueAt: t.dueAt?.toISOString() ?? null,
      completedAt: t.completedAt?.toISOString() ?? null,
      result: t.result ?? null,
      canTakeBack: t.status === 'COMPLETED' && t.completedById === caller.userId && untouchedAfter.has(t.id),
    })),
    timeline: events.map((e) => ({
      seq: e.seq.toString(),
      at: e.at.toISOString(),
      action: e.action,
      outcome: e.outcome,
      reason: e.reason,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
      data: e.data as Record<string, unknown>,
    })),
    ruleDecisions: decisions.map((d) => ({
      ruleId: d.ruleId,
      passed: d.passed,
      undetermined: d.undetermined,
      ruleSet: d.ruleSet,
      ruleSetName: d.ruleSet ? ruleSetName(d.ruleSet) : null,
      citation: d.citation,
      detail: d.detail as LocalizedText | null,
      values: d.values as Record<string, unknown>,
      decidedAt: d.decidedAt.toISOString(),
    })),
    documents: documents.map((d) => ({
      id: d.id,
      name: d.name,
      size: d.size,
      mimeType: d.mimeType,
      sha256: d.sha256,
      taskId: d.taskId,
      uploadedBy: d.uploadedById ? (names.get(d.uploadedById) ?? null) : null,
      createdAt: d.createdAt.toISOString(),
    })),
    comments: comments.map((c) => ({
      id: c.id,
      taskId: c.taskId,
      author: names.get(c.authorId) ?? '—',
      body: c.body,
      createdAt: c.createdAt.toISOString(),
    })),
    evidence: conversionEvidenceOf(row.procedure, row.data as Record<string, unknown>, documents),
  };
}

export async function listCases({
  db,
  caller,
  filter,
}: {
  db: Db;
  caller: Caller;
  filter: { procedure?: string; status?: string; q?: string; limit: number };
}) {
  const rows = await db.case.findMany({
    where: {
      AND: [
        casesInScope(caller),
        filter.procedure ? { procedure: filter.procedure } : {},
        filter.status ? shownStatusWhere(filter.status as CaseStatus) : {},
        filter.q
          ? {
              OR: [
                { title: { contains: filter.q, mode: 'insensitive' } },
                { number: { contains: filter.q, mode: 'insensitive' } },
              ],
            }
          : {},
      ],
    },
    orderBy: { openedAt: 'desc' },
    take: filter.limit,
  });
  return rows.map((r) => ({ ...r, status: shownCaseStatus(r) }));
}

/** A document's bytes, if the caller may read its case. */
export async function readDocument({ db, caller, documentId }: { db: Db; caller: Caller; documentId: string }) {
  const doc = await db.document.findFirst({
    where: { id: documentId, case: casesInScope(caller) },
    include: { blob: true },
  });
  if (!doc?.blob.bytes) throw new AppError('NOT_FOUND');
  return { name: doc.name, mimeType: doc.mimeType, bytes: Buffer.from(doc.blob.bytes) };
}
