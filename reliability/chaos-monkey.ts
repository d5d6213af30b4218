import { execFile, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { repoRoot } from '../runtime/paths';
import { spawnTracked } from '../runtime/shutdown';
import type { BenchEnvironment } from '../bench/environment';

const run = promisify(execFile);

export interface ChaosCounts {
  workerKills: number;
  workerStarts: number;
  temporalRestarts: number;
  postgresRestarts: number;
  /** History processes SIGKILLed (cluster engine only; the other history process takes over their shards). */
  historyKills: number;
  /** Seconds each server restart kept the server away. */
  outagesSeconds: Record<string, number>;
}

/**
 * Kills the worker with SIGKILL at random moments and starts a new one at once: a random 5–15 s (by default) after
 * the new worker polls and once the cases have moved on since the last kill (so that a slow machine still makes progress between kills);
 * on request restarts the Temporal dev server (same SQLite file) or cluster (same databases), SIGKILLs one history
 * process of the cluster, and restarts PostgreSQL (the system cluster through
 * `pg_ctlcluster`, or the embedded server).
 */
export class ChaosMonkey {
  readonly counts: ChaosCounts = {
    workerKills: 0,
    workerStarts: 0,
    temporalRestarts: 0,
    postgresRestarts: 0,
    historyKills: 0,
    outagesSeconds: {},
  };
  private worker: ChildProcess;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly env: BenchEnvironment,
    private readonly log: (line: string) => void,
    /** A number that grows as the cases move on (e.g. completions answered); a kill waits until it grew. */
    private readonly progress: () => number,
    private readonly intervalMs: [number, number] = [2_000, 8_000],
  ) {
    this.worker = env.worker;
  }

  start(): void {
    this.running = true;
    this.loop = this.killLoop();
  }

  /** Stops killing and leaves one live worker (for the cases still settling and the checks). */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    if (this.worker.exitCode !== null || this.worker.signalCode !== null) await this.startWorker();
  }

  /** Stops the last worker (the environment stops the first one it started). */
  async close(): Promise<void> {
    if (this.worker === this.env.worker || this.worker.exitCode !== null || this.worker.signalCode !== null) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.kill('SIGTERM');
    await exited;
  }

  private async killLoop(): Promise<void> {
    while (this.running) {
      const progressAtStart = this.progress();
      const wait = this.intervalMs[0] + Math.random() * (this.intervalMs[1] - this.intervalMs[0]);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, wait).unref();
      });
      while (this.running && this.progress() === progressAtStart)
        await new Promise<void>((resolve) => setTimeout(resolve, 200).unref());
      if (!this.running) break;
      const victim = this.worker;
      const exited = new Promise((resolve) =>
        victim.exitCode !== null || victim.signalCode !== null ? resolve(null) : victim.once('exit', resolve),
      );
      victim.kill('SIGKILL');
      await exited;
      this.counts.workerKills += 1;
      await this.startWorker();
    }
  }

  /** Starts a worker process and waits until it polls (or gives up waiting after 60 s; the next kill replaces it). */
  private async startWorker(): Promise<void> {
    const child = spawnTracked('worker', process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
      cwd: repoRoot,
      env: this.env.processEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.worker = child;
    this.counts.workerStarts += 1;
    const { stdout, stderr } = child as ChildProcessWithoutNullStreams; // piped above
    stderr.setEncoding('utf8');
    stderr.on('data', (d: string) => {
      if (/worker failed|fatal/i.test(d)) this.log(`worker: ${d.trim().slice(0, 300)}`);
    });
    stdout.setEncoding('utf8');
    await Promise.race([
      new Promise<void>((resolve) => stdout.on('data', (d: string) => d.includes('worker polling') && resolve())),
      new Promise<void>((resolve) => child.once('exit', () => resolve())),
      sleep(60_000),
    ]);
  }

  /** Restarts the Temporal dev server on the same port and SQLite file, or every process of the cluster. */
  async restartTemporal(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.env.restartTemporal) throw new Error('the Temporal server is not one this harness started with a file');
    const began = Date.now();
    await this.env.restartTemporal(signal);
    this.counts.temporalRestarts += 1;
    this.counts.outagesSeconds.temporal = (Date.now() - began) / 1000;
    this.log(
      `Temporal ${this.env.temporalEngine === 'cluster' ? 'cluster' : 'dev server'} restarted (${signal}) in ${this.counts.outagesSeconds.temporal} s`,
    );
  }

  /** SIGKILLs one of the Temporal cluster's two history processes and leaves it dead (cluster engine only). */
  async killTemporalHistory(): Promise<void> {
    if (!this.env.killTemporalHistory) throw new Error('no Temporal cluster: history processes exist only with --engine=cluster');
    const { pid, index } = await this.env.killTemporalHistory();
    this.counts.historyKills += 1;
    this.log(`Temporal history process ${index} (pid ${pid}) SIGKILLed; the other history process carries on`);
  }

  /** Restarts PostgreSQL: the embedded server, or the system cluster serving the database's port. */
  async restartPostgres(): Promise<void> {
    const began = Date.now();
    if (this.env.restartPostgres) {
      await this.env.restartPostgres();
    } else {
      const cluster = await systemCluster(this.env.postgresServerUrl);
      if (!cluster)
        throw new Error(
          `cannot restart ${new URL(this.env.postgresServerUrl).host}: not an embedded server nor a local pg_ctlcluster cluster`,
        );
      await run('pg_ctlcluster', [cluster.version, cluster.name, 'restart', '-m', 'fast']);
    }
    this.counts.postgresRestarts += 1;
    this.counts.outagesSeconds.postgres = (Date.now() - began) / 1000;
    this.log(`PostgreSQL restarted in ${this.counts.outagesSeconds.postgres} s`);
  }
}

/** The local Debian cluster (pg_lsclusters) listening on the URL's port, if the URL is a loopback address. */
export async function systemCluster(serverUrl: string): Promise<{ version: string; name: string } | null> {
  const url = new URL(serverUrl);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname)) return null;
  const port = url.port || '5432';
  try {
    const { stdout } = await run('pg_lsclusters', ['-h']);
    const line = stdout
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .find((f) => f[2] === port && f[3] === 'online');
    return line ? { version: line[0]!, name: line[1]! } : null;
  } catch {
    return null;
  }
}
