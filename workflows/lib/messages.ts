import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/actor';
import type { FieldError } from '../../domain/errors';
import type { RuleResult } from '../../domain/rules/rule';

export type { Actor } from '../../domain/actor';

export interface CompleteTaskRequest {
  taskId: string;
  actor: Actor;
  payload: unknown;
  requestId?: string;
}

export interface CompleteTaskResponse {
  taskId: string;
  /** The workflow's case status once it settled after this completion. */
  caseStatus: 'open' | 'closed';
}

/** Failure types the task Update's validator and handler raise; the API maps them to error codes. */
export const TaskFailure = {
  NOT_FOUND: 'TaskNotFound',
  ALREADY_COMPLETED: 'TaskAlreadyCompleted',
  NOT_OPEN: 'TaskNotOpen',
  INVALID_PAYLOAD: 'TaskPayloadInvalid',
  RULE_FAILED: 'TaskRuleFailed',
  /** 退回 to a step the procedure does not allow from this one (or without a reason). */
  RETURN_NOT_ALLOWED: 'TaskReturnNotAllowed',
  /** 取回 when there is nothing to take back: the next step has acted (claimed, completing, done) or moved on. */
  TAKE_BACK_NOT_ALLOWED: 'TaskTakeBackNotAllowed',
  /** 取回 by someone other than the official who completed the step. */
  TAKE_BACK_NOT_YOURS: 'TaskTakeBackNotYours',
} as const;

export interface TaskRuleFailedDetails {
  rules: RuleResult[];
}

export interface TaskAlreadyCompletedDetails {
  completedBy: Actor;
}
export interface TaskPayloadInvalidDetails {
  fields: FieldError[];
}

/** Completes a human task; returns once the workflow has recorded it and reached its next waiting point. */
export const completeTaskUpdate = defineUpdate<CompleteTaskResponse, [CompleteTaskRequest]>('completeTask');

/** 退回: the holder of an open task sends the file back to an earlier step the procedure allows, with a reason. */
export interface SendBackRequest {
  /** The open task. */
  taskId: string;
  actor: Actor;
  /** The step (task kind) to return to. */
  toStep: string;
  reason: string;
  requestId?: string;
}

/** 取回: the official who completed a step takes the completion back while the next step's task is untouched. */
export interface TakeBackRequest {
  /** The completed task to take back. */
  taskId: string;
  actor: Actor;
  requestId?: string;
}

/** Sends the file back; returns once the target step's task is open again (in PostgreSQL). */
export const sendBackTaskUpdate = defineUpdate<CompleteTaskResponse, [SendBackRequest]>('sendBackTask');

/** Takes a completion back; returns once the step's task is open again for its author (in PostgreSQL). */
export const takeBackTaskUpdate = defineUpdate<CompleteTaskResponse, [TakeBackRequest]>('takeBackTask');

/** Waits until the workflow is settled (its first tasks written); used together with the workflow's start. */
export const settledUpdate = defineUpdate<{ caseStatus: 'open' | 'closed' }>('settled');

export interface OpenTaskView {
  taskId: string;
  kind: string;
  formId: string;
  state: 'opening' | 'open' | 'completing';
}

export const openTasksQuery = defineQuery<OpenTaskView[]>('openTasks');
