import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler, uuid4 } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { FORMS, type FormId, type FormPayload } from '../../domain/forms';
import type { RoleName } from '../../domain/roles';
import { fieldErrorsFromZod } from '../../domain/validation';
import {
  completeTaskUpdate,
  openTasksQuery,
  settledUpdate,
  TaskFailure,
  type Actor,
  type CompleteTaskRequest,
  type OpenTaskView,
} from './messages';
import { enterWait, isSettled, trackedActivities } from './tracking';

const activities = trackedActivities(
  proxyActivities<Activities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 },
  }),
);

interface TaskState {
  id: string;
  kind: string;
  formId: FormId;
  state: 'opening' | 'open' | 'completing' | 'completed';
  completedBy?: Actor;
  payload?: unknown;
  /** Set when the waiting workflow code has taken the outcome; the Update then waits for the workflow to settle. */
  taken: boolean;
}

const tasks = new Map<string, TaskState>();
let installed = false;
let finished = false;

function validatePayload(formId: FormId, payload: unknown): unknown {
  const parsed = FORMS[formId].safeParse(payload, { reportInput: true });
  if (!parsed.success) {
    throw ApplicationFailure.create({
      type: TaskFailure.INVALID_PAYLOAD,
      message: `Payload does not match form ${formId}`,
      nonRetryable: true,
      details: [{ fields: fieldErrorsFromZod(parsed.error.issues) }],
    });
  }
  return parsed.data;
}

function checkCompletable(request: CompleteTaskRequest): TaskState {
  const task = tasks.get(request.taskId);
  if (!task) {
    throw ApplicationFailure.create({ type: TaskFailure.NOT_FOUND, message: `No open task ${request.taskId}`, nonRetryable: true });
  }
  if (task.state === 'completing' || task.state === 'completed') {
    throw ApplicationFailure.create({
      type: TaskFailure.ALREADY_COMPLETED,
      message: `Task ${task.id} was already completed`,
      nonRetryable: true,
      details: [{ completedBy: task.completedBy }],
    });
  }
  if (task.state !== 'open') {
    throw ApplicationFailure.create({ type: TaskFailure.NOT_OPEN, message: `Task ${task.id} is ${task.state}`, nonRetryable: true });
  }
  validatePayload(task.formId, request.payload);
  return task;
}

/** Registers the task Update, the settled Update and the open-tasks Query. Every procedure calls this first. */
export function installTaskHandlers(): void {
  if (installed) return;
  installed = true;
  setHandler(
    completeTaskUpdate,
    async (request) => {
      const task = checkCompletable(request);
      task.state = 'completing';
      task.completedBy = request.actor;
      const payload = validatePayload(task.formId, request.payload);
      await activities.recordTaskCompletion({
        taskId: task.id,
        actor: request.actor,
        result: payload,
        requestId: request.requestId,
      });
      task.payload = payload;
      task.state = 'completed';
      await condition(() => finished || (task.taken && isSettled()));
      return { taskId: task.id, caseStatus: finished ? 'closed' : 'open' };
    },
    { validator: (request: CompleteTaskRequest) => void checkCompletable(request) },
  );
  setHandler(settledUpdate, async () => {
    await condition(() => finished || isSettled());
    return { caseStatus: finished ? ('closed' as const) : ('open' as const) };
  });
  setHandler(openTasksQuery, (): OpenTaskView[] =>
    [...tasks.values()]
      .filter((t): t is TaskState & { state: OpenTaskView['state'] } => t.state !== 'completed')
      .map((t) => ({ taskId: t.id, kind: t.kind, formId: t.formId, state: t.state })),
  );
}

export interface HumanTaskSpec<F extends FormId> {
  caseId: string;
  kind: string;
  formId: F;
  candidateOrgId: string;
  candidateRole: RoleName;
  /** ISO instant. */
  dueAt?: string;
  context?: Record<string, unknown>;
}

export interface HumanTaskOutcome<F extends FormId> {
  taskId: string;
  actor: Actor;
  payload: FormPayload<F>;
}

/**
 * Opens a human task (an activity writes its Task row) and waits until an official completes it through the
 * `completeTask` Update. Returns the validated form payload and who acted.
 */
export async function humanTask<F extends FormId>(spec: HumanTaskSpec<F>): Promise<HumanTaskOutcome<F>> {
  installTaskHandlers();
  const task: TaskState = { id: uuid4(), kind: spec.kind, formId: spec.formId, state: 'opening', taken: false };
  tasks.set(task.id, task);
  await activities.openTask({
    taskId: task.id,
    caseId: spec.caseId,
    kind: spec.kind,
    formId: spec.formId,
    candidateOrgId: spec.candidateOrgId,
    candidateRole: spec.candidateRole,
    dueAt: spec.dueAt,
    context: spec.context ?? {},
  });
  task.state = 'open';
  enterWait();
  await condition(() => task.state === 'completed');
  task.taken = true;
  return { taskId: task.id, actor: task.completedBy as Actor, payload: task.payload as FormPayload<F> };
}

/**
 * Waits for a condition (with an optional timeout, e.g. a statutory period) as a settled point: Updates waiting for
 * the workflow to settle answer while it waits here. Returns false on timeout.
 */
export async function waitFor(predicate: () => boolean, timeout?: string | number): Promise<boolean> {
  enterWait();
  if (timeout === undefined) {
    await condition(predicate);
    return true;
  }
  return condition(predicate, timeout);
}

/** Ends the procedure: lets running Update handlers answer their callers before the workflow completes. */
export async function finishProcedure(): Promise<void> {
  finished = true;
  enterWait();
  await condition(allHandlersFinished);
}

export { activities as procedureActivities };
