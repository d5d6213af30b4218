import type { DbClient } from '../runtime/db';
import { appendAudit, inTransaction } from '../runtime/audit';
import { notify } from '../runtime/notifications';
import { type Prisma, type Role } from '../prisma/generated/client';
import { recordedUnder } from '../domain/rules/rule-sets';

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
  /** `detail` in both languages (stored as JSON) or one readable string. */
  decisions: {
    ruleId: string;
    passed: boolean;
    citation: string;
    detail?: string | { 'zh-CN': string; en: string };
    values: Record<string, unknown>;
    undetermined?: boolean;
  }[];
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
        const row = await tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { data: true } });
        await tx.case.update({
          where: { id: input.caseId },
          data: { data: { ...(row.data as Record<string, unknown>), ...input.data } as Prisma.InputJsonValue },
        });
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
      // Each decision names the rule set of its case (the one in force when the procedure started) and cites under it.
      const { ruleSetVersion } = await db.case.findUniqueOrThrow({
        where: { id: input.caseId },
        select: { ruleSetVersion: true },
      });
      await db.ruleDecision.createMany({
        data: input.decisions.map(recordedUnder(ruleSetVersion)).map((d) => ({
          caseId: input.caseId,
          taskId: input.taskId,
          ruleId: d.ruleId,
          passed: d.passed,
          citation: d.citation,
          detail: typeof d.detail === 'object' ? JSON.stringify(d.detail) : d.detail,
          values: d.values as Prisma.InputJsonValue,
          ruleSet: d.ruleSet,
          undetermined: d.undetermined ?? false,
        })),
      });
    },
  };
}
