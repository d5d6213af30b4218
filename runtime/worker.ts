import type { Client } from '@temporalio/client';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities';
import { settings } from './config';
import type { Db } from './db';
import { workerMetricsInterceptors } from './worker-metrics';
import { WORKFLOW_PRELOAD_MODULES } from './workflow-preload';

/** Workflow interceptor modules: given to the worker when it bundles, and to `bundleWorkflowCode` by whoever pre-bundles. */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('../workflows/lib/metrics-interceptor')];

export interface CreateWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Db;
  /** Client used by activities that start other procedures. */
  temporal?: Client;
  /** A pre-built workflow bundle (tests bundle once); otherwise the worker bundles workflows/ at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** The reliability harnesses' calendar of seconds for new elections (activities/election.ts); default: the statute's. */
  reliabilityShortenedCalendar?: boolean;
  /** With the shortened calendar: its objection window (ms), for a harness that files many objections. */
  reliabilityObjectionWindowMs?: number;
  /** The workflow cache and task slots; default from the configuration (settings.workerCache(), runtime/config.ts). */
  cache?: { maxCachedWorkflows: number; maxConcurrentWorkflowTaskExecutions: number };
}

/** A Temporal worker running every workflow and activity of the product. */
export function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities({
      db: options.db,
      temporal: options.temporal,
      taskQueue: options.taskQueue,
      reliabilityShortenedCalendar: options.reliabilityShortenedCalendar,
      reliabilityObjectionWindowMs: options.reliabilityObjectionWindowMs,
    }),
    // Product metrics (README, "Metrics"); a pre-built bundle includes the workflow interceptor itself (WORKFLOW_INTERCEPTOR_MODULES).
    interceptors: { activity: workerMetricsInterceptors(options.taskQueue), workflowModules: WORKFLOW_INTERCEPTOR_MODULES },
    // Bounded: the SDK's default cache (sized by heap) let a season's open applications grow RSS without end.
    ...(options.cache ?? settings.workerCache()),
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: require.resolve('../workflows'), bundlerOptions: { preloadModules: WORKFLOW_PRELOAD_MODULES } }),
  });
}
