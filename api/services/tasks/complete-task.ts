import type { Client } from '@temporalio/client';
import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { AppError, type FieldError } from '../../../domain/errors';
import { FORMS, isFormId } from '../../../domain/forms';
import { fieldErrorsFromZod } from '../../../domain/validation';
import { completeTaskUpdate, type CompleteTaskResponse } from '../../../workflows/lib/messages';
import type { RuleResult } from '../../../domain/rules/rule';
import { actorOf, type Caller } from '../../plugins/app/auth';
import { findTaskToWorkOn } from './find-task';
import { taskCompletionSeconds, workflowFailures } from '../../plugins/app/metrics';
import { updateWorkflow, WORKFLOW_NOT_FOUND, WorkflowRefusal } from '../temporal/workflow-door';
import { payloadProblemsAgainstRecord } from './case-checks';
import { auditOnBehalf } from '../oa/delegations';

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

/**
 * Completes a human task through the workflow's Update. Returns only after the workflow accepted the completion and
 * settled, so the next task is already in PostgreSQL. A refusal (invalid payload, already completed) changes nothing
 * and is audited with its reason.
 */
export async function completeTask(options: CompleteTaskOptions): Promise<CompleteTaskResponse> {
  const { db, temporal, caller } = options;
  const task = await findTaskToWorkOn({ db, caller, taskId: options.taskId });
  // Acting on a task a colleague holds under their period delegation: audited as on their behalf.
  await auditOnBehalf({ db, caller, task, operation: 'complete', requestId: options.requestId });
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
    // The form's schema is parsed once, here; the record checks take what it parsed. (The workflow's Update validator
    // reads the payload again, as the authority in its own process: workflows/lib/human-task.ts.)
    const checked = await payloadProblemsAgainstRecord({ db, formId: task.formId, caseId: task.caseId, payload: parsed.data });
    if (checked instanceof AppError) return refuse(`conflict:${checked.code}`, checked);
    if (checked.length > 0) {
      return refuse(
        `invalid-payload:${checked.map((p) => p.code).join(',')}`,
        new AppError('VALIDATION_FAILED', { fields: checked.map(prefixPayload) }),
      );
    }
  }
  const timer = taskCompletionSeconds.startTimer();
  const send = (attempt: number) =>
    updateWorkflow({
      temporal,
      // The workflow that opened the task (older rows: the case's).
      workflowId: task.workflowId ?? task.case.workflowId,
      update: completeTaskUpdate,
      args: [
        {
          taskId: task.id,
          actor: actorOf(caller),
          payload: options.payload,
          requestId: options.requestId,
        },
      ],
      // The same user repeating the same completion (retry, double click) is one Update: it takes effect once.
      updateId: `complete-${task.id}-${caller.userId}${attempt > 0 ? `-${attempt}` : ''}`,
    });
  try {
    let result: CompleteTaskResponse;
    try {
      result = await send(0);
    } catch (error) {
      // A completion the workflow's handler refused (a check against the record, `confirm` in human-task.ts) is kept by
      // Temporal under its Update id and would answer every repeat alike. Each refusal this user was given (audited
      // below) starts a new attempt with an id of its own; a repeat of the attempt that succeeded keeps its id.
      const refused =
        error instanceof WorkflowRefusal && error.refusal !== WORKFLOW_NOT_FOUND ? await refusals(db, task.id, caller) : 0;
      if (refused === 0) throw error;
      result = await send(refused);
    }
    timer({ outcome: 'completed' });
    return result;
  } catch (error) {
    timer({ outcome: 'refused' });
    if (!(error instanceof WorkflowRefusal)) {
      workflowFailures.inc({ operation: 'complete' });
      throw error;
    }
    // The workflow closed while this Update waited (another completion ended the procedure): the record decides.
    if (error.refusal === WORKFLOW_NOT_FOUND) {
      const now = await db.task.findUnique({ where: { id: task.id }, select: { status: true } });
      if (now?.status === 'COMPLETED') return refuse('already-completed', await alreadyCompleted(db, task.id));
      return refuse('not-open', error);
    }
    if (error.code === 'VALIDATION_FAILED') {
      return refuse('invalid-payload', new AppError('VALIDATION_FAILED', { fields: (error.fields ?? []).map(prefixPayload) }));
    }
    if (error.code === 'TASK_ALREADY_COMPLETED') {
      return refuse('already-completed', await alreadyCompleted(db, task.id, error.details?.completedBy as string));
    }
    if (error.code === 'RULE_FAILED') {
      const rules = (error.details?.rules ?? []) as RuleResult[];
      return refuse(`rules:${rules.map((r) => r.id).join(',')}`, error);
    }
    return refuse('not-open', error);
  }
}

/** How many completions of this task this user was refused (their audit rows). */
function refusals(db: Db, taskId: string, caller: Caller): Promise<number> {
  return db.auditEvent.count({
    where: { targetType: 'task', targetId: taskId, action: 'task.complete', outcome: 'refused', actorId: caller.userId },
  });
}

function prefixPayload(field: FieldError): FieldError {
  return { ...field, path: field.path ? `payload.${field.path}` : 'payload' };
}
