import { type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { ensureTemporalCli } from './temporal-cli';
import { freePort, isPortOpen } from './net';
import { spawnTracked, stopTracked } from './shutdown';

/**
 * Dynamic config the product runs Temporal with (the dev server here; the cluster takes it too,
 * runtime/temporal-cluster.ts). `system.enableActivityEagerExecution` (server default false): an activity a
 * workflow task schedules comes back to the worker in the answer to that task's completion, instead of a trip
 * through matching and an activity poll. The step's writes (`applyWrites`) still start only once the workflow task
 * that decided them, with the Update's acceptance, is in the history.
 */
export const TEMPORAL_DYNAMIC_CONFIG: Record<string, string | number | boolean> = {
  'system.enableActivityEagerExecution': true,
};

export interface TemporalDevServerOptions {
  /** SQLite file that keeps workflows between restarts; omitted = in memory (tests). */
  dbFile?: string;
  /** gRPC port; 0 or omitted = a free port. */
  port?: number;
  /** Web UI port; omitted = no UI. */
  uiPort?: number;
  namespace?: string;
  /** Dynamic config values (`--dynamic-config-value KEY=JSON`), e.g. lowered per-execution limits in a test. */
  dynamicConfig?: Record<string, string | number | boolean>;
  onLog?: (line: string) => void;
}

export interface TemporalDevServer {
  address: string;
  uiUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

async function waitUntilServing(address: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Temporal dev server exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.healthService.check({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`Temporal dev server at ${address} not ready after ${timeoutMs} ms: ${String(lastError)}`);
}

/** Runs `temporal server start-dev` as a child process and waits until it serves gRPC. */
export async function startTemporalDevServer(options: TemporalDevServerOptions = {}): Promise<TemporalDevServer> {
  const binary = ensureTemporalCli(options.onLog);
  const port = options.port || (await freePort());
  if (await isPortOpen(port)) throw new Error(`Port ${port} is already in use; set TEMPORAL_ADDRESS to use that server`);
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port)];
  args.push('--namespace', options.namespace ?? 'default', '--log-level', 'warn', '--log-format', 'pretty');
  if (options.dbFile) {
    fs.mkdirSync(path.dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  for (const [key, value] of Object.entries({ ...TEMPORAL_DYNAMIC_CONFIG, ...options.dynamicConfig }))
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  // Registered for shutdown: stopped when the process that started it stops, even by a signal.
  const child = spawnTracked('Temporal dev server', binary, args, { stdio: ['ignore', 'pipe', 'pipe'], graceMs: 10_000 });
  const log = options.onLog ?? (() => undefined);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) =>
      chunk
        .split('\n')
        .filter(Boolean)
        .forEach((l) => log(l)),
    );
  }
  const address = `127.0.0.1:${port}`;
  try {
    await waitUntilServing(address, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    await stopTracked(child);
    throw error;
  }
  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    process: child,
    stop: () => stopTracked(child),
  };
}
