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

/** Waits until the workflow is settled (its first tasks written); used together with the workflow's start. */
export const settledUpdate = defineUpdate<{ caseStatus: 'open' | 'closed' }>('settled');

export interface OpenTaskView {
  taskId: string;
  kind: string;
  formId: string;
  state: 'opening' | 'open' | 'completing';
}

export const openTasksQuery = defineQuery<OpenTaskView[]>('openTasks');
