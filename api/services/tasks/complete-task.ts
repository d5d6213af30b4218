import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { AppError, type FieldError } from '../../../domain/errors';
import { FORMS, isFormId } from '../../../domain/forms';
import { fieldErrorsFromZod } from '../../../domain/validation';
import {
  completeTaskUpdate,
  TaskFailure,
  type CompleteTaskResponse,
  type TaskAlreadyCompletedDetails,
  type TaskPayloadInvalidDetails,
  type TaskRuleFailedDetails,
} from '../../../workflows/lib/messages';
import type { RuleResult } from '../../../domain/rules/rule';
import type { Caller } from '../../plugins/app/auth';
import { findTaskToWorkOn } from './find-task';
import { taskCompletionSeconds, workflowFailures } from '../../plugins/app/metrics';
import { withinAnswerDeadline } from '../answer-deadline';
import { payloadProblemsAgainstRecord } from './case-checks';

export interface CompleteTaskOptions {
  db: Db;
  temporal: Client;
  caller: Caller;
  taskId: string;
  payload: unknown;
  requestId: string;
}

async function alreadyCompleted(db: Db, taskId: string, fallbackName?: string): Promise<AppError> {
  const task = await db.task.findUnique({ where: { id: taskId }, select: { completedById: true, completedAt: true } });
  const user = task?.completedById
    ? await db.user.findUnique({ where: { id: task.completedById }, select: { displayName: true } })
    : null;
  const name = user?.displayName ?? fallbackName ?? '—';
  return new AppError('TASK_ALREADY_COMPLETED', {
    details: { completedBy: name, completedAt: task?.completedAt?.toISOString() ?? null },
    message: { 'zh-CN': `该任务已由 ${name} 办结。`, en: `This task was already completed by ${name}.` },
  });
}

function mapUpdateFailure(error: WorkflowUpdateFailedError): {
  code: 'validation' | 'completed' | 'not-open' | 'rules';
  fields?: FieldError[];
  by?: string;
  rules?: RuleResult[];
} {
  const cause = error.cause;
  if (cause instanceof ApplicationFailure) {
    if (cause.type === TaskFailure.RULE_FAILED) {
      return { code: 'rules', rules: (cause.details?.[0] as TaskRuleFailedDetails | undefined)?.rules };
    }
    if (cause.type === TaskFailure.INVALID_PAYLOAD) {
      return { code: 'validation', fields: (cause.details?.[0] as TaskPayloadInvalidDetails | undefined)?.fields };
    }
    if (cause.type === TaskFailure.ALREADY_COMPLETED) {
      return { code: 'completed', by: (cause.details?.[0] as TaskAlreadyCompletedDetails | undefined)?.completedBy.displayName };
    }
  }
  return { code: 'not-open' };
}

/**
 * Completes a human task through the workflow's Update. Returns only after the workflow accepted the completion and
 * settled, so the next task is already in PostgreSQL. A refusal (invalid payload, already completed) changes nothing
 * and is audited with its reason.
 */
export async function completeTask(options: CompleteTaskOptions): Promise<CompleteTaskResponse> {
  const { db, temporal, caller } = options;
  const task = await findTaskToWorkOn(db, caller, options.taskId);
  const refuse = async (reason: string, error: AppError): Promise<never> => {
    await db.$transaction((tx) =>
      appendAudit(tx, {
        action: 'task.complete',
        targetType: 'task',
        targetId: task.id,
        caseId: task.caseId,
        actorId: caller.userId,
        actingOrgId: caller.membership?.organizationId,
        outcome: 'refused',
        reason,
        requestId: options.requestId,
        data: error.fields ? { fields: error.fields.map((f) => f.path) } : {},
      }),
    );
    throw error;
  };
  if (task.status === 'COMPLETED') return refuse('already-completed', await alreadyCompleted(db, task.id));
  if (task.status !== 'OPEN') return refuse('not-open', new AppError('TASK_NOT_OPEN'));
  if (isFormId(task.formId)) {
    const parsed = FORMS[task.formId].safeParse(options.payload, { reportInput: true });
    if (!parsed.success) {
      return refuse(
        'invalid-payload',
        new AppError('VALIDATION_FAILED', { fields: fieldErrorsFromZod(parsed.error.issues).map(prefixPayload) }),
      );
    }
    const checked = await payloadProblemsAgainstRecord(db, task.formId, task.caseId, options.payload);
    if (checked instanceof AppError) return refuse(`conflict:${checked.code}`, checked);
    if (checked.length > 0) {
      return refuse(
        `invalid-payload:${checked.map((p) => p.code).join(',')}`,
        new AppError('VALIDATION_FAILED', { fields: checked.map(prefixPayload) }),
      );
    }
  }
  const handle = temporal.workflow.getHandle(task.case.workflowId);
  const timer = taskCompletionSeconds.startTimer();
  try {
    const result = await withinAnswerDeadline(temporal, () =>
      handle.executeUpdate(completeTaskUpdate, {
        args: [
          {
            taskId: task.id,
            actor: {
              userId: caller.userId,
              organizationId: caller.membership?.organizationId ?? '',
              displayName: caller.displayName,
            },
            payload: options.payload,
            requestId: options.requestId,
          },
        ],
        // The same user repeating the same completion (retry, double click) is one Update: it takes effect once.
        updateId: `complete-${task.id}-${caller.userId}`,
      }),
    );
    timer({ outcome: 'completed' });
    return result;
  } catch (error) {
    timer({ outcome: 'refused' });
    // The workflow closed while this Update waited (another completion ended the procedure): the record decides.
    if (error instanceof WorkflowNotFoundError) {
      const now = await db.task.findUnique({ where: { id: task.id }, select: { status: true } });
      if (now?.status === 'COMPLETED') return refuse('already-completed', await alreadyCompleted(db, task.id));
      return refuse('not-open', new AppError('TASK_NOT_OPEN'));
    }
    if (!(error instanceof WorkflowUpdateFailedError)) {
      workflowFailures.inc({ operation: 'complete' });
      throw error;
    }
    const failure = mapUpdateFailure(error);
    if (failure.code === 'validation') {
      return refuse('invalid-payload', new AppError('VALIDATION_FAILED', { fields: (failure.fields ?? []).map(prefixPayload) }));
    }
    if (failure.code === 'completed') return refuse('already-completed', await alreadyCompleted(db, task.id, failure.by));
    if (failure.code === 'rules') {
      return refuse(
        `rules:${(failure.rules ?? []).map((r) => r.id).join(',')}`,
        new AppError('RULE_FAILED', { details: { rules: failure.rules ?? [] } }),
      );
    }
    return refuse('not-open', new AppError('TASK_NOT_OPEN'));
  }
}

function prefixPayload(field: FieldError): FieldError {
  return { ...field, path: field.path ? `payload.${field.path}` : 'payload' };
}
