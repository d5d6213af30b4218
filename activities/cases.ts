import type { Db } from '../runtime/db';
import { appendAudit } from '../runtime/audit';
import { type Prisma } from '../prisma/generated/client';

export interface CloseCaseInput {
  caseId: string;
  status: 'COMPLETED' | 'REJECTED' | 'WITHDRAWN';
  outcome: Record<string, unknown>;
}

export interface RuleDecisionInput {
  caseId: string;
  taskId?: string;
  decisions: { ruleId: string; passed: boolean; citation: string; detail?: string; values: Record<string, unknown> }[];
}

export function createCaseActivities({ db }: { db: Db }) {
  return {
    /** Closes a case with its final status; idempotent. */
    async closeCase(input: CloseCaseInput): Promise<void> {
      await db.$transaction(async (tx) => {
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
      });
    },

    /** Records which clauses decided a step and the values compared. */
    async recordRuleDecisions(input: RuleDecisionInput): Promise<void> {
      await db.ruleDecision.createMany({
        data: input.decisions.map((d) => ({
          caseId: input.caseId,
          taskId: input.taskId,
          ruleId: d.ruleId,
          passed: d.passed,
          citation: d.citation,
          detail: d.detail,
          values: d.values as Prisma.InputJsonValue,
        })),
      });
    },
  };
}
