import { isProcedureId, PROCEDURES } from '../../../domain/procedures';
import type { LocalizedText } from '../../../domain/errors';
import { opinionOf } from '../../../domain/task-opinion';
import { taskDecision } from './step-states';

/** One entry of the 流转记录: who decided what at which step, with which opinion, when. */
export interface HistoryEntry {
  taskId: string | null;
  /** The step's key (a task kind), or "withdrawn" for a withdrawal outside any task. */
  step: string;
  stepName: LocalizedText | null;
  decision: string | null;
  opinion: string | null;
  actorName: string | null;
  organizationName: string | null;
  role: string | null;
  at: string;
  /** 退回: the step the file was sent back to (its name), when the entry is a return that names it. */
  returnTo: LocalizedText | null;
}

/** The county's written decision (批复) of a village conversion. */
export interface WrittenDecision {
  decision: string;
  documentNumber: string;
  text: string;
  newCommittee: { name: string; area: string; households: number } | null;
  decidedBy: string | null;
  organizationName: string;
  decidedAt: string;
}

interface HistoryTask {
  id: string;
  kind: string;
  status: string;
  result: unknown;
  completedById: string | null;
  completedAt: Date | null;
  candidateRole: string;
  candidateOrg: { name: string };
}

interface HistoryEvent {
  at: Date;
  action: string;
  actorId: string | null;
  targetId?: string | null;
  data: unknown;
}

export { opinionOf };

function stepName(procedure: string, key: string): LocalizedText | null {
  if (!isProcedureId(procedure)) return null;
  const steps: readonly { key: string; name: LocalizedText }[] = PROCEDURES[procedure].steps;
  return steps.find((s) => s.key === key)?.name ?? null;
}

/**
 * The 流转记录 of a case, oldest first: every completed task with its decision, opinion, who (name, organization, role)
 * and when; and a withdrawal, which the case's closing audit row records with its reason.
 */
export function caseHistory(input: {
  procedure: string;
  organizationName: string;
  tasks: readonly HistoryTask[];
  events: readonly HistoryEvent[];
  names: ReadonlyMap<string, string>;
  /** The role the withdrawing user holds in the case's organization, if known. */
  withdrawerRole?: string | null;
}): HistoryEntry[] {
  const entries: HistoryEntry[] = input.tasks
    .filter((t) => t.status === 'COMPLETED' && t.completedAt)
    .map((t) => ({
      taskId: t.id,
      step: t.kind,
      stepName: stepName(input.procedure, t.kind),
      decision: taskDecision(t.result),
      opinion: opinionOf(t.result),
      actorName: t.completedById ? (input.names.get(t.completedById) ?? null) : null,
      organizationName: t.candidateOrg.name,
      role: t.candidateRole,
      at: t.completedAt!.toISOString(),
      returnTo: returnToOf(input.procedure, t.result),
    }));
  // 取回: the author of a completion took it back (the audit row names the completed task).
  const byId = new Map(input.tasks.map((t) => [t.id, t]));
  for (const e of input.events.filter((e) => e.action === 'task.taken-back')) {
    const taken = e.targetId ? byId.get(e.targetId) : undefined;
    if (!taken) continue;
    entries.push({
      taskId: null,
      step: taken.kind,
      stepName: stepName(input.procedure, taken.kind),
      decision: 'take-back',
      opinion: null,
      actorName: e.actorId ? (input.names.get(e.actorId) ?? null) : null,
      organizationName: taken.candidateOrg.name,
      role: taken.candidateRole,
      at: e.at.toISOString(),
      returnTo: null,
    });
  }
  const withdrawal = withdrawalOf(input.events);
  if (withdrawal) {
    entries.push({
      taskId: null,
      step: 'withdrawn',
      stepName: null,
      decision: 'withdraw',
      opinion: withdrawal.reason,
      actorName: withdrawal.by ? (input.names.get(withdrawal.by) ?? null) : null,
      organizationName: input.organizationName,
      role: input.withdrawerRole ?? null,
      at: withdrawal.at.toISOString(),
      returnTo: null,
    });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/** The step a generic 退回 named (result.returnTo, api/services/tasks/flow.ts), by its name. */
function returnToOf(procedure: string, result: unknown): LocalizedText | null {
  const to = (result as { returnTo?: unknown } | null)?.returnTo;
  return typeof to === 'string' ? (stepName(procedure, to) ?? { 'zh-CN': to, en: to }) : null;
}

/** A withdrawal recorded on the case's closing row (village conversions: the village withdraws by an Update). */
export function withdrawalOf(events: readonly HistoryEvent[]): { reason: string; by: string | null; at: Date } | null {
  const closing = events.find((e) => e.action === 'case.closed');
  const outcome = (closing?.data as { outcome?: { withdrawal?: { reason?: unknown; by?: unknown } } } | undefined)?.outcome;
  const w = outcome?.withdrawal;
  if (!closing || !w || typeof w.reason !== 'string') return null;
  return { reason: w.reason, by: typeof w.by === 'string' ? w.by : null, at: closing.at };
}

/** The last written decision (批复) of the county: the completed county-decision task that is not a return. */
export function writtenDecision(tasks: readonly HistoryTask[], names: ReadonlyMap<string, string>): WrittenDecision | null {
  const task = tasks
    .filter(
      (t) => t.kind === 'vc.county-decision' && t.status === 'COMPLETED' && t.completedAt && taskDecision(t.result) !== 'return',
    )
    .at(-1);
  if (!task) return null;
  const r = task.result as {
    decision?: unknown;
    documentNumber?: unknown;
    decisionText?: unknown;
    newCommittee?: { name: string; area: string; households: number };
  };
  if (typeof r.decisionText !== 'string' || typeof r.decision !== 'string') return null;
  return {
    decision: r.decision,
    documentNumber: typeof r.documentNumber === 'string' ? r.documentNumber : '',
    text: r.decisionText,
    newCommittee: r.newCommittee ?? null,
    decidedBy: task.completedById ? (names.get(task.completedById) ?? null) : null,
    organizationName: task.candidateOrg.name,
    decidedAt: task.completedAt!.toISOString(),
  };
}
