import type { Db } from '../runtime/db';
import { appendAudit } from '../runtime/audit';
import type { Actor } from '../workflows/lib/messages';
import type { RoleName } from '../domain/roles';
import { type Prisma } from '../prisma/generated/client';

export interface OpenTaskInput {
  taskId: string;
  caseId: string;
  kind: string;
  formId: string;
  candidateOrgId: string;
  candidateRole: RoleName;
  dueAt?: string;
  context: Record<string, unknown>;
}

export interface RecordTaskCompletionInput {
  taskId: string;
  actor: Actor;
  result: unknown;
  requestId?: string;
}

export function createTaskActivities({ db }: { db: Db }) {
  return {
    /** Writes the Task row a workflow opened. The id comes from the workflow, so a retry writes nothing new. */
    async openTask(input: OpenTaskInput): Promise<void> {
      await db.$transaction(async (tx) => {
        const existing = await tx.task.findUnique({ where: { id: input.taskId }, select: { id: true } });
        if (existing) return;
        await tx.task.create({
          data: {
            id: input.taskId,
            caseId: input.caseId,
            kind: input.kind,
            formId: input.formId,
            candidateOrgId: input.candidateOrgId,
            candidateRole: input.candidateRole,
            dueAt: input.dueAt ? new Date(input.dueAt) : null,
            context: input.context as Prisma.InputJsonValue,
          },
        });
        await appendAudit(tx, {
          action: 'task.opened',
          targetType: 'task',
          targetId: input.taskId,
          caseId: input.caseId,
          actingOrgId: input.candidateOrgId,
          outcome: 'success',
          data: { kind: input.kind, candidateRole: input.candidateRole, dueAt: input.dueAt ?? null },
        });
      });
    },

    /** Records an accepted completion; idempotent (an already completed row is left as it is). */
    async recordTaskCompletion(input: RecordTaskCompletionInput): Promise<void> {
      await db.$transaction(async (tx) => {
        const updated = await tx.task.updateMany({
          where: { id: input.taskId, status: 'OPEN' },
          data: {
            status: 'COMPLETED',
            result: input.result as Prisma.InputJsonValue,
            completedById: input.actor.userId,
            completedAt: new Date(),
          },
        });
        if (updated.count === 0) return;
        const task = await tx.task.findUniqueOrThrow({ where: { id: input.taskId }, select: { caseId: true, kind: true } });
        await appendAudit(tx, {
          action: 'task.completed',
          targetType: 'task',
          targetId: input.taskId,
          caseId: task.caseId,
          actorId: input.actor.userId,
          actingOrgId: input.actor.organizationId,
          outcome: 'success',
          requestId: input.requestId,
          data: { kind: task.kind, result: input.result ?? null },
        });
      });
    },
  };
}
