import { type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../runtime/embedded-postgres';
import { freePort } from '../runtime/net';
import { repoRoot } from '../runtime/paths';
import { dropDatabase } from '../runtime/postgres-admin';
import { startTemporalDevServer } from '../runtime/temporal-dev-server';
import { onShutdown, spawnTracked } from '../runtime/shutdown';
import { provisionDatabase, type DatabaseRoles } from '../runtime/db-provision';
import { createDb } from '../runtime/db';
import { seedDemo } from '../scripts/demo-seed';
import { startHarnessCluster, temporalEngineOption, type TemporalEngine } from './temporal-engine';

/**
 * Roles of the bench databases, as `npm start` has them: the owner migrates, the API and workers connect as the
 * application role. Fixed passwords: roles are cluster-wide, and runs on one server must not change each other's.
 */
export const BENCH_DATABASE_ROLES: DatabaseRoles = {
  owner: { name: 'cg_bench_owner', password: 'cg_bench_owner' },
  app: { name: 'cg_bench_app', password: 'cg_bench_app' },
};

export interface BenchEnvironment {
  /** As the owner role: the harness's own loading, ANALYZE and checks. */
  databaseUrl: string;
  /** As the application role: what the API and the workers connect with (DATABASE_URL). */
  appDatabaseUrl: string;
  temporalAddress: string;
  /** `dev` (the CLI's dev server, or TEMPORAL_ADDRESS) or `cluster` (`--engine=cluster`, bench/temporal-engine.ts). */
  temporalEngine: TemporalEngine;
  taskQueue: string;
  apiUrl: string;
  api: ChildProcess;
  worker: ChildProcess;
  /** Every API process and worker in start order (`api`, `apiUrl` and `worker` are the first of each). */
  apis: { url: string; process: ChildProcess }[];
  workers: { process: ChildProcess; metricsUrl?: string }[];
  /** CPU time (ms) each part of the system has used so far: this process, API, worker, Temporal, PostgreSQL. */
  cpu(): Promise<CpuSnapshot>;
  /** The environment API and workers run with (to start another worker, e.g. after a crash). */
  processEnv: NodeJS.ProcessEnv;
  /** URL of the PostgreSQL server's maintenance database. */
  postgresServerUrl: string;
  /** Stops the Temporal dev server and starts it again on the same port and file (with `temporalDbFile` only). */
  restartTemporal?: (signal?: NodeJS.Signals) => Promise<void>;
  /** SIGKILLs one of the cluster's two history processes (cluster engine only). */
  killTemporalHistory?: () => Promise<{ pid: number; index: number }>;
  /** Stops the embedded PostgreSQL server and starts it again on the same port and data (embedded server only). */
  restartPostgres?: () => Promise<void>;
  close(): Promise<void>;
}

export interface EnvironmentOptions {
  /** API processes to start (default 1), each on its own port. */
  apis?: number;
  /** Worker processes on the same task queue (default 1). */
  workers?: number;
  /** Give each worker a `WORKER_METRICS_ADDRESS` (Prometheus at `workers[i].metricsUrl`). */
  workerMetrics?: boolean;
  /** A SQLite file for the Temporal dev server, so that a restart keeps the workflows (default: in memory). */
  temporalDbFile?: string;
  /** Extra variables for the API and worker processes. */
  env?: NodeJS.ProcessEnv;
  /** The Temporal engine; default from the command line (`--engine=cluster`), else the dev server. */
  engine?: TemporalEngine;
  /** Run the API and worker processes under `node --cpu-prof`; their profiles land here when they stop. */
  cpuProfileDir?: string;
  /** Extra node options for the API and worker processes (e.g. `--cpu-prof`, which NODE_OPTIONS does not take). */
  nodeArgs?: string[];
}

export type CpuSnapshot = Record<'bench' | 'api' | 'worker' | 'temporal' | 'postgres', number | null> & {
  /** Per server process of this database (pools open and close connections): `postgres` deltas are taken per process. */
  postgresByPid: Record<number, number>;
};

function spawnProcess(entry: string, env: NodeJS.ProcessEnv, options: EnvironmentOptions): ChildProcess {
  // Profiles are named CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: the pid tells API and worker apart.
  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const nodeArgs = [...profile, ...(options.nodeArgs ?? [])];
  const child = spawnTracked(path.basename(entry), process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    if (/error/i.test(d)) process.stderr.write(`[${path.basename(entry)}] ${d}`);
  });
  // pino writes to stdout: show its errors (level 50 and up), e.g. what a 500 was.
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (d: string) => {
    for (const line of d.split('\n'))
      if (/"level":(50|60)/.test(line)) process.stderr.write(`[${path.basename(entry)}] ${line.slice(0, 2000)}\n`);
  });
  return child;
}

async function waitReady(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null))
      throw new Error(`API at ${url} exited before it was ready`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`API at ${url} not ready`);
}

/**
 * A fresh database (on BENCH_DATABASE_URL's server, or an embedded server), a Temporal dev server (or
 * TEMPORAL_ADDRESS), and the product's own worker and API processes, exactly as `npm start` runs them.
 */
export async function startBenchEnvironment(
  log: (line: string) => void,
  options: EnvironmentOptions = {},
): Promise<BenchEnvironment> {
  const cleanups: (() => Promise<void>)[] = [];
  // On a signal (runtime/shutdown.ts), after the processes and servers registered later: the database goes too.
  const cleanUp = onShutdown('bench environment', async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });
  let serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let restartPostgres: BenchEnvironment['restartPostgres'];
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-'));
    fs.chmodSync(dir, 0o755);
    // Persistent, so that a restart keeps the data; the directory goes at the end.
    let server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), persistent: true });
    serverUrl = server.adminUrl;
    restartPostgres = async () => {
      await server.stop();
      server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: server.port, persistent: true });
    };
    cleanups.push(async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }
  const dbName = `cg_bench_${Date.now().toString(36)}`;
  cleanups.push(() => dropDatabase(serverUrl, dbName));
  const { ownerUrl: databaseUrl, appUrl: appDatabaseUrl } = await provisionDatabase(serverUrl, dbName, BENCH_DATABASE_ROLES);
  const db = createDb(databaseUrl, { poolSize: 2 });
  await db.$transaction((tx) => seedDemo(tx), { timeout: 300_000 }); // argon2 hashes: minutes on a busy host
  await db.$disconnect();
  log(`database ${dbName} migrated and seeded`);

  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let temporalPid: number | undefined;
  let temporalPids = () => [temporalPid];
  let restartTemporal: BenchEnvironment['restartTemporal'];
  let killTemporalHistory: BenchEnvironment['killTemporalHistory'];
  const temporalEngine = options.engine ?? temporalEngineOption();
  if (temporalEngine === 'cluster') {
    if (temporalAddress) throw new Error('--engine=cluster starts its own Temporal cluster: unset TEMPORAL_ADDRESS');
    const cluster = await startHarnessCluster(serverUrl, log);
    cleanups.push(() => cluster.stop());
    ({ address: temporalAddress, restart: restartTemporal, killHistory: killTemporalHistory, pids: temporalPids } = cluster);
  }
  if (!temporalAddress) {
    let temporal = await startTemporalDevServer({ dbFile: options.temporalDbFile });
    temporalAddress = temporal.address;
    temporalPid = temporal.process.pid;
    if (options.temporalDbFile) {
      const port = Number(temporal.address.split(':').pop());
      restartTemporal = async (signal = 'SIGTERM') => {
        const child = temporal.process;
        const exited = new Promise<void>((resolve) =>
          child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
        );
        if (signal === 'SIGTERM') await temporal.stop();
        else child.kill(signal);
        await exited;
        temporal = await startTemporalDevServer({ dbFile: options.temporalDbFile, port });
        temporalPid = temporal.process.pid;
      };
    }
    cleanups.push(() => temporal.stop());
  }
  // The server processes serving this database (the pools of API and worker): their CPU is the database's share.
  const admin = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  cleanups.push(() => admin.end());
  const taskQueue = `bench-${Date.now().toString(36)}`;
  const env = {
    ...process.env,
    DATABASE_URL: appDatabaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'warn',
    APP_MODE: 'production',
    ...options.env,
  };
  const workers: BenchEnvironment['workers'] = [];
  for (let i = 0; i < (options.workers ?? 1); i++) {
    const metricsUrl = options.workerMetrics ? `127.0.0.1:${await freePort()}` : undefined;
    workers.push({
      process: spawnProcess(
        'scripts/worker.ts',
        { ...env, ...(metricsUrl ? { WORKER_METRICS_ADDRESS: metricsUrl } : {}) },
        options,
      ),
      metricsUrl: metricsUrl && `http://${metricsUrl}/metrics`,
    });
  }
  const apis: BenchEnvironment['apis'] = [];
  for (let i = 0; i < (options.apis ?? 1); i++) {
    const port = await freePort();
    apis.push({
      url: `http://127.0.0.1:${port}`,
      process: spawnProcess('api/server.ts', { ...env, PORT: String(port) }, options),
    });
  }
  await Promise.all(apis.map((a) => waitReady(a.url, 600_000, a.process))); // slow only on a busy host; a crash fails at once
  const { url: apiUrl, process: api } = apis[0]!;
  const worker = workers[0]!.process;
  log(`API ${apis.map((a) => a.url).join(', ')}; ${workers.length} worker(s) on task queue ${taskQueue}`);
  const stop = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    });
  return {
    databaseUrl,
    appDatabaseUrl,
    temporalAddress,
    temporalEngine,
    taskQueue,
    apiUrl,
    api,
    worker,
    apis,
    workers,
    processEnv: env,
    postgresServerUrl: serverUrl,
    restartTemporal,
    killTemporalHistory,
    restartPostgres,
    async cpu() {
      const backends = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      const postgresByPid = Object.fromEntries(backends.rows.map((r) => [r.pid, cpuMs(r.pid) ?? 0]));
      const own = process.cpuUsage();
      return {
        bench: Math.round((own.user + own.system) / 1000),
        api: cpuMs(api.pid),
        worker: cpuMs(worker.pid),
        temporal: sumCpuMs(temporalPids()),
        postgres: null,
        postgresByPid,
      };
    },
    async close() {
      await Promise.all([...apis.map((a) => stop(a.process)), ...workers.map((w) => stop(w.process))]);
      await cleanUp.stop();
    },
  };
}

/** CPU time (user + system, ms) a process has used (Linux /proc; clock ticks of 10 ms). */
export function cpuMs(pid: number | undefined, statFile = `/proc/${pid}/stat`): number | null {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * CPU time (ms) of each thread of a process, summed by thread name (Linux /proc): the JavaScript main thread,
 * worker threads (the Temporal SDK runs workflows in one), the Temporal SDK core's runtime threads (`tokio-runtime-w`), V8's GC and compiler
 * helpers (`V8 DefaultWorke`), libuv's pool.
 */
export function threadCpuMs(pid: number | undefined): Record<string, number> {
  const byName: Record<string, number> = {};
  if (!pid) return byName;
  let tids: string[];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return byName;
  }
  for (const tid of tids) {
    try {
      const comm = fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      // Node names neither the main thread nor worker threads (e.g. the SDK's workflow thread): tell them apart.
      const name = comm === 'node' ? (Number(tid) === pid ? 'node (main)' : 'node (worker threads)') : comm;
      const ms = cpuMs(Number(tid), `/proc/${pid}/task/${tid}/stat`);
      if (ms !== null) byName[name] = (byName[name] ?? 0) + ms;
    } catch {
      // the thread ended
    }
  }
  return byName;
}

/** CPU time (ms) of several processes together (the cluster's services); null when one cannot be read. */
function sumCpuMs(pids: (number | undefined)[]): number | null {
  let sum = 0;
  for (const pid of pids) {
    const ms = cpuMs(pid);
    if (ms === null) return null;
    sum += ms;
  }
  return sum;
}

/** CPU ms per operation of each part between two snapshots, and in total. */
export function cpuPerOperation(before: CpuSnapshot, after: CpuSnapshot, operations: number): Record<string, number | null> {
  const round = (ms: number) => Math.round((ms / operations) * 100) / 100;
  const per: Record<string, number | null> = Object.fromEntries(
    (['bench', 'api', 'worker', 'temporal'] as const).map((k) => {
      const a = before[k];
      const b = after[k];
      return [k, a === null || b === null ? null : round(b - a)];
    }),
  );
  per.postgres = round(
    Object.entries(after.postgresByPid).reduce((sum, [pid, ms]) => sum + ms - (before.postgresByPid[Number(pid)] ?? 0), 0),
  );
  const total = Object.values(per).reduce<number>((sum, v) => sum + (v ?? 0), 0);
  return { ...per, total: Math.round(total * 100) / 100 };
}

/** Resident set size of a process in MiB (Linux /proc). */
export function rssMiB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return null;
  }
}
