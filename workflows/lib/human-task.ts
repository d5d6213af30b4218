import {
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { FormId, FormPayload } from '../../domain/forms';
// The form of a completion, its procedure's forms loaded on first use (not at every execution's start).
import { loadFormSchema } from '../../domain/forms/load';
import type { TaskDeclaration } from '../../domain/procedures';
import type { Procedure } from '../../domain/procedures/procedure';
import { returnDecision } from '../../domain/procedures/returns';
import type { RoleName } from '../../domain/roles';
import { fieldErrorsFromZod } from '../../domain/validation';
import type { RuleResult } from '../../domain/rules/rule';
import type { FieldError } from '../../domain/errors';
import {
  completeTaskUpdate,
  openTasksQuery,
  sendBackTaskUpdate,
  settledUpdate,
  takeBackTaskUpdate,
  TaskFailure,
  type Actor,
  type CompleteTaskRequest,
  type OpenTaskView,
  type SendBackRequest,
  type TakeBackRequest,
} from './messages';
import { currentShape } from './execution-shape';
import { enableWriteBatching, enterWait, flushWrites, idleWithPendingWrites, isSettled, trackedActivities } from './tracking';

// How a workflow calls its activities (PostgreSQL writes and reads; every one idempotent: ids chosen by the workflow,
// conditional updates). Executions started since the 'durable-activities' patch use regular activities: an activity
// is scheduled by the workflow task that decided it, so its effects exist only once that decision is in the history.
// Local activities (earlier executions, which must replay as they ran) run inside the workflow task, before it is
// recorded: when the task is lost with the worker, an Update it carried may never be redelivered (e.g. a Temporal
// restart drops Updates not yet accepted), leaving PostgreSQL ahead of the workflow. The chaos harness found that.
const retry = { initialInterval: '200 milliseconds', maximumInterval: '30 seconds', backoffCoefficient: 2 } as const;
const local = proxyLocalActivities<Activities>({ startToCloseTimeout: '30 seconds', localRetryThreshold: '10 seconds', retry });
// A worker killed mid-activity costs this long before the activity is retried elsewhere (writes take milliseconds).
const regular = proxyActivities<Activities>({ startToCloseTimeout: '15 seconds', retry });
/**
 * Reads that write nothing (the holiday calendar) run as local activities in executions of the current shape
 * (./execution-shape.ts): inside the workflow task that needs them, with their result recorded as a marker, instead
 * of a scheduled activity and one more workflow task. Safe because they change nothing: a lost task only reads again.
 */
const LOCAL_READS: ReadonlySet<string> = new Set<keyof Activities>(['resolveDeadline']);
const current = new Proxy({} as Activities, {
  get: (_target, name): unknown => Reflect.get(typeof name === 'string' && LOCAL_READS.has(name) ? local : regular, name),
});
/** The proxy this execution uses, chosen once by `installTaskHandlers` (before any activity runs). */
let chosen: Activities = local;
/** Every activity call of a procedure goes through this one layer (workflows/lib/tracking.ts) to `chosen`. */
const activities = trackedActivities(() => chosen);

interface TaskState {
  id: string;
  caseId: string;
  kind: string;
  formId: FormId;
  /** 'leaving' while a 退回/取回 is being recorded, 'left' once it is (the step's code then goes where it says). */
  state: 'opening' | 'open' | 'completing' | 'completed' | 'cancelled' | 'leaving' | 'left';
  /** 退回: the procedure whose return rule says where this task may send the file back (`humanStep`). */
  returns?: Pick<Procedure, 'returns' | 'steps'>;
  /** 取回: the completion that opened this task, which its author may take back while this task is untouched. */
  after?: StepLink;
  /** How the task left its step without a completion (退回 or 取回). */
  left?: StepLeft;
  /** Statutory rules the payload must satisfy; a failing rule refuses the completion (422 with the rules). */
  check?: (payload: unknown) => RuleResult[];
  /** Field checks that need the procedure's facts (e.g. one vote per agenda item); a problem refuses with 400. */
  validate?: (payload: unknown) => FieldError[];
  /** Checks against the record, made by the Update's handler before the completion is recorded (see HumanTaskSpec). */
  confirm?: (payload: unknown) => Promise<FieldError[]>;
  completedBy?: Actor;
  payload?: unknown;
  /** Set when the waiting workflow code has taken the outcome; the Update then waits for the workflow to settle. */
  taken: boolean;
}

const tasks = new Map<string, TaskState>();
let installed = false;
let finished = false;

function validatePayload(formId: FormId, payload: unknown): unknown {
  const parsed = loadFormSchema(formId).safeParse(payload, { reportInput: true });
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

/** The open task a completion names, and its payload as the form's schema parsed it (the one parse in this process). */
function checkCompletable(request: CompleteTaskRequest): { task: TaskState; payload: unknown } {
  const task = tasks.get(request.taskId);
  if (!task) {
    throw ApplicationFailure.create({
      type: TaskFailure.NOT_FOUND,
      message: `No open task ${request.taskId}`,
      nonRetryable: true,
    });
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
    throw ApplicationFailure.create({
      type: TaskFailure.NOT_OPEN,
      message: `Task ${task.id} is ${task.state}`,
      nonRetryable: true,
    });
  }
  const payload = validatePayload(task.formId, request.payload);
  const problems = task.validate?.(payload) ?? [];
  if (problems.length > 0) {
    throw ApplicationFailure.create({
      type: TaskFailure.INVALID_PAYLOAD,
      message: `Payload does not fit the case (${problems.map((p) => p.path).join(', ')})`,
      nonRetryable: true,
      details: [{ fields: problems }],
    });
  }
  const failed = task.check?.(payload).filter((r) => !r.passed) ?? [];
  if (failed.length > 0) {
    throw ApplicationFailure.create({
      type: TaskFailure.RULE_FAILED,
      message: `Rules not met: ${failed.map((r) => r.id).join(', ')}`,
      nonRetryable: true,
      details: [{ rules: failed }],
    });
  }
  return { task, payload };
}

function refuse(type: string, message: string, details?: unknown): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true, ...(details ? { details: [details] } : {}) });
}

/** The open task a 退回 names, if the procedure allows its target from this step and a reason is given. */
function checkReturnable(request: SendBackRequest): TaskState {
  const task = tasks.get(request.taskId);
  if (!task) refuse(TaskFailure.NOT_FOUND, `No open task ${request.taskId}`);
  if (task.state !== 'open') refuse(TaskFailure.NOT_OPEN, `Task ${task.id} is ${task.state}`);
  if (!task.returns || !returnDecision(task.returns, { from: task.kind, to: request.toStep, reason: '' })) {
    refuse(TaskFailure.RETURN_NOT_ALLOWED, `${task.kind} may not return the file to ${request.toStep}`, {
      from: task.kind,
      to: request.toStep,
    });
  }
  if (typeof request.reason !== 'string' || request.reason.trim() === '') {
    refuse(TaskFailure.INVALID_PAYLOAD, 'A return needs its reason', {
      fields: [
        { path: 'reason', code: 'required', message: { 'zh-CN': '请填写退回理由。', en: 'Give the reason for the return.' } },
      ],
    });
  }
  return task;
}

/** The open task a 取回 of `request.taskId` withdraws: the next step's, untouched, opened after the caller's completion. */
function checkTakeBack(request: TakeBackRequest): TaskState {
  const next = [...tasks.values()].find((t) => t.after?.taskId === request.taskId && t.state !== 'cancelled');
  if (!next || next.state !== 'open') {
    refuse(TaskFailure.TAKE_BACK_NOT_ALLOWED, `Nothing to take back for ${request.taskId}: the next step has acted`);
  }
  if (next.after!.completedBy.userId !== request.actor.userId) {
    refuse(TaskFailure.TAKE_BACK_NOT_YOURS, `Only the official who completed ${request.taskId} may take it back`);
  }
  return next;
}

/**
 * Waits until the workflow is settled (or finished) once `ready()`; if its code waits on something else (e.g. a
 * parallel task) while writes are deferred, applies them itself, so an answer always follows the commit.
 */
async function settle(ready: () => boolean): Promise<void> {
  for (;;) {
    await condition(() => finished || (ready() && (isSettled() || idleWithPendingWrites())));
    if (finished || isSettled()) return;
    await flushWrites();
  }
}

/** For a procedure's own Update handlers: resolves once the workflow is settled (its writes committed) or finished. */
export function untilSettled(): Promise<void> {
  return settle(() => true);
}

/** Registers the task Update, the settled Update and the open-tasks Query. Every procedure calls this first. */
export function installTaskHandlers(): void {
  if (installed) return;
  installed = true;
  if (currentShape()) {
    chosen = current;
    enableWriteBatching((writes) => chosen.applyWrites(writes));
  } else {
    // Executions started before write batching replay without it (their history has one marker per write).
    if (patched('durable-activities')) chosen = regular;
    if (patched('batched-writes')) enableWriteBatching((writes) => chosen.applyWrites(writes));
  }
  setHandler(
    completeTaskUpdate,
    async (request) => {
      const { task, payload } = checkCompletable(request);
      task.state = 'completing';
      task.completedBy = request.actor;
      const problems = (await task.confirm?.(payload)) ?? [];
      if (problems.length > 0) {
        // Refused by the record: nothing was written; the task is open again.
        task.state = 'open';
        task.completedBy = undefined;
        throw ApplicationFailure.create({
          type: TaskFailure.INVALID_PAYLOAD,
          message: `Payload does not fit the record (${problems.map((p) => p.path).join(', ')})`,
          nonRetryable: true,
          details: [{ fields: problems }],
        });
      }
      await activities.recordTaskCompletion({
        taskId: task.id,
        actor: request.actor,
        result: payload,
        requestId: request.requestId,
      });
      task.payload = payload;
      task.state = 'completed';
      await settle(() => task.taken);
      return { taskId: task.id, caseStatus: finished ? 'closed' : 'open' };
    },
    { validator: (request: CompleteTaskRequest) => void checkCompletable(request) },
  );
  setHandler(
    sendBackTaskUpdate,
    async (request) => {
      const task = checkReturnable(request);
      task.state = 'leaving';
      const reason = request.reason.trim();
      const decision = returnDecision(task.returns!, { from: task.kind, to: request.toStep, reason })!;
      await activities.recordTaskReturned({
        taskId: task.id,
        actor: request.actor,
        toStep: request.toStep,
        reason,
        requestId: request.requestId,
      });
      await activities.recordRuleDecisions({
        caseId: task.caseId,
        taskId: task.id,
        decisions: [{ ruleId: decision.id, ...decision }],
      });
      task.left = {
        left: 'returned',
        taskId: task.id,
        fromStep: task.kind,
        toStep: request.toStep,
        reason,
        actor: request.actor,
      };
      task.state = 'left';
      await settle(() => task.taken);
      return { taskId: task.id, caseStatus: finished ? ('closed' as const) : ('open' as const) };
    },
    { validator: (request: SendBackRequest) => void checkReturnable(request) },
  );
  setHandler(
    takeBackTaskUpdate,
    async (request) => {
      const next = checkTakeBack(request);
      next.state = 'leaving';
      // Atomically against a claim in PostgreSQL: the next step's task is withdrawn only while nobody holds it.
      const released = await activities.releaseTaskForTakeBack({
        taskId: next.id,
        takenBackTaskId: request.taskId,
        actor: request.actor,
        requestId: request.requestId,
      });
      if (!released) {
        next.state = 'open';
        refuse(TaskFailure.TAKE_BACK_NOT_ALLOWED, `The next step's task ${next.id} has been claimed`);
      }
      next.left = { left: 'taken-back', taskId: next.id, actor: request.actor, previous: next.after! };
      next.state = 'left';
      await settle(() => next.taken);
      return { taskId: request.taskId, caseStatus: finished ? ('closed' as const) : ('open' as const) };
    },
    { validator: (request: TakeBackRequest) => void checkTakeBack(request) },
  );
  setHandler(settledUpdate, async () => {
    await settle(() => true);
    return { caseStatus: finished ? ('closed' as const) : ('open' as const) };
  });
  setHandler(openTasksQuery, (): OpenTaskView[] =>
    [...tasks.values()]
      .filter((t) => t.state !== 'completed' && t.state !== 'cancelled' && t.state !== 'left')
      .map((t) => ({
        taskId: t.id,
        kind: t.kind,
        formId: t.formId,
        state: (t.state === 'leaving' ? 'completing' : t.state) as OpenTaskView['state'],
      })),
  );
}

/**
 * 限时办结: when a task is due, and what happens around that instant. Each step is a durable timer, an audit event
 * and a notification: a reminder before the due date, a yellow warning at it, and after the grace period a red
 * warning escalated to the supervising organization.
 */
export interface TaskDeadline {
  /** ISO instant the task is due (the end of the period's last day, from `resolveDeadline`). */
  dueAt: string;
  /** Reminder this long before `dueAt` (ms). */
  remindBeforeMs?: number;
  /** Red warning and escalation this long after `dueAt` (ms). */
  escalateAfterMs?: number;
  /** The supervising organization alerted on escalation (defaults to the candidate's parent). */
  escalateToOrgId?: string;
  /** Years of the period the holiday calendar did not know. */
  calendarWarning?: string;
  /** The task closes at `dueAt` (the procedure goes on without it, see `humanTaskUnless`): a reminder at most, no due or red warning. */
  closesAtDue?: boolean;
}

export interface HumanTaskSpec<F extends FormId> {
  caseId: string;
  kind: string;
  formId: F;
  candidateOrgId: string;
  candidateRole: RoleName;
  deadline?: TaskDeadline;
  context?: Record<string, unknown>;
  /** Statutory rules checked against the payload in the Update's validator. */
  check?: (payload: FormPayload<F>) => RuleResult[];
  /** Field checks against the procedure's facts, run in the Update's validator after the form schema (400). */
  validate?: (payload: FormPayload<F>) => FieldError[];
  /**
   * Checks that need PostgreSQL (an activity), run by the Update's handler before the completion is recorded, e.g. a
   * step that must atomically close something. Problems refuse with 400 like `validate`, and the task stays open.
   */
  confirm?: (payload: FormPayload<F>) => Promise<FieldError[]>;
}

/**
 * The kind, form and candidate role of a task as its procedure declares it (`domain/procedures/<id>.ts`), to spread
 * into a `humanTask` spec. A task whose role the case chooses (one of a declared list) is given that role.
 */
export function declared<T extends TaskDeclaration>(
  task: T,
  ...role: T['role'] extends RoleName ? [] : [role: RoleName]
): { kind: T['kind']; formId: T['form']; candidateRole: RoleName } {
  const candidateRole = typeof task.role === 'string' ? task.role : role[0]!;
  return { kind: task.kind, formId: task.form, candidateRole };
}

export interface HumanTaskOutcome<F extends FormId> {
  taskId: string;
  actor: Actor;
  payload: FormPayload<F>;
}

/** A completed step, as the next step's task remembers it for 取回. */
export interface StepLink {
  taskId: string;
  kind: string;
  completedBy: Actor;
}

/** How a step's task ended without a completion: sent back (退回) by its holder, or withdrawn by a 取回 of the step before. */
export type StepLeft =
  | { left: 'returned'; taskId: string; fromStep: string; toStep: string; reason: string; actor: Actor }
  | { left: 'taken-back'; taskId: string; actor: Actor; previous: StepLink };

export interface HumanStepSpec<F extends FormId> extends HumanTaskSpec<F> {
  /** 退回: the procedure whose return rule (`Procedure.returns`) says where this step may send the file back. */
  returns?: Pick<Procedure, 'returns' | 'steps'>;
  /** 取回: the completion of the step before, which its author may take back while this task is untouched. */
  after?: StepLink;
  /** The official the task opens for (a step taken back reopens for its author); otherwise it is offered to the role. */
  assigneeId?: string;
}

/** The link a completion gives the next step's task (for 取回). */
export function stepLink(kind: string, outcome: { taskId: string; actor: Actor }): StepLink {
  return { taskId: outcome.taskId, kind, completedBy: outcome.actor };
}

export function isStepLeft(outcome: unknown): outcome is StepLeft {
  return typeof outcome === 'object' && outcome !== null && 'left' in outcome;
}

/**
 * A step of a procedure whose flow may go back: like `humanTaskUnless` (`until` may end it: null), and besides a
 * completion the task may end by 退回 (its holder returns the file to an earlier step the procedure allows) or by 取回
 * (the author of the step before takes their completion back): the procedure's code then goes to that step.
 */
export async function humanStep<F extends FormId>(
  spec: HumanStepSpec<F>,
  until: () => boolean = () => false,
  reason = 'cancelled',
): Promise<HumanTaskOutcome<F> | StepLeft | null> {
  return runHumanTask(spec, until, reason);
}

/**
 * Opens a human task (an activity writes its Task row) and waits until an official completes it through the
 * `completeTask` Update. Returns the validated form payload and who acted.
 */
export async function humanTask<F extends FormId>(spec: HumanTaskSpec<F>): Promise<HumanTaskOutcome<F>> {
  // Without `returns` or `after` the task can only be completed.
  return (await runHumanTask(spec, () => false)) as HumanTaskOutcome<F>;
}

/**
 * Like `humanTask`, but gives up when `until()` becomes true while nobody is completing the task (e.g. the applicant
 * withdrew): the Task row is cancelled and the result is null. A completion already under way wins.
 */
export async function humanTaskUnless<F extends FormId>(
  spec: HumanTaskSpec<F>,
  until: () => boolean,
  reason: string,
): Promise<HumanTaskOutcome<F> | null> {
  return runHumanTask(spec, until, reason) as Promise<HumanTaskOutcome<F> | null>;
}

async function runHumanTask<F extends FormId>(
  spec: HumanStepSpec<F>,
  until: () => boolean,
  reason = 'cancelled',
): Promise<HumanTaskOutcome<F> | StepLeft | null> {
  installTaskHandlers();
  const task: TaskState = {
    id: uuid4(),
    caseId: spec.caseId,
    kind: spec.kind,
    returns: spec.returns,
    after: spec.after,
    formId: spec.formId,
    state: 'opening',
    taken: false,
    check: spec.check as ((payload: unknown) => RuleResult[]) | undefined,
    validate: spec.validate as ((payload: unknown) => FieldError[]) | undefined,
    confirm: spec.confirm as ((payload: unknown) => Promise<FieldError[]>) | undefined,
  };
  tasks.set(task.id, task);
  await activities.openTask({
    taskId: task.id,
    caseId: spec.caseId,
    kind: spec.kind,
    formId: spec.formId,
    candidateOrgId: spec.candidateOrgId,
    candidateRole: spec.candidateRole,
    dueAt: spec.deadline?.dueAt,
    remindAt: spec.deadline?.remindBeforeMs !== undefined ? shift(spec.deadline.dueAt, -spec.deadline.remindBeforeMs) : undefined,
    calendarWarning: spec.deadline?.calendarWarning,
    // The completion this task follows (取回 from the case page), when the step may be taken back.
    context: spec.after ? { ...spec.context, previousTaskId: spec.after.taskId } : (spec.context ?? {}),
    ...(spec.assigneeId ? { assigneeId: spec.assigneeId } : {}),
    // Its completion comes to this workflow, which may not be the case's (an objection's answer on its election).
    workflowId: workflowInfo().workflowId,
  });
  // The step's writes, ending with this task's row, commit before anyone can be offered the task.
  await flushWrites();
  task.state = 'open';
  const clock = spec.deadline ? new CancellationScope() : undefined;
  if (clock && spec.deadline) {
    const deadline = spec.deadline;
    clock
      .run(() => runTaskClock(task.id, deadline))
      .catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      });
  }
  enterWait();
  await condition(() => task.state === 'completed' || task.state === 'left' || (task.state === 'open' && until()));
  clock?.cancel();
  if ((task.state as TaskState['state']) === 'left') {
    task.taken = true;
    return task.left!;
  }
  if ((task.state as TaskState['state']) !== 'completed') {
    task.state = 'cancelled';
    await activities.cancelTask({ taskId: task.id, reason });
    return null;
  }
  task.taken = true;
  return { taskId: task.id, actor: task.completedBy as Actor, payload: task.payload as FormPayload<F> };
}

function shift(iso: string, ms: number): string {
  return new Date(new Date(iso).getTime() + ms).toISOString();
}

async function sleepUntil(iso: string): Promise<void> {
  const wait = new Date(iso).getTime() - Date.now();
  if (wait > 0) await sleep(wait);
}

/** The durable timers of one task's deadline; cancelled when the task is completed. */
async function runTaskClock(taskId: string, deadline: TaskDeadline): Promise<void> {
  if (deadline.remindBeforeMs !== undefined) {
    await sleepUntil(shift(deadline.dueAt, -deadline.remindBeforeMs));
    await activities.markTaskClock({ taskId, stage: 'reminder' });
  }
  if (deadline.closesAtDue) return;
  await sleepUntil(deadline.dueAt);
  await activities.markTaskClock({ taskId, stage: 'due' });
  if (deadline.escalateAfterMs !== undefined) {
    await sleepUntil(shift(deadline.dueAt, deadline.escalateAfterMs));
    await activities.markTaskClock({ taskId, stage: 'escalated', escalateToOrgId: deadline.escalateToOrgId });
  }
}

/**
 * Waits for a condition (with an optional timeout, e.g. a statutory period) as a settled point: Updates waiting for
 * the workflow to settle answer while it waits here. Returns false on timeout.
 */
export async function waitFor(predicate: () => boolean, timeout?: string | number): Promise<boolean> {
  await flushWrites();
  enterWait();
  if (timeout === undefined) {
    await condition(predicate);
    return true;
  }
  return condition(predicate, timeout);
}

/** Ends the procedure: lets running Update handlers answer their callers before the workflow completes. */
export async function finishProcedure(): Promise<void> {
  await flushWrites();
  finished = true;
  enterWait();
  await condition(allHandlersFinished);
}

export { activities as procedureActivities };
