import type { Client, WorkflowExecutionStatusName } from '@temporalio/client';

/** Temporal's per-execution limits (server defaults, common/dynamicconfig/constants.go): what no execution may reach. */
export const TEMPORAL_DEFAULT_LIMITS = {
  /** history.maxTotalUpdates */
  updates: 2_000,
  /** limit.historyCount.error */
  events: 50 * 1024,
  /** limit.historySize.error */
  bytes: 50 * 1024 * 1024,
} as const;

/** One execution (one run) and the size of its history. */
export interface ExecutionHistory {
  workflowId: string;
  runId: string;
  type: string;
  status: WorkflowExecutionStatusName;
  events: number;
  bytes: number;
  /** Updates the execution accepted (WorkflowExecutionUpdateAccepted events), by Update name. */
  updates: number;
  updatesByName: Record<string, number>;
}

export interface ExecutionHistories {
  executions: number;
  /** How many executions ended in each status (anything but COMPLETED at the end of a case is a problem). */
  byStatus: Record<string, number>;
  /** By workflow type: executions, and the largest history and Update count among them. */
  byType: Record<string, { executions: number; maxEvents: number; maxBytes: number; maxUpdates: number }>;
  largestByEvents: ExecutionHistory | null;
  largestByBytes: ExecutionHistory | null;
  mostUpdates: ExecutionHistory | null;
  all: ExecutionHistory[];
}

/**
 * Every execution a visibility query finds (e.g. all runs on a task queue started since a moment), with the size of
 * its history: events and bytes as the server describes them, and the Updates its history accepted. Works whatever
 * shape a procedure has (children, top-level workflows, continued-as-new runs): it looks at executions, not at ids.
 */
export async function measureExecutionHistories(
  client: Client,
  query: string,
  options: { concurrency?: number; startedAfter?: Date } = {},
): Promise<ExecutionHistories> {
  const found: { workflowId: string; runId: string; type: string }[] = [];
  for await (const info of client.workflow.list({ query })) {
    // Checked here too: the dev server's SQLite visibility may not filter on StartTime.
    if (options.startedAfter && info.startTime < options.startedAfter) continue;
    found.push({ workflowId: info.workflowId, runId: info.runId, type: info.type });
  }
  const all: ExecutionHistory[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? 16, found.length) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= found.length) return;
        all[i] = await measureExecution(client, found[i]!);
      }
    }),
  );
  const byStatus: Record<string, number> = {};
  const byType: ExecutionHistories['byType'] = {};
  for (const e of all) {
    byStatus[e.status] = (byStatus[e.status] ?? 0) + 1;
    const t = (byType[e.type] ??= { executions: 0, maxEvents: 0, maxBytes: 0, maxUpdates: 0 });
    t.executions += 1;
    t.maxEvents = Math.max(t.maxEvents, e.events);
    t.maxBytes = Math.max(t.maxBytes, e.bytes);
    t.maxUpdates = Math.max(t.maxUpdates, e.updates);
  }
  const largest = (key: 'events' | 'bytes' | 'updates') =>
    all.reduce<ExecutionHistory | null>((best, e) => (!best || e[key] > best[key] ? e : best), null);
  return {
    executions: all.length,
    byStatus,
    byType,
    largestByEvents: largest('events'),
    largestByBytes: largest('bytes'),
    mostUpdates: largest('updates'),
    all,
  };
}

/** One run: describe (events, bytes, status) and its history (Updates accepted). */
export async function measureExecution(
  client: Client,
  execution: { workflowId: string; runId?: string; type?: string },
): Promise<ExecutionHistory> {
  const handle = client.workflow.getHandle(execution.workflowId, execution.runId);
  const [described, history] = await Promise.all([handle.describe(), handle.fetchHistory()]);
  const updatesByName: Record<string, number> = {};
  let updates = 0;
  for (const event of history.events ?? []) {
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
    if (!accepted) continue;
    updates += 1;
    const name = accepted.acceptedRequest?.input?.name ?? '?';
    updatesByName[name] = (updatesByName[name] ?? 0) + 1;
  }
  return {
    workflowId: execution.workflowId,
    runId: described.runId,
    type: described.type,
    status: described.status.name,
    events: described.historyLength,
    bytes: described.historySize ?? 0,
    updates,
    updatesByName,
  };
}

/** A compact view of one execution for a report. */
export function executionSummary(e: ExecutionHistory | null) {
  return e && { workflowId: e.workflowId, type: e.type, status: e.status, events: e.events, bytes: e.bytes, updates: e.updates };
}
