import type { DbClient } from '../runtime/db';
import { appendAudit, inTransaction } from '../runtime/audit';
import { notify } from '../runtime/notifications';
import { enqueueWebhookEvent } from '../runtime/webhook-events';
import type { Actor } from '../domain/actor';
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
  remindAt?: string;
  calendarWarning?: string;
  context: Record<string, unknown>;
  /** The workflow that opened the task and takes its completion. */
  workflowId?: string;
  /** The official the task opens for (a step taken back reopens for its author); otherwise it is offered to the role. */
  assigneeId?: string;
}

export interface RecordTaskReturnedInput {
  taskId: string;
  actor: Actor;
  /** The step (task kind) the file goes back to. */
  toStep: string;
  reason: string;
  requestId?: string;
}

export interface ReleaseTaskForTakeBackInput {
  /** The next step's open task, withdrawn. */
  taskId: string;
  /** The completed task its author takes back. */
  takenBackTaskId: string;
  actor: Actor;
  requestId?: string;
}

export interface MarkTaskClockInput {
  taskId: string;
  stage: 'reminder' | 'due' | 'escalated';
  escalateToOrgId?: string;
}

export interface RecordTaskCompletionInput {
  taskId: string;
  actor: Actor;
  result: unknown;
  requestId?: string;
}

/** Task writes. Given a transaction client (see `applyWrites`), each runs inside it instead of its own transaction. */
export function createTaskActivities({ db }: { db: DbClient }) {
  return {
    /** Writes the Task row a workflow opened. The id comes from the workflow, so a retry writes nothing new. */
    async openTask(input: OpenTaskInput): Promise<void> {
      await inTransaction(db, async (tx) => {
        const existing = await tx.task.findUnique({ where: { id: input.taskId }, select: { id: true } });
        if (existing) return;
        const [caseRow, org] = await Promise.all([
          tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { procedure: true, number: true, title: true } }),
          tx.organization.findUniqueOrThrow({ where: { id: input.candidateOrgId }, select: { path: true } }),
        ]);
        await tx.task.create({
          data: {
            id: input.taskId,
            caseId: input.caseId,
            procedure: caseRow.procedure,
            candidateOrgAncestors: org.path.split('/').filter(Boolean),
            remindAt: input.remindAt ? new Date(input.remindAt) : null,
            calendarWarning: input.calendarWarning,
            kind: input.kind,
            formId: input.formId,
            candidateOrgId: input.candidateOrgId,
            candidateRole: input.candidateRole,
            dueAt: input.dueAt ? new Date(input.dueAt) : null,
            context: input.context as Prisma.InputJsonValue,
            workflowId: input.workflowId,
            ...(input.assigneeId ? { assigneeId: input.assigneeId, claimedAt: new Date() } : {}),
          },
        });
        // The audit row last: its chain lock is then held only until the commit.
        await notify(tx, {
          kind: 'task.offered',
          ...(input.assigneeId
            ? { userId: input.assigneeId }
            : { organizationId: input.candidateOrgId, role: input.candidateRole }),
          caseId: input.caseId,
          taskId: input.taskId,
          params: { caseNumber: caseRow.number, caseTitle: caseRow.title, taskKind: input.kind, dueAt: input.dueAt ?? null },
          dedupeKey: `task.offered:${input.taskId}`,
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

    /** A step of the task's clock (reminder, due = yellow, escalated = red): task fields, audit, notification. */
    async markTaskClock(input: MarkTaskClockInput): Promise<void> {
      await inTransaction(db, async (tx) => {
        const task = await tx.task.findUniqueOrThrow({
          where: { id: input.taskId },
          include: { case: true, candidateOrg: true },
        });
        if (task.status !== 'OPEN') return;
        const escalateTo = input.escalateToOrgId ?? task.candidateOrg.parentId ?? task.candidateOrgId;
        if (input.stage === 'reminder' && task.remindedAt) return;
        if (input.stage === 'escalated' && task.escalatedAt) return;
        if (input.stage === 'reminder') await tx.task.update({ where: { id: task.id }, data: { remindedAt: new Date() } });
        if (input.stage === 'escalated')
          await tx.task.update({ where: { id: task.id }, data: { escalatedAt: new Date(), escalatedToOrgId: escalateTo } });
        const kind = input.stage === 'reminder' ? 'task.reminder' : input.stage === 'due' ? 'task.due' : 'task.escalated';
        if (input.stage !== 'reminder') {
          // Other systems hear of the yellow card (due) and of the red card (escalated), once each.
          const card = input.stage === 'due' ? 'yellow' : 'red';
          await enqueueWebhookEvent(tx, {
            type: 'task.overdue',
            organizationId: task.case.organizationId,
            caseId: task.caseId,
            caseNumber: task.case.number,
            data: {
              procedure: task.case.procedure,
              taskId: task.id,
              taskKind: task.kind,
              card,
              dueAt: task.dueAt?.toISOString() ?? null,
              candidateOrganization: task.candidateOrg.code,
              ...(card === 'red' ? { escalatedToOrganizationId: escalateTo } : {}),
            },
            dedupeKey: `task.overdue:${task.id}:${card}`,
          });
        }
        await appendAudit(tx, {
          action: kind,
          targetType: 'task',
          targetId: task.id,
          caseId: task.caseId,
          actingOrgId: task.candidateOrgId,
          outcome: 'success',
          data: { dueAt: task.dueAt?.toISOString() ?? null, ...(input.stage === 'escalated' ? { escalatedTo: escalateTo } : {}) },
        });
        const params = {
          caseNumber: task.case.number,
          caseTitle: task.case.title,
          taskKind: task.kind,
          dueAt: task.dueAt?.toISOString() ?? null,
        };
        const target = task.assigneeId
          ? { userId: task.assigneeId }
          : { organizationId: task.candidateOrgId, role: task.candidateRole };
        await notify(tx, { kind, ...target, caseId: task.caseId, taskId: task.id, params, dedupeKey: `${kind}:${task.id}` });
        if (input.stage === 'escalated') {
          await notify(tx, {
            kind,
            organizationId: escalateTo,
            caseId: task.caseId,
            taskId: task.id,
            params: { ...params, supervising: true },
            dedupeKey: `${kind}:${task.id}:supervisor`,
          });
        }
      });
    },

    /** Cancels an open task (the procedure moved on without it, e.g. a withdrawal); idempotent. */
    async cancelTask(input: { taskId: string; reason: string }): Promise<void> {
      await inTransaction(db, async (tx) => {
        const cancelled = await tx.task.updateMany({
          where: { id: input.taskId, status: 'OPEN' },
          data: { status: 'CANCELLED' },
        });
        if (cancelled.count === 0) return;
        const task = await tx.task.findUniqueOrThrow({ where: { id: input.taskId }, select: { caseId: true } });
        await appendAudit(tx, {
          action: 'task.cancelled',
          targetType: 'task',
          targetId: input.taskId,
          caseId: task.caseId,
          outcome: 'success',
          reason: input.reason,
        });
      });
    },

    /**
     * 退回: the task ends as a decision to send the file back (result {decision: 'return', returnTo, opinion}: the case
     * history and step states read it as the forms' returns), by its holder, audited with the reason; idempotent.
     */
    async recordTaskReturned(input: RecordTaskReturnedInput): Promise<void> {
      await inTransaction(db, async (tx) => {
        const result = { decision: 'return', returnTo: input.toStep, opinion: input.reason };
        const [task] = await tx.task.updateManyAndReturn({
          where: { id: input.taskId, status: 'OPEN' },
          data: { status: 'COMPLETED', result, completedById: input.actor.userId, completedAt: new Date() },
          select: { caseId: true, kind: true },
        });
        if (!task) return;
        await appendAudit(tx, {
          action: 'task.sent-back',
          targetType: 'task',
          targetId: input.taskId,
          caseId: task.caseId,
          actorId: input.actor.userId,
          actingOrgId: input.actor.organizationId,
          outcome: 'success',
          reason: input.reason,
          requestId: input.requestId,
          data: { kind: task.kind, to: input.toStep },
        });
      });
    },

    /**
     * 取回: withdraws the next step's task while nobody holds it (open, unclaimed), atomically against a claim; audited
     * as the take-back of the completed task. False when it is held or closed (nothing changes). Idempotent: a retry
     * after the withdrawal finds the row cancelled by this take-back and answers true.
     */
    async releaseTaskForTakeBack(input: ReleaseTaskForTakeBackInput): Promise<boolean> {
      return inTransaction(db, async (tx) => {
        const released = await tx.task.updateManyAndReturn({
          where: { id: input.taskId, status: 'OPEN', assigneeId: null },
          // The result says why (the step's state reads it: the step was never reached, not stopped).
          data: { status: 'CANCELLED', result: { withdrawnBy: 'take-back', takenBackTaskId: input.takenBackTaskId } },
          select: { caseId: true, kind: true },
        });
        const task = released[0];
        if (!task) {
          const done = await tx.auditEvent.count({
            where: {
              action: 'task.taken-back',
              targetId: input.takenBackTaskId,
              data: { path: ['withdrawn'], equals: input.taskId },
            },
          });
          return done > 0;
        }
        await appendAudit(tx, {
          action: 'task.taken-back',
          targetType: 'task',
          targetId: input.takenBackTaskId,
          caseId: task.caseId,
          actorId: input.actor.userId,
          actingOrgId: input.actor.organizationId,
          outcome: 'success',
          requestId: input.requestId,
          data: { withdrawn: input.taskId, withdrawnKind: task.kind },
        });
        return true;
      });
    },

    /** Records an accepted completion; idempotent (an already completed row is left as it is). */
    async recordTaskCompletion(input: RecordTaskCompletionInput): Promise<void> {
      await inTransaction(db, async (tx) => {
        const [task] = await tx.task.updateManyAndReturn({
          where: { id: input.taskId, status: 'OPEN' },
          data: {
            status: 'COMPLETED',
            result: input.result as Prisma.InputJsonValue,
            completedById: input.actor.userId,
            completedAt: new Date(),
          },
          select: { caseId: true, kind: true },
        });
        if (!task) return;
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
