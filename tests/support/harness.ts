import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../api/build';
import { createDb, type Db } from '../../runtime/db';
import { createWorker } from '../../runtime/worker';
import { createMigratedDatabase, type TestDatabase } from './test-database';
import { errorsOnlyLogger } from '../../runtime/errors-only-logger';

let runtimeInstalled = false;
function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({
    logger: errorsOnlyLogger((m) => process.stderr.write(`[temporal] ${m}\n`)),
  });
}

export interface Harness {
  db: Db;
  database: TestDatabase;
  api: FastifyInstance;
  temporal: Client;
  taskQueue: string;
  /** Starts the worker (if stopped). */
  startWorker(): Promise<void>;
  /** Stops the worker as a crash would leave things: open tasks stay open, workflows wait. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** A database of the caller's (not dropped on close); default: a fresh copy of the migrated template. */
  databaseUrl?: string;
  /** Another Temporal server; default: the one global setup started. */
  temporalAddress?: string;
  /** A task queue to reuse (workflows started by an earlier harness); default: a new one. */
  taskQueue?: string;
  /** The worker runs new elections on the reliability harnesses' calendar of seconds (RELIABILITY_SHORTENED_CALENDAR). */
  reliabilityShortenedCalendar?: boolean;
  /** With the shortened calendar: its objection window (ms). */
  reliabilityObjectionWindowMs?: number;
}

/**
 * Everything one test file needs: its own migrated database, the shared Temporal dev server with a task queue of
 * its own, a worker running the real workflows and activities, and the API (call it with `api.inject`).
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  quietTemporalRuntime();
  const address = options.temporalAddress ?? process.env.TEST_TEMPORAL_ADDRESS;
  const bundlePath = process.env.TEST_WORKFLOW_BUNDLE;
  if (!address || !bundlePath) throw new Error('Temporal test environment missing (global setup did not run)');
  const database: TestDatabase = options.databaseUrl
    ? {
        url: options.databaseUrl,
        ownerUrl: options.databaseUrl,
        superuserUrl: options.databaseUrl,
        drop: () => Promise.resolve(),
      }
    : await createMigratedDatabase();
  const db = createDb(database.url, { poolSize: 5 });
  const taskQueue = options.taskQueue ?? `test-${randomBytes(6).toString('hex')}`;
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection, namespace: 'default' });
  const nativeConnection = await NativeConnection.connect({ address });
  // Errors (5xx) are logged so a failing test shows why.
  const api = await buildApi({ db, temporal, taskQueue, secureCookies: false }, { level: 'error' });

  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const startWorker = async () => {
    if (worker) return;
    worker = await createWorker({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue,
      db,
      temporal,
      workflowBundle: { codePath: bundlePath },
      reliabilityShortenedCalendar: options.reliabilityShortenedCalendar,
      reliabilityObjectionWindowMs: options.reliabilityObjectionWindowMs,
    });
    running = worker.run();
  };
  const stopWorker = async () => {
    if (!worker) return;
    worker.shutdown();
    await running;
    worker = undefined;
    running = undefined;
  };
  await startWorker();
  return {
    db,
    database,
    api,
    temporal,
    taskQueue,
    startWorker,
    stopWorker,
    async close() {
      await stopWorker();
      await api.close();
      await connection.close();
      await nativeConnection.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}
