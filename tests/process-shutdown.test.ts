import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../runtime/net';
import { repoRoot } from '../runtime/paths';
import { createMigratedDatabase, type TestDatabase } from './support/test-database';
import {
  killLeftovers,
  listeningPorts,
  processTree,
  stillListening,
  stillRunning,
  type ProcessInfo,
} from './support/process-tree';

/**
 * Each entry point is started as a user starts it (`npm start`, `npm run …`, through npm), on fresh ports, and stopped
 * by one signal to the outermost process (npm), as a terminal's Ctrl-C, a process manager or `docker stop` sends it.
 * Before the signal the test collects the process tree from /proc and the ports it listens on; afterwards none of
 * those processes runs and none of those ports listens, and the entry point printed "stopped".
 *
 * Which combinations run (each entry point costs 15–50 s on this machine): `npm start` by Ctrl-C in its terminal
 * (SIGINT to npm's whole process group), by SIGTERM to npm, by SIGINT to its own node process and with npm killed, on
 * the same ports each time; `npm run api` and `npm run worker` by SIGINT and by SIGTERM (side by side). The harnesses
 * share one environment (bench/environment.ts) and one shutdown path, so the bench runs by SIGINT, scale-out (through
 * reliability/environment.ts: two APIs, two workers with metrics endpoints) by SIGTERM and chaos (Temporal on a file,
 * its workflow bundle) by a hangup of its terminal, each signalled as soon as its environment is up.
 * SHUTDOWN_TEST_ALL=true runs bench, scale-out, chaos and races by both signals (fuzz needs schemathesis installed).
 */

type Signal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

interface EntryPoint {
  /** npm arguments, e.g. ['start'] or ['run', 'bench', '--', '--quick']. */
  npm: string[];
  env: () => Promise<NodeJS.ProcessEnv>;
  /** Output that says it is up (the environment of a harness, the banner of `npm start`). */
  ready: RegExp;
  /** What it prints once everything it started has stopped. */
  stopped: RegExp;
  /** Commands that must be among the processes stopped: the test proves nothing if they never started. */
  expectProcesses: RegExp[];
}

const STARTUP_TIMEOUT_MS = 150_000;

/** The environment of every entry point: no server configured, so each starts its own. */
function baseEnv(changes: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...changes };
  for (const name of ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEST_DATABASE_URL', 'BENCH_DATABASE_URL'])
    if (!(name in changes)) delete env[name];
  // npm's own variables of the jest run (npm_lifecycle_event …) are npm's to set for the child.
  for (const name of Object.keys(env)) if (name.startsWith('npm_')) delete env[name];
  return env;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-shutdown-'));
fs.chmodSync(dataDir, 0o755); // the embedded server runs as the `postgres` user when we are root
/** The database of `npm run api` and `npm run worker`, made at first use (their tests run concurrently). */
let database: Promise<TestDatabase> | undefined;
const databaseUrl = async () => (await (database ??= createMigratedDatabase())).url;
/** The ports of `npm start`, the same for each of its runs: a run that left a server behind fails the next one. */
let startPorts: Record<'PORT' | 'EMBEDDED_PG_PORT' | 'TEMPORAL_DEV_PORT' | 'TEMPORAL_DEV_UI_PORT', string>;

const npmStart: EntryPoint = {
  npm: ['start'],
  // One data directory, so that only the first start initialises PostgreSQL and migrates.
  env: async () =>
    baseEnv({
      DATA_DIR: dataDir,
      ...startPorts,
      APP_MODE: 'production', // no demo seed: its password hashes take long on a busy host
      WORKFLOW_BUNDLE_PATH: process.env.TEST_WORKFLOW_BUNDLE,
    }),
  ready: /press Ctrl-C to stop/,
  stopped: /\[start\] stopped/,
  expectProcesses: [
    /scripts\/start\.ts/,
    /bin\/postgres /,
    /temporal server start-dev/,
    /scripts\/worker\.ts/,
    /api\/server\.ts/,
  ],
};

const npmApi: EntryPoint = {
  npm: ['run', 'api'],
  env: async () =>
    baseEnv({
      DATABASE_URL: await databaseUrl(),
      TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS,
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    }),
  ready: /Server listening/,
  stopped: /"msg":"stopped"/,
  expectProcesses: [/api\/server\.ts/],
};

const npmWorker: EntryPoint = {
  npm: ['run', 'worker'],
  env: async () =>
    baseEnv({
      DATABASE_URL: await databaseUrl(),
      TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS,
      TEMPORAL_TASK_QUEUE: `shutdown-${Date.now().toString(36)}`,
      WORKFLOW_BUNDLE_PATH: process.env.TEST_WORKFLOW_BUNDLE,
      WORKER_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
    }),
  ready: /worker polling task queue/,
  stopped: /^stopped$/m,
  expectProcesses: [/scripts\/worker\.ts/],
};

/** A harness, signalled as soon as its environment (database, Temporal dev server, API and worker processes) is up. */
function harness(name: string, args: string[], logName: string): EntryPoint {
  return {
    npm: ['run', name, '--', ...args],
    env: async () => baseEnv({}),
    ready: /worker\(s\) on task queue/,
    stopped: new RegExp(`\\[${logName}[^\\]]*\\] stopped`),
    expectProcesses: [/bin\/postgres /, /temporal server start-dev/, /scripts\/worker\.ts/, /api\/server\.ts/],
  };
}
const bench = harness('bench', ['--quick'], 'bench');
const scaleOut = harness('scale-out', ['--quick'], 'scale-out');
const chaos = harness('chaos', ['--quick'], 'chaos');
const races = harness('races', ['--quick'], 'races');

/** Starts the entry point through npm; `outputMatches` waits for a line of its output (stdout and stderr). */
async function startEntryPoint(entry: EntryPoint) {
  // In its own process group, as in a terminal: a signal to the group is what Ctrl-C or a hangup sends.
  const child = spawn('npm', entry.npm, {
    cwd: repoRoot,
    env: await entry.env(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const waiters = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      for (const check of waiters) check();
    });
  // Exited, and so has every process that still wrote to its output (its script's node process outlives a killed npm).
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const outputMatches = (pattern: RegExp, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const fail = (why: string) => () => {
        waiters.delete(check);
        reject(new Error(`${pattern} ${why}; its output ends:\n${output.slice(-3000)}`));
      };
      const timer = setTimeout(fail(`not printed within ${timeoutMs} ms`), timeoutMs);
      const check = () => {
        if (!pattern.test(output)) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      waiters.add(check);
      // Streams end after the exit: what it printed last still counts.
      void exited.then(() => setTimeout(fail('not printed before it exited'), 500));
      check();
    });
  return { child, exited, outputMatches, output: () => output };
}

/**
 * Where the signal goes: npm (a process manager, `docker stop`), its script's node process, or npm's whole process
 * group (Ctrl-C or a hangup in a terminal: every process of the group gets it, and npm passes it on once more).
 */
type Target = 'npm' | 'node' | 'terminal';

async function stopsEverything(entry: EntryPoint, signal: Signal | 'SIGKILL', target: Target = 'npm'): Promise<void> {
  const started = await startEntryPoint(entry);
  const { child } = started;
  let tree: ProcessInfo[] = [];
  try {
    await started.outputMatches(entry.ready, STARTUP_TIMEOUT_MS);
    tree = processTree(child.pid!);
    const ports = listeningPorts(tree);
    for (const pattern of entry.expectProcesses)
      expect(tree.map((p) => p.command)).toContainEqual(expect.stringMatching(pattern));
    expect(ports.length).toBeGreaterThan(0);

    // The first node process under npm: the script's own (the case of a signal to "its own node process").
    const node = tree.find((p) => p.pid !== child.pid && /^(\S*\/)?node /.test(p.command))!;
    process.kill({ npm: child.pid!, node: node.pid, terminal: -child.pid! }[target], signal);
    await started.outputMatches(entry.stopped, 90_000);
    const exit = await Promise.race([
      started.exited,
      new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 30_000)),
    ]);
    expect(exit).not.toBe('still running');

    // What it started is gone at once (a few seconds for the kernel to close the last sockets).
    const deadline = Date.now() + 5_000;
    while ((stillRunning(tree).length > 0 || stillListening(ports).length > 0) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(stillRunning(tree).map((p) => `${p.pid} ${p.command}`)).toEqual([]);
    expect(stillListening(ports)).toEqual([]);
    // One stop, in order: not a forced one (Ctrl-C reaches the script twice, from the terminal and from npm).
    expect(started.output()).not.toMatch(/stopped \(forced\)|did not stop within/);
  } finally {
    killLeftovers(tree.length > 0 ? tree : processTree(child.pid!));
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

const all = process.env.SHUTDOWN_TEST_ALL === 'true';
const harnessCases: [string, Signal, Target, EntryPoint][] = all
  ? [bench, scaleOut, chaos, races].flatMap((h) =>
      (['SIGINT', 'SIGTERM'] as const).map((s): [string, Signal, Target, EntryPoint] => [
        h.npm.slice(0, 2).join(' '),
        s,
        'npm',
        h,
      ]),
    )
  : [
      ['run bench', 'SIGINT', 'npm', bench],
      ['run scale-out', 'SIGTERM', 'npm', scaleOut],
      ['run chaos', 'SIGHUP', 'terminal', chaos],
    ];

describe('every entry point stops all it started on SIGINT and on SIGTERM', () => {
  beforeAll(async () => {
    startPorts = {
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      TEMPORAL_DEV_PORT: String(await freePort()),
      TEMPORAL_DEV_UI_PORT: String(await freePort()),
    };
  });
  afterAll(async () => {
    await (await database)?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['Ctrl-C in its terminal (SIGINT to npm and all its process group)', 'SIGINT', 'terminal'],
    ['SIGTERM to npm (a process manager, docker stop)', 'SIGTERM', 'npm'],
    ['SIGINT to its own node process', 'SIGINT', 'node'],
    ['SIGKILL to npm (npm killed: the script stops when its parent is gone)', 'SIGKILL', 'npm'],
  ] as const)(
    'npm start stopped by %s: no process, no port left, and it starts again on the same ports',
    async (_how, signal, target) => stopsEverything(npmStart, signal, target),
    STARTUP_TIMEOUT_MS + 120_000,
  );

  // Cheap and independent: side by side.
  it.concurrent.each([
    ['run api', 'SIGINT', npmApi],
    ['run api', 'SIGTERM', npmApi],
    ['run worker', 'SIGINT', npmWorker],
    ['run worker', 'SIGTERM', npmWorker],
  ] as const)(
    'npm %s stopped by %s: no process, no port left',
    async (_name, signal, entry) => stopsEverything(entry, signal),
    STARTUP_TIMEOUT_MS + 60_000,
  );

  it.each(harnessCases)(
    'npm %s interrupted by %s (to %s) once its environment is up: no process, no port left',
    async (_name, signal, target, entry) => stopsEverything(entry, signal, target),
    STARTUP_TIMEOUT_MS + 120_000,
  );
});
