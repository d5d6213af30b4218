import { isProcedureId, PROCEDURES, type ProcedureStep } from '../../../domain/procedures';
import type { Prisma } from '../../../prisma/generated/client';

/**
 * Where each step of a case stands, from what happened (its tasks and their outcomes), never from its position:
 * - done: the step's last task was completed (whatever it decided, e.g. 批准 or 不予批准);
 * - returned: the step's last task sent the file back (decision "return"), and it has not been passed since;
 * - current: a task of the step is open;
 * - skipped: the step was passed over (no task, or its task closed unanswered at a deadline) while a later step ran;
 * - stopped: the case ended at this step (withdrawn, or its task cancelled when the case ended);
 * - not-reached: nothing has happened at the step yet.
 * The first step "opened" is done once the case exists; the last step "closed" is done when the case is closed (or,
 * for a service item, while it is admitted and listed: see `shownCaseStatus`).
 */
export type StepState = 'done' | 'returned' | 'current' | 'skipped' | 'stopped' | 'not-reached';
export const STEP_STATES = [
  'done',
  'returned',
  'current',
  'skipped',
  'stopped',
  'not-reached',
] as const satisfies readonly StepState[];

export type CaseStatus = 'OPEN' | 'COMPLETED' | 'REJECTED' | 'WITHDRAWN' | 'FAILED';

export interface StepTask {
  kind: string;
  status: 'OPEN' | 'COMPLETED' | 'CANCELLED';
  result: unknown;
  createdAt: Date;
  completedAt: Date | null;
}

export interface CaseStep extends ProcedureStep {
  state: StepState;
  /** The last decision taken at the step ("approve", "return", "propose", …), if its form has one. */
  decision: string | null;
  /** When the step was last completed (ISO). */
  at: string | null;
}

/**
 * The status a reader is shown. A service item admitted and listed has finished its procedure (SA-LIST): the case is
 * shown completed while the workflow only watches the period (a re-review before the period ends re-opens it).
 */
export function shownCaseStatus(row: { procedure: string; status: CaseStatus; data: unknown }): CaseStatus {
  if (row.status === 'OPEN' && row.procedure === 'service-admission' && isListed(row.data)) return 'COMPLETED';
  return row.status;
}

/** When the case is shown closed: its closing, or for a listed service item the admission that listed it. */
export function shownClosedAt(row: {
  procedure: string;
  status: CaseStatus;
  data: unknown;
  closedAt: Date | null;
}): string | null {
  if (row.closedAt) return row.closedAt.toISOString();
  if (shownCaseStatus(row) === 'OPEN') return null;
  const admittedAt = (row.data as { listing?: { admittedAt?: unknown } }).listing?.admittedAt;
  return typeof admittedAt === 'string' ? admittedAt : null;
}

function isListed(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { stage?: unknown }).stage === 'listed';
}

/** The same rule as `shownCaseStatus`, as a filter of the case list by the status shown. */
export function shownStatusWhere(status: CaseStatus): Prisma.CaseWhereInput {
  const listed: Prisma.CaseWhereInput = {
    status: 'OPEN',
    procedure: 'service-admission',
    data: { path: ['stage'], equals: 'listed' },
  };
  if (status === 'OPEN')
    return { status: 'OPEN', NOT: { procedure: 'service-admission', data: { path: ['stage'], equals: 'listed' } } };
  if (status === 'COMPLETED') return { OR: [{ status: 'COMPLETED' }, listed] };
  return { status };
}

/** The decision a task's form recorded: decision / ruling / action (the forms' names for it). */
export function taskDecision(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return null;
  const r = result as Record<string, unknown>;
  for (const key of ['decision', 'ruling', 'action']) if (typeof r[key] === 'string') return r[key];
  return null;
}

/** A task cancelled because the author of the step before took their completion back (取回). */
function isWithdrawnByTakeBack(task: StepTask): boolean {
  return task.status === 'CANCELLED' && (task.result as { withdrawnBy?: unknown } | null)?.withdrawnBy === 'take-back';
}

/** A return sends the file back to an earlier step for more evidence or changes. */
export function isReturn(decision: string | null): boolean {
  return decision === 'return';
}

/** The steps of `procedure` with their states, from the case's status and its tasks. */
export function stepStates(input: {
  procedure: string;
  status: CaseStatus;
  data: unknown;
  tasks: readonly StepTask[];
}): CaseStep[] {
  const steps: readonly ProcedureStep[] = isProcedureId(input.procedure) ? PROCEDURES[input.procedure].steps : [];
  const closed = shownCaseStatus(input) !== 'OPEN';
  const byKind = new Map<string, StepTask[]>();
  for (const task of [...input.tasks].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    byKind.set(task.kind, [...(byKind.get(task.kind) ?? []), task]);
  }

  // What the tasks say, step by step; steps without tasks are settled below by what came after them.
  const own = steps.map((step): Omit<CaseStep, keyof ProcedureStep> | undefined => {
    if (step.key === 'opened') return { state: 'done', decision: null, at: null };
    if (step.key === 'closed')
      return closed ? { state: 'done', decision: null, at: null } : { state: 'not-reached', decision: null, at: null };
    // A task withdrawn by a 取回 of the step before never happened at this step.
    const tasks = (byKind.get(step.key) ?? []).filter((t) => !isWithdrawnByTakeBack(t));
    if (tasks.length === 0) return undefined;
    const completed = tasks.filter((t) => t.status === 'COMPLETED');
    const last = completed.at(-1);
    const decision = last ? taskDecision(last.result) : null;
    const at = last?.completedAt?.toISOString() ?? null;
    if (tasks.some((t) => t.status === 'OPEN')) return { state: 'current', decision, at };
    if (last) return { state: isReturn(decision) ? 'returned' : 'done', decision, at };
    // Only cancelled tasks: the case went on without an answer (e.g. a deadline passed), or it ended here.
    return { state: 'stopped', decision: null, at: null };
  });

  const reached = (i: number) => own.slice(i + 1).some((s, j) => s !== undefined && steps[i + 1 + j]!.key !== 'closed');
  return steps.map((step, i) => {
    const found = own[i];
    if (found === undefined) return { ...step, state: reached(i) ? 'skipped' : 'not-reached', decision: null, at: null };
    if (found.state === 'stopped' && reached(i)) return { ...step, ...found, state: 'skipped' };
    return { ...step, ...found };
  });
}
