// `npm run bench`: the task path measured against the engine's own floor, in one run on this machine.
// Options: --engine=cluster (a real Temporal cluster instead of the dev server), --quick (small sizes; CI proves it
// completes), --scenario <floor|starts|completion|inbox|soak|big-community>[,…] (also --scenario=…),
// --duration <minutes> (soak's sustained regime; default 2, at most 10), --rate <n> (soak: hold n applications/s instead
// of finding the sustainable rate), --ladder <r1,r2,…> (soak: the rates tried), --overload-factor <f> (default 3),
// --overload-seconds <s> (default 60; quick 10), --cpu-prof <dir> (API and worker under `node --cpu-prof`; the
// completion scenario then reports its time windows for bench/profile-summary.ts). Prints one JSON object per scenario,
// then a summary table;
// writes everything to bench/results/<date>.json.
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { DEMO_PASSWORD } from '../scripts/demo-seed';
import { cpuPerOperation, startBenchEnvironment, threadCpuMs } from './environment';
import { floorWorkflow, pingUpdate, stopUpdate } from './floor-workflow';
import { HttpSession } from './http-session';
import { inboxAtScale, primaryKeyLookups } from './inbox-scale';
import { migrantSoak, type SoakReport } from './soak';
import { bigCommunityScenario, bigCommunityWorkerEnv } from './big-community-scenario';
import { type latencyStats, ratio, runConcurrent } from './stats';
import { sampleProcessMemory } from './process-memory';
import { errorsOnlyLogger } from '../runtime/errors-only-logger';
import { exitAfterStopping, installShutdown } from '../runtime/shutdown';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const scenarios = new Set((option('--scenario') ?? 'floor,starts,completion,inbox,soak,big-community').split(','));
const cpuProfileDir = option('--cpu-prof');
const numberOption = (name: string) => (option(name) === undefined ? undefined : Number(option(name)));
const soakMinutes = Math.min(10, Number(option('--duration') ?? (quick ? 0.25 : 2)));
const sizes = quick
  ? { updates: 100, starts: 40, cases: 1_000, inboxRepetitions: 10, pkRepetitions: 200 }
  : { updates: 1_000, starts: 400, cases: 100_000, inboxRepetitions: 50, pkRepetitions: 2_000 };

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const results: Record<string, unknown> = {};
function report(name: string, value: Record<string, unknown>) {
  results[name] = value;
  process.stdout.write(`${JSON.stringify({ scenario: name, ...value })}\n`);
}

async function main(): Promise<void> {
  // Interrupted (Ctrl-C, SIGTERM, SIGHUP) or failed: the Temporal dev server, PostgreSQL, API and worker stop too.
  installShutdown({ log });
  Runtime.install({
    logger: errorsOnlyLogger((m) => log(m)),
    shutdownSignals: [],
  });
  // big-community runs a whole election: on the reliability harnesses' calendar of seconds (no other scenario goes past registration).
  const env = await startBenchEnvironment(log, {
    ...(scenarios.has('big-community') ? { env: bigCommunityWorkerEnv(quick) } : {}),
    ...(cpuProfileDir ? { cpuProfileDir: path.resolve(cpuProfileDir) } : {}),
    // The worker's memory and cached workflows for the soak's report (bench/process-memory.ts).
    workerMetrics: scenarios.has('soak'),
  });
  const connection = await Connection.connect({ address: env.temporalAddress });
  const client = new Client({ connection });
  const native = await NativeConnection.connect({ address: env.temporalAddress });
  const floorQueue = `${env.taskQueue}-floor`;
  const floorWorker = await Worker.create({
    connection: native,
    taskQueue: floorQueue,
    workflowsPath: require.resolve('./floor-workflow'),
  });
  const floorRun = floorWorker.run();
  try {
    const session = await HttpSession.signIn(env.apiUrl, 'township.official', DEMO_PASSWORD);
    const floor: Record<
      string,
      ReturnType<typeof latencyStats> & { throughputPerSec: number; cpuMsPerOperation?: Record<string, number | null> }
    > = {};

    if (scenarios.has('floor') || scenarios.has('completion') || scenarios.has('starts')) {
      const handles = await Promise.all(
        Array.from({ length: 32 }, (_, i) =>
          client.workflow.start(floorWorkflow, { taskQueue: floorQueue, workflowId: `floor-${env.taskQueue}-${i}` }),
        ),
      );
      for (const c of [1, 32]) {
        const before = await env.cpu();
        const stats = await runConcurrent(
          sizes.updates,
          c,
          async (i) => void (await handles[i % c]!.executeUpdate(pingUpdate, { args: [i] })),
        );
        floor[`update c=${c}`] = { ...stats, cpuMsPerOperation: cpuPerOperation(before, await env.cpu(), sizes.updates) };
      }
      for (const c of [1, 32]) {
        const before = await env.cpu();
        const stats = await runConcurrent(sizes.starts, c, async (i) => {
          await client.workflow.start(floorWorkflow, {
            taskQueue: floorQueue,
            workflowId: `floor-start-${env.taskQueue}-${c}-${i}`,
          });
        });
        floor[`start c=${c}`] = { ...stats, cpuMsPerOperation: cpuPerOperation(before, await env.cpu(), sizes.starts) };
      }
      await Promise.all(handles.map((h) => h.executeUpdate(stopUpdate)));
      report('floor', { temporal: floor });
    }

    const taskIds: string[] = [];
    if (scenarios.has('starts') || scenarios.has('completion')) {
      const starts: Record<string, unknown> = {};
      for (const c of [1, 32]) {
        const before = await env.cpu();
        const stats = await runConcurrent(sizes.starts, c, async (i) => {
          const created = await session.request<{ id: string }>('POST', '/api/v1/smoke-cases', { title: `压测 ${c}-${i}` });
          taskIds.push(created.id);
        });
        const cpu = cpuPerOperation(before, await env.cpu(), sizes.starts);
        const bare = floor[`start c=${c}`]!;
        starts[`c=${c}`] = {
          ...stats,
          // Where the time goes: CPU per case start of each process, against a bare workflow start's.
          cpuMsPerOperation: cpu,
          cpuRatioToBareStarts: ratio(cpu.total ?? 0, bare.cpuMsPerOperation?.total ?? 0),
          throughputRatioToBareStarts: ratio(stats.throughputPerSec, bare.throughputPerSec),
          p99RatioToBareStarts: ratio(stats.p99, bare.p99),
        };
      }
      report('case-starts-http', starts);
    }

    if (scenarios.has('completion')) {
      const pool = new (await import('pg')).default.Pool({ connectionString: env.databaseUrl, max: 1 });
      const tasks = (
        await pool.query<{ id: string }>(`SELECT t.id FROM task t WHERE t.status = 'OPEN' AND t.kind = 'smoke.confirm'`)
      ).rows.map((r) => r.id);
      await pool.end();
      const completion: Record<string, unknown> = {};
      let offset = 0;
      for (const c of [1, 32]) {
        const n = Math.floor(tasks.length / 2);
        const slice = tasks.slice(offset, offset + n);
        offset += n;
        const before = await env.cpu();
        const threadsBefore = { api: threadCpuMs(env.api.pid), worker: threadCpuMs(env.worker.pid) };
        const fromUs = process.hrtime.bigint() / 1000n;
        const stats = await runConcurrent(slice.length, c, async (i) => {
          await session.request('POST', `/api/v1/tasks/${slice[i]}/complete`, { payload: { decision: 'approve' } });
        });
        const toUs = process.hrtime.bigint() / 1000n;
        const cpu = cpuPerOperation(before, await env.cpu(), slice.length);
        // Per thread of the API and the worker (JS main thread, workflow threads, SDK core, GC): ms per completion.
        const perThread = (name: 'api' | 'worker', pid: number | undefined): Record<string, number> => {
          const per: Record<string, number> = {};
          for (const [thread, ms] of Object.entries(threadCpuMs(pid))) {
            const delta = Math.round(((ms - (threadsBefore[name][thread] ?? 0)) / slice.length) * 100) / 100;
            if (delta > 0) per[thread] = delta;
          }
          return per;
        };
        const threads = { api: perThread('api', env.api.pid), worker: perThread('worker', env.worker.pid) };
        const f = floor[`update c=${c}`]!;
        completion[`c=${c}`] = {
          ...stats,
          // Where the time goes: CPU per completion of each process, against a bare Update's.
          cpuMsPerOperation: cpu,
          cpuMsPerOperationByThread: threads,
          // With --cpu-prof: the window to give bench/profile-summary.ts (monotonic µs, the profiles' clock).
          ...(cpuProfileDir ? { profileWindowUs: [String(fromUs), String(toUs)] } : {}),
          cpuRatioToFloor: ratio(cpu.total ?? 0, f.cpuMsPerOperation?.total ?? 0),
          throughputRatioToFloor: ratio(stats.throughputPerSec, f.throughputPerSec),
          p99RatioToFloor: ratio(stats.p99, f.p99),
          goalMet: stats.errors === 0 && stats.throughputPerSec >= 0.5 * f.throughputPerSec && stats.p99 <= 2 * f.p99,
          // Issue 19's goals (item 4): CPU per completion at most 3× a bare Update's; at c=32, 0.3× its throughput.
          issue19Goals: {
            cpuAtMost3xBareUpdate: (cpu.total ?? 0) <= 3 * (f.cpuMsPerOperation?.total ?? 0),
            ...(c === 32 ? { throughputAtLeast03xBareUpdates: stats.throughputPerSec >= 0.3 * f.throughputPerSec } : {}),
          },
        };
      }
      report('task-completion-http', completion);
    }

    if (scenarios.has('inbox')) {
      log(`inserting ${sizes.cases * 10} tasks over ${sizes.cases} cases…`);
      const inbox = await inboxAtScale(env.databaseUrl, sizes.cases, sizes.inboxRepetitions);
      const pk = await primaryKeyLookups(env.databaseUrl, sizes.pkRepetitions);
      const queries = Object.fromEntries(
        Object.entries(inbox.queries).map(([name, q]) => [
          name,
          { ...q, p50RatioToPk: ratio(q.p50, pk.p50), p95RatioToPk: ratio(q.p95, pk.p95), goalMet: q.p50 <= 5 * pk.p50 },
        ]),
      );
      report('inbox-at-scale', {
        tasks: inbox.tasks,
        cases: inbox.cases,
        insertSeconds: inbox.insertSeconds,
        primaryKeyLookup: pk,
        queries,
      });
      for (const [name, plan] of Object.entries(inbox.plans)) process.stderr.write(`\n--- plan: ${name}\n${plan}\n`);
      results['inbox-plans'] = inbox.plans;
    }

    if (scenarios.has('soak')) {
      const memory = sampleProcessMemory({ api: env.api, worker: env.worker, workerMetricsUrl: env.workers[0]?.metricsUrl });
      const soak = await migrantSoak(env, {
        quick,
        minutes: soakMinutes,
        rate: numberOption('--rate'),
        ladder: option('--ladder')?.split(',').map(Number),
        overloadFactor: numberOption('--overload-factor'),
        overloadSeconds: numberOption('--overload-seconds'),
        log,
      });
      // Over the whole soak (ladder, sustained and overload): RSS, the worker's heap and cached workflows.
      report('soak', { ...soak, processMemory: await memory.stop() });
    }

    if (scenarios.has('big-community')) {
      const big = await bigCommunityScenario(env, client, quick, log);
      report('big-community', big);
      if (!big.goalMet) process.exitCode = 1;
    }
  } finally {
    floorWorker.shutdown();
    await floorRun;
    await connection.close();
    await native.close();
    await env.close();
  }
  printSummary();
  const engine = env.temporalEngine === 'cluster' ? '-cluster' : '';
  const file = path.join(__dirname, 'results', `${new Date().toISOString().slice(0, 10)}${engine}${quick ? '-quick' : ''}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), quick, engine: env.temporalEngine, machine: { cpus: (await import('node:os')).cpus().length }, results }, null, 2)}\n`,
  );
  log(`results written to ${path.relative(process.cwd(), file)}`);
}

function printSummary(): void {
  const rows: string[][] = [['scenario', 'measure', 'throughput/s', 'p50 ms', 'p99 ms', 'ratio', 'goal']];
  const floor =
    (results.floor as { temporal: Record<string, { throughputPerSec: number; p50: number; p99: number }> } | undefined)
      ?.temporal ?? {};
  for (const [k, v] of Object.entries(floor))
    rows.push(['floor', k, String(v.throughputPerSec), String(v.p50), String(v.p99), '—', '—']);
  for (const name of ['case-starts-http', 'task-completion-http'] as const) {
    const r = results[name] as
      | Record<
          string,
          {
            throughputPerSec: number;
            p50: number;
            p99: number;
            throughputRatioToFloor?: number;
            throughputRatioToBareStarts?: number;
            p99RatioToFloor?: number;
            goalMet?: boolean;
          }
        >
      | undefined;
    for (const [k, v] of Object.entries(r ?? {})) {
      const ratioText =
        v.throughputRatioToFloor !== undefined
          ? `thr ${v.throughputRatioToFloor}× p99 ${v.p99RatioToFloor}×`
          : `thr ${v.throughputRatioToBareStarts}×`;
      rows.push([
        name,
        k,
        String(v.throughputPerSec),
        String(v.p50),
        String(v.p99),
        ratioText,
        v.goalMet === undefined ? '—' : v.goalMet ? 'met' : 'MISSED',
      ]);
    }
  }
  const inbox = results['inbox-at-scale'] as
    { queries: Record<string, { p50: number; p95: number; p50RatioToPk: number; goalMet: boolean }> } | undefined;
  for (const [k, v] of Object.entries(inbox?.queries ?? {}))
    rows.push(['inbox', k, '—', String(v.p50), `p95 ${v.p95}`, `${v.p50RatioToPk}× pk`, v.goalMet ? 'met' : 'MISSED']);
  const soak = results.soak as SoakReport | undefined;
  if (soak) {
    const sustained = soak.sustained;
    rows.push([
      'soak',
      `sustained: ${sustained.regime}; errors ${sustained.errors}, shed ${sustained.shed}, rss api ${sustained.memory.growthPercent.api}% worker ${sustained.memory.growthPercent.worker}%`,
      `${sustained.offeredPerSecond} offered, ${sustained.acceptedPerSecond} accepted`,
      String(sustained.acceptedLatency.p50),
      String(sustained.acceptedLatency.p99),
      '—',
      sustained.goalMet ? 'met' : 'MISSED',
    ]);
    const overload = soak.overload;
    rows.push([
      'soak',
      `overload: ${overload.regime}; ${overload.shed} shed (p50 ${overload.shedLatency.p50} ms, p99 ${overload.shedLatency.p99} ms), errors ${overload.errors}, longest wait ${overload.maxWaitMs} ms`,
      `${overload.offeredPerSecond} offered, ${overload.acceptedPerSecond} accepted`,
      String(overload.acceptedLatency.p50),
      String(overload.acceptedLatency.p99),
      '—',
      overload.goalMet ? 'met' : 'MISSED',
    ]);
  }
  const big = results['big-community'] as
    | {
        completed: boolean;
        community: { applications: number };
        applications?: { throughputPerSec: number; submitLatency: { p50: number; p99: number } };
        largest: { events: number; bytes: number; updates: number };
        goalMet: boolean;
      }
    | undefined;
  if (big)
    rows.push([
      'big-community',
      `${big.community.applications} apps${big.completed ? '' : ' (FAILED)'}; largest history ${big.largest.events} events, ${Math.round(big.largest.bytes / 1024)} KiB; most Updates ${big.largest.updates}`,
      big.applications ? `${big.applications.throughputPerSec} apps` : '—',
      big.applications ? String(big.applications.submitLatency.p50) : '—',
      big.applications ? String(big.applications.submitLatency.p99) : '—',
      '—',
      big.goalMet ? 'met' : 'MISSED',
    ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  process.stdout.write(`\n${rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n')}\n`);
}

main().then(
  () => exitAfterStopping(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return exitAfterStopping(1);
  },
);
