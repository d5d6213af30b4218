import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import type { Db } from '../../../runtime/db';
import { launchWorkflow, type WorkflowStart } from '../../../runtime/pending-starts';
import { AppError } from '../../../domain/errors';
import type { RuleResult } from '../../../domain/rules/rule';
import {
  settledUpdate,
  TaskFailure,
  type TaskAlreadyCompletedDetails,
  type TaskPayloadInvalidDetails,
  type TaskRuleFailedDetails,
} from '../../../workflows/lib/messages';
import { ElectionFailure, type ElectionRuleFailedDetails } from '../../../workflows/election/messages';
import { ConversionFailure } from '../../../workflows/village-conversion/messages';
import { withinAnswerDeadline } from '../answer-deadline';

/**
 * The API's one door to Temporal. Every call waits at most the answer deadline (./answer-deadline.ts: past it the
 * Temporal error is transient, so the request answers 503 with Retry-After and a repeat finds the outcome), and a
 * workflow's "no" (an Update's validator or handler refusing, or a workflow that is gone) becomes the AppError of
 * the one table below. Anything else (Temporal not answering) passes through unchanged.
 */

/** A workflow's refusal as the API answers it; `refusal` is the failure type (or 'workflow-not-found'). */
export class WorkflowRefusal extends AppError {
  constructor(
    readonly refusal: string,
    error: AppError,
  ) {
    super(error.code, { fields: error.fields, details: error.details, message: error.localized });
  }
}

/** The refusal of a call to a workflow that does not exist (or has closed). */
export const WORKFLOW_NOT_FOUND = 'workflow-not-found';
const NOT_OPEN_NOW = () => new AppError('TASK_NOT_OPEN');

const detail = <T>(failure?: ApplicationFailure): T | undefined => failure?.details?.[0] as T | undefined;
const rules = (failure?: ApplicationFailure): RuleResult[] =>
  detail<TaskRuleFailedDetails | ElectionRuleFailedDetails>(failure)?.rules ?? [];

/** Workflow refusal → AppError: the one table. A refusal not listed here means the step is not open now. */
const REFUSALS: Record<string, (failure?: ApplicationFailure) => AppError> = {
  [TaskFailure.INVALID_PAYLOAD]: (f) =>
    new AppError('VALIDATION_FAILED', { fields: detail<TaskPayloadInvalidDetails>(f)?.fields ?? [] }),
  [TaskFailure.ALREADY_COMPLETED]: (f) => {
    const name = detail<TaskAlreadyCompletedDetails>(f)?.completedBy.displayName ?? '—';
    return new AppError('TASK_ALREADY_COMPLETED', {
      details: { completedBy: name, completedAt: null },
      message: { 'zh-CN': `该任务已由 ${name} 办结。`, en: `This task was already completed by ${name}.` },
    });
  },
  [TaskFailure.RULE_FAILED]: (f) => new AppError('RULE_FAILED', { details: { rules: rules(f) } }),
  [TaskFailure.NOT_OPEN]: NOT_OPEN_NOW,
  [TaskFailure.RETURN_NOT_ALLOWED]: () => new AppError('RETURN_NOT_ALLOWED'),
  [TaskFailure.TAKE_BACK_NOT_ALLOWED]: () => new AppError('TAKE_BACK_NOT_ALLOWED'),
  [TaskFailure.TAKE_BACK_NOT_YOURS]: () => new AppError('TAKE_BACK_NOT_YOURS'),
  [TaskFailure.NOT_FOUND]: NOT_OPEN_NOW,
  [ElectionFailure.RULE_FAILED]: (f) => new AppError('RULE_FAILED', { details: { rules: rules(f) } }),
  [ElectionFailure.WRONG_PHASE]: (f) =>
    new AppError('CONFLICT', {
      message: { 'zh-CN': '选举当前所处阶段不允许此操作。', en: 'The election is not at a step that allows this.' },
      details: { reason: f?.message },
    }),
  [ConversionFailure.WITHDRAW_NOT_ALLOWED]: () =>
    new AppError('TASK_NOT_OPEN', {
      message: {
        'zh-CN': '乡镇（街道）已提出申请，不能再撤回。',
        en: 'The township has already proposed the conversion; it can no longer be withdrawn.',
      },
    }),
  // An Update or start sent to a procedure whose workflow has already closed: it no longer takes actions.
  [WORKFLOW_NOT_FOUND]: NOT_OPEN_NOW,
};

const answerTo = (type: string, failure?: ApplicationFailure): AppError => (REFUSALS[type] ?? NOT_OPEN_NOW)(failure);

/** The AppError a workflow's refusal stands for, or undefined when the error is not a refusal. */
export function refusalOf(error: unknown): WorkflowRefusal | undefined {
  if (error instanceof WorkflowRefusal) return error;
  if (error instanceof WorkflowNotFoundError) return new WorkflowRefusal(WORKFLOW_NOT_FOUND, answerTo(WORKFLOW_NOT_FOUND));
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const failure = error.cause instanceof ApplicationFailure ? error.cause : undefined;
  const type = failure?.type ?? 'unknown';
  return new WorkflowRefusal(type, answerTo(type, failure));
}

/** Runs `call` within the answer deadline; a refusal is thrown as its AppError. */
async function throughTheDoor<T>(temporal: Client, call: () => Promise<T>): Promise<T> {
  try {
    return await withinAnswerDeadline(temporal, call);
  } catch (error) {
    throw refusalOf(error) ?? error;
  }
}

/** Starts (or joins) a workflow from its outbox row (runtime/pending-starts.ts) and drops the row once started. */
export function startWorkflow(options: { db: Db; temporal: Client; start: WorkflowStart }): Promise<void> {
  return throughTheDoor(options.temporal, () => launchWorkflow(options.db, options.temporal, options.start));
}

/** Sends an Update and waits for its outcome (the workflow's answer after it settled). */
export function updateWorkflow<Ret, Args extends unknown[]>(options: {
  temporal: Client;
  workflowId: string;
  update: UpdateDefinition<Ret, Args>;
  /** The Update's arguments. */
  args?: Args;
  /** A fixed id makes a repeat (retry, double click) the same Update: it takes effect once. */
  updateId?: string;
}): Promise<Ret> {
  const { temporal } = options;
  // The handle's overloads tell Updates with and without arguments apart; `Args` covers both.
  type AnyArgs = [unknown, ...unknown[]];
  const update = options.update as unknown as UpdateDefinition<Ret, AnyArgs>;
  const args = (options.args ?? []) as unknown as AnyArgs;
  return throughTheDoor(temporal, () =>
    temporal.workflow.getHandle(options.workflowId).executeUpdate(update, { args, updateId: options.updateId }),
  );
}

/** Waits until the workflow has settled: what its last step wrote is in PostgreSQL. */
export async function workflowSettled(options: { temporal: Client; workflowId: string }): Promise<void> {
  await updateWorkflow({ ...options, update: settledUpdate });
}

/** Waits for the workflow to close and returns its result. */
export function workflowResult(options: { temporal: Client; workflowId: string }): Promise<unknown> {
  const { temporal } = options;
  return throughTheDoor(temporal, () => temporal.workflow.getHandle(options.workflowId).result());
}
