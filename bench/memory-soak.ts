// The worker's memory under a steady stream of migrant applications (issue 19, item 3):
//   node --import tsx bench/memory-soak.ts --rate 5 --minutes 10 [--label after] [--env WORKER_MAX_CACHED_WORKFLOWS=2310]
//                                          [--snapshots 60,480]
// Offers `rate` applications per second (each its own migrant-eligibility workflow, which then waits for the
// committee) for `minutes`, samples the API's and the worker's memory and the worker's cached workflows every 5 s
// (bench/process-memory.ts), and with --snapshots writes worker heap snapshots at those seconds (to .data/heap/).
// Adds its run under `label` to bench/results/<date>-s20-memory.json.
import fs from 'node:fs';
import path from 'node:path';
import { Runtime } from '@temporalio/worker';
import pg from 'pg';
import { errorsOnlyLogger } from '../runtime/errors-only-logger';
import { repoRoot } from '../runtime/paths';
import { exitAfterStopping, installShutdown } from '../runtime/shutdown';
import { startBenchEnvironment } from './environment';
import { migrantApplication, prepareMigrantSoak } from './migrant-soak';
import { sampleProcessMemory } from './process-memory';
import { latencyStats } from './stats';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const rate = Number(option('--rate') ?? 5);
const minutes = Number(option('--minutes') ?? 10);
const label = option('--label') ?? 'run';
const snapshotOption = (option('--snapshots') ?? '').split(',').filter(Boolean);
/** Seconds into the soak, and `end`: after the last sample (the snapshot does not disturb the measurement). */
const snapshotSeconds = snapshotOption.filter((s) => s !== 'end').map(Number);
const snapshotAtEnd = snapshotOption.includes('end');
const workerEnv = Object.fromEntries(
  args.flatMap((a, i) => (args[i - 1] === '--env' ? [[a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] as const] : [])),
);
const log = (line: string) => process.stderr.write(`[memory-soak] ${line}\n`);

async function main(): Promise<void> {
  installShutdown({ log });
  Runtime.install({ logger: errorsOnlyLogger((m) => log(m)), shutdownSignals: [] });
  const heapDir = path.join(repoRoot, '.data', 'heap', label);
  if (snapshotOption.length) fs.mkdirSync(heapDir, { recursive: true });
  const env = await startBenchEnvironment(log, {
    workerMetrics: true,
    env: {
      ...(snapshotOption.length ? { NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${heapDir}` } : {}),
      ...workerEnv,
    },
  });
  try {
    const seconds = Math.round(minutes * 60);
    log(`preparing ${rate * seconds} applicants…`);
    const soak = await prepareMigrantSoak(env.apiUrl, env.databaseUrl, { communities: 10 });
    const applicants = await soak.applicants(rate * seconds);
    const cpuStart = await env.cpu();
    const memory = sampleProcessMemory({ api: env.api, worker: env.worker, workerMetricsUrl: env.workers[0]!.metricsUrl });
    const latencies: number[] = [];
    const errorSamples: string[] = [];
    let errors = 0;
    const inflight: Promise<void>[] = [];
    const started = performance.now();
    const pendingSnapshots = [...snapshotSeconds];
    for (let n = 0; n < rate * seconds; n++) {
      const { session, electionId } = applicants[n]!;
      const t = performance.now();
      inflight.push(
        session.request('POST', `/api/v1/elections/${electionId}/applications`, migrantApplication(n)).then(
          () => void latencies.push(performance.now() - t),
          (error: unknown) => {
            errors += 1;
            if (errorSamples.length < 5) errorSamples.push(error instanceof Error ? error.message.slice(0, 300) : String(error));
          },
        ),
      );
      if (pendingSnapshots.length && (performance.now() - started) / 1000 >= pendingSnapshots[0]!) {
        log(`heap snapshot at ${pendingSnapshots.shift()} s`);
        env.worker.kill('SIGUSR2');
      }
      if (n % (rate * 60) === 0) {
        const last = memory.samples[memory.samples.length - 1];
        log(`${Math.round((performance.now() - started) / 1000)} s: ${n} offered, ${errors} errors; ${JSON.stringify(last)}`);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, started + ((n + 1) * 1000) / rate - performance.now())));
    }
    await Promise.all(inflight);
    const drainedSeconds = (performance.now() - started) / 1000;
    const processMemory = await memory.stop();
    const cpuEnd = await env.cpu();
    // Applications whose workflow reached the committee's task (answered in time or not: a 503 leaves it running).
    const pool = new pg.Pool({ connectionString: env.databaseUrl, max: 1 });
    const waiting = Number(
      (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM task WHERE kind = 'election.migrant-decision'`)).rows[0]!.n,
    );
    await pool.end();
    if (snapshotAtEnd) await heapSnapshot(env.worker, heapDir);
    const run = {
      at: new Date().toISOString(),
      load: `${rate} migrant applications per second for ${seconds} s (10 elections in registration; each application its own workflow, left waiting for the committee)`,
      workerEnv,
      requests: rate * seconds,
      errors,
      ...(errors ? { errorSamples } : {}),
      workflowsWaitingForCommittee: waiting,
      drainedSeconds: Math.round(drainedSeconds),
      latency: latencyStats(latencies),
      workerCpuMsPerApplication: Math.round((((cpuEnd.worker ?? 0) - (cpuStart.worker ?? 0)) / (rate * seconds)) * 100) / 100,
      processMemory,
    };
    process.stdout.write(`${JSON.stringify({ label, ...run, processMemory: { ...processMemory, samples: undefined } })}\n`);
    const file = path.join(__dirname, 'results', `${new Date().toISOString().slice(0, 10)}-s20-memory.json`);
    const all = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    fs.writeFileSync(file, `${JSON.stringify({ ...all, [label]: run }, null, 2)}\n`);
    log(`written to ${path.relative(process.cwd(), file)} under "${label}"`);
  } finally {
    await env.close();
  }
}

/** Signals the worker to write a heap snapshot and waits until the file stops growing. */
async function heapSnapshot(worker: { kill(signal: NodeJS.Signals): boolean }, dir: string): Promise<void> {
  const before = new Set(fs.readdirSync(dir));
  log('heap snapshot at the end');
  worker.kill('SIGUSR2');
  let size = -1;
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 3_000));
    const file = fs.readdirSync(dir).find((f) => !before.has(f));
    if (!file) continue;
    const now = fs.statSync(path.join(dir, file)).size;
    if (now > 0 && now === size) return;
    size = now;
  }
}

main().then(
  () => exitAfterStopping(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return exitAfterStopping(1);
  },
);
