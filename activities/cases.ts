import type { DbClient, DbTx } from '../runtime/db';
import { appendAudit, inTransaction, type AuditEntry } from '../runtime/audit';
import { notify } from '../runtime/notifications';
import { caseDecisionReported, closingFacts, enqueueWebhookEvent } from '../runtime/webhook-events';
import { type Prisma, type Role } from '../prisma/generated/client';
import { writeRuleDecisions, type RecordedRule } from './rule-decisions';

/** What a workflow's write to a case records in the audit trail, committed with the change. */
export interface CaseEvent {
  action: string;
  actorId?: string;
  actingOrgId?: string;
  reason?: string;
  data?: Record<string, unknown>;
}

/** The audit row of a case event: a successful change to the case, in the name of the event's actor. */
export function caseEventAudit(caseId: string, event: CaseEvent): AuditEntry {
  return {
    action: event.action,
    targetType: 'case',
    targetId: caseId,
    caseId,
    actorId: event.actorId,
    actingOrgId: event.actingOrgId,
    outcome: 'success',
    reason: event.reason,
    data: event.data ?? {},
  };
}

export interface CloseCaseInput {
  caseId: string;
  status: 'COMPLETED' | 'REJECTED' | 'WITHDRAWN';
  outcome: Record<string, unknown>;
  /** Tells an organization's users (those holding `role`, or all) the outcome: e.g. the applying village. */
  notify?: { organizationId: string; role?: Role; params?: Record<string, unknown> };
}

export interface RuleDecisionInput {
  caseId: string;
  taskId?: string;
  /** The rule results of one step, `detail` in both languages (stored as jsonb {zh-CN, en}). */
  decisions: (Omit<RecordedRule, 'id'> & { ruleId: string })[];
}

export interface MergeCaseDataInput {
  caseId: string;
  data: Record<string, unknown>;
}

/** Case writes. Given a transaction client (see `applyWrites`), each runs inside it instead of its own transaction. */
export function createCaseActivities({ db }: { db: DbClient }) {
  return {
    /** Closes a case with its final status; idempotent. */
    async closeCase(input: CloseCaseInput): Promise<void> {
      await inTransaction(db, async (tx) => {
        const closed = await tx.case.updateMany({
          where: { id: input.caseId, status: 'OPEN' },
          data: { status: input.status, closedAt: new Date() },
        });
        if (closed.count === 0) return;
        await reportClosing(tx, input);
        await appendAudit(tx, {
          action: 'case.closed',
          targetType: 'case',
          targetId: input.caseId,
          caseId: input.caseId,
          outcome: 'success',
          data: { status: input.status, outcome: input.outcome },
        });
        if (input.notify) {
          const row = await tx.case.findUniqueOrThrow({
            where: { id: input.caseId },
            select: { number: true, title: true, procedure: true },
          });
          await notify(tx, {
            kind: 'case.decided',
            organizationId: input.notify.organizationId,
            role: input.notify.role,
            caseId: input.caseId,
            params: { caseNumber: row.number, caseTitle: row.title, procedure: row.procedure, ...input.notify.params },
            dedupeKey: `case.closed:${input.caseId}`,
          });
        }
      });
    },

    /** Merges procedure data into the case record (shown on the case page; e.g. the application, the decision). */
    async mergeCaseData(input: MergeCaseDataInput): Promise<void> {
      await inTransaction(db, async (tx) => {
        const row = await tx.case.findUniqueOrThrow({
          where: { id: input.caseId },
          select: { data: true, procedure: true, number: true, organizationId: true },
        });
        await tx.case.update({
          where: { id: input.caseId },
          data: { data: { ...(row.data as Record<string, unknown>), ...input.data } as Prisma.InputJsonValue },
        });
        await reportCaseDataEvents(tx, { caseId: input.caseId, ...row }, input.data);
      });
    },

    /** Records which clauses decided a step and the values compared. */
    async recordRuleDecisions(input: RuleDecisionInput): Promise<void> {
      // A retried activity writes nothing twice: the decisions of one task are recorded once.
      if (
        input.taskId &&
        (await db.ruleDecision.count({
          where: { caseId: input.caseId, taskId: input.taskId, ruleId: { in: input.decisions.map((d) => d.ruleId) } },
        })) > 0
      )
        return;
      await writeRuleDecisions(db, {
        caseId: input.caseId,
        taskId: input.taskId,
        rules: input.decisions.map(({ ruleId, ...d }) => ({ ...d, id: ruleId })),
      });
    },
  };
}

/**
 * Events for other systems at a case's close (runtime/webhook-events.ts): case.closed, and case.decided for a
 * procedure whose closing is its decision (a COMPLETED or REJECTED case that reported no decision before).
 */
async function reportClosing(tx: DbTx, input: CloseCaseInput): Promise<void> {
  const row = await closingFacts(tx, input.caseId, ['case.decided', 'case.closed']);
  if (row.subscriptions.length === 0) return; // nobody subscribes: nothing to write, and no more to read
  const wanting = (type: string) => row.subscriptions.filter((s) => s.types.includes(type));
  const about = { organizationId: row.organizationId, caseId: input.caseId, caseNumber: row.number };
  if (input.status !== 'WITHDRAWN' && wanting('case.decided').length > 0 && !(await caseDecisionReported(tx, input.caseId)))
    await enqueueWebhookEvent(tx, {
      type: 'case.decided',
      ...about,
      data: { procedure: row.procedure, status: input.status },
      dedupeKey: `case.decided:${input.caseId}`,
      subscriptions: wanting('case.decided'),
    });
  await enqueueWebhookEvent(tx, {
    type: 'case.closed',
    ...about,
    data: { procedure: row.procedure, status: input.status },
    dedupeKey: `case.closed:${input.caseId}`,
    subscriptions: wanting('case.closed'),
  });
}

/**
 * 村改居: the county's decision stored on the case is the case's decision. Its 批复 is reported as issued by the
 * transaction that numbers and signs it (runtime/official-documents/issue.ts).
 */
async function reportCaseDataEvents(
  tx: DbTx,
  row: { caseId: string; data: unknown; procedure: string; number: string; organizationId: string },
  merged: Record<string, unknown>,
): Promise<void> {
  const decision = merged.decision as { decision?: string } | undefined;
  if (row.procedure !== 'village-conversion' || !decision?.decision) return;
  if ((row.data as { decision?: unknown } | null)?.decision) return;
  const about = { organizationId: row.organizationId, caseId: row.caseId, caseNumber: row.number };
  await enqueueWebhookEvent(tx, {
    type: 'case.decided',
    ...about,
    data: { procedure: row.procedure, decision: decision.decision },
    dedupeKey: `case.decided:${row.caseId}`,
  });
}
