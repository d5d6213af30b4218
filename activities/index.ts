import type { Client } from '@temporalio/client';
import type { Db, DbClient } from '../runtime/db';
import { createVillageConversionActivities } from './village-conversion';
import { createCaseActivities } from './cases';
import { createClockActivities } from './clock';
import { createElectionActivities } from './election';
import { createTaskActivities } from './tasks';
import { createOwnersMeetingActivities } from './owners-meeting';
import { createServiceAdmissionActivities } from './service-admission';

export interface ActivityDeps {
  db: Db;
  /** For activities that start other procedures' workflows. */
  temporal?: Client;
  taskQueue?: string;
  /**
   * New elections run the reliability harnesses' calendar of seconds (activities/election.ts) instead of the
   * statute's: the worker setting RELIABILITY_SHORTENED_CALENDAR (scripts/worker.ts), or a test harness's option.
   */
  reliabilityShortenedCalendar?: boolean;
  /** With the shortened calendar: its objection window (ms), RELIABILITY_OBJECTION_WINDOW_MS or a harness's option. */
  reliabilityObjectionWindowMs?: number;
}

/** The writes a workflow may defer and batch (`workflows/lib/tracking.ts`): idempotent, returning nothing. */
function batchableWrites(db: DbClient) {
  const tasks = createTaskActivities({ db });
  const cases = createCaseActivities({ db });
  return {
    openTask: (input: Parameters<typeof tasks.openTask>[0]) => tasks.openTask(input),
    recordTaskCompletion: (input: Parameters<typeof tasks.recordTaskCompletion>[0]) => tasks.recordTaskCompletion(input),
    cancelTask: (input: Parameters<typeof tasks.cancelTask>[0]) => tasks.cancelTask(input),
    recordTaskReturned: (input: Parameters<typeof tasks.recordTaskReturned>[0]) => tasks.recordTaskReturned(input),
    closeCase: (input: Parameters<typeof cases.closeCase>[0]) => cases.closeCase(input),
    mergeCaseData: (input: Parameters<typeof cases.mergeCaseData>[0]) => cases.mergeCaseData(input),
    recordRuleDecisions: (input: Parameters<typeof cases.recordRuleDecisions>[0]) => cases.recordRuleDecisions(input),
  };
}

export type BatchableWrite = keyof ReturnType<typeof batchableWrites>;
export type DeferredWrite = {
  [K in BatchableWrite]: { name: K; input: Parameters<ReturnType<typeof batchableWrites>[K]>[0] };
}[BatchableWrite];

/** All activities, bound to their dependencies. Workflows import only the type. */
export function createActivities(deps: ActivityDeps) {
  return {
    /**
     * A workflow's deferred writes (a completion, the rule decisions and case data of the step, the next task) in
     * one transaction, in the order the workflow made them: one commit per step instead of one per write.
     */
    async applyWrites(writes: DeferredWrite[]): Promise<void> {
      await deps.db.$transaction(async (tx) => {
        const write = batchableWrites(tx);
        for (const w of writes) await (write[w.name] as (input: DeferredWrite['input']) => Promise<void>)(w.input);
      });
    },
    ...createTaskActivities(deps),
    ...createCaseActivities(deps),
    ...createClockActivities(deps),
    ...createElectionActivities(deps),
    ...createVillageConversionActivities(deps),
    ...createOwnersMeetingActivities(deps),
    ...createServiceAdmissionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
