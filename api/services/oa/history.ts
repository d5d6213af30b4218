import type { HistoryEntry } from '../cases/case-history';

interface OfficeEvent {
  at: Date;
  action: string;
  actorId: string | null;
  actingOrgId: string | null;
  data: unknown;
}

/** The office actions the 流转记录 shows beside the steps: 催办 (step "urged") and 传阅 (step "circulated"). */
export const OFFICE_HISTORY_ACTIONS = { 'task.urged': 'urged', 'case.circulated': 'circulated' } as const;

/**
 * 流转记录 entries for urges and circulations, from the case's audit rows: who (name, the organization they acted
 * for), when, and the reason or purpose as the opinion.
 */
export function officeHistory(
  events: readonly OfficeEvent[],
  names: ReadonlyMap<string, string>,
  orgNames: ReadonlyMap<string, string>,
): HistoryEntry[] {
  return events.flatMap((e) => {
    const step = OFFICE_HISTORY_ACTIONS[e.action as keyof typeof OFFICE_HISTORY_ACTIONS];
    if (!step) return [];
    const data = (e.data ?? {}) as { reason?: unknown; purpose?: unknown; kind?: unknown };
    const text = step === 'urged' ? data.reason : data.purpose;
    return [
      {
        taskId: null,
        step,
        stepName: null,
        decision: null,
        opinion: typeof text === 'string' ? text : null,
        actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
        organizationName: e.actingOrgId ? (orgNames.get(e.actingOrgId) ?? null) : null,
        role: null,
        returnTo: null,
        at: e.at.toISOString(),
      },
    ];
  });
}
