import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../runtime/embedded-postgres';
import { freePort } from '../runtime/net';
import { repoRoot } from '../runtime/paths';
import { createDatabase, dropDatabase } from '../runtime/postgres-admin';
import { startTemporalDevServer } from '../runtime/temporal-dev-server';
import { applyMigrations } from '../prisma/engine';
import { createDb } from '../runtime/db';
import { seedDemo } from '../scripts/demo-seed';

export interface BenchEnvironment {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  apiUrl: string;
  api: ChildProcess;
  worker: ChildProcess;
  close(): Promise<void>;
}

function spawnProcess(entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    if (/error/i.test(d)) process.stderr.write(`[${path.basename(entry)}] ${d}`);
  });
  return child;
}

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
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
export async function startBenchEnvironment(log: (line: string) => void): Promise<BenchEnvironment> {
  const cleanups: (() => Promise<void>)[] = [];
  let serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-'));
    fs.chmodSync(dir, 0o755);
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), persistent: false });
    serverUrl = pg.adminUrl;
    cleanups.push(async () => {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }
  const dbName = `cg_bench_${Date.now().toString(36)}`;
  const databaseUrl = await createDatabase(serverUrl, dbName);
  cleanups.push(() => dropDatabase(serverUrl, dbName));
  await applyMigrations(databaseUrl);
  const db = createDb(databaseUrl, { poolSize: 2 });
  await db.$transaction((tx) => seedDemo(tx), { timeout: 60_000 });
  await db.$disconnect();
  log(`database ${dbName} migrated and seeded`);

  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    const temporal = await startTemporalDevServer({});
    temporalAddress = temporal.address;
    cleanups.push(() => temporal.stop());
  }
  const taskQueue = `bench-${Date.now().toString(36)}`;
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, TEMPORAL_TASK_QUEUE: taskQueue, PORT: String(port), LOG_LEVEL: 'warn', APP_MODE: 'production' };
  const worker = spawnProcess('scripts/worker.ts', env);
  const api = spawnProcess('api/server.ts', env);
  const apiUrl = `http://127.0.0.1:${port}`;
  await waitReady(apiUrl, 120_000);
  log(`API ${apiUrl}, worker on task queue ${taskQueue}`);
  const stop = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    });
  return {
    databaseUrl,
    temporalAddress,
    taskQueue,
    apiUrl,
    api,
    worker,
    async close() {
      await Promise.all([stop(api), stop(worker)]);
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    },
  };
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
