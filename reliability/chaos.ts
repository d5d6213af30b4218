// `npm run chaos [-- --quick] [--cases N] [--procedures smoke,election,…] [--concurrency N] [--kill-every 5-15]`.
// Runs N cases in all (200 quick, 1,000 full), split evenly over the procedures, through their steps with scripted officials over HTTP while the worker is killed
// (SIGKILL) at random moments and restarted, and the Temporal dev server (same SQLite file) and PostgreSQL are each
// restarted once. With `--engine=cluster` the Temporal cluster's processes are all SIGKILLed and started again once, and
// one of its two history processes is SIGKILLed at half the cases and left dead. Then checks that every case reached its expected end, no task exists twice, no decision was lost
// and the audit chain verifies; prints the figures as JSON and exits non-zero when any check fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../runtime/worker';
import { WORKFLOW_PRELOAD_MODULES } from '../runtime/workflow-preload';
import { createDb } from '../runtime/db';
import { DEMO_PASSWORD } from '../scripts/demo-seed';
import { startBenchEnvironment } from '../bench/environment';
import { ChaosMonkey } from './chaos-monkey';
import { harnessArgs } from './environment';
import { Official, retryCounts, retrySamples } from './official';
import { electionOfficials } from './officials/election';
import { ownersMeetingOfficials } from './officials/owners-meeting';
import { serviceAdmissionOfficials } from './officials/service-admission';
import { smokeOfficials } from './officials/smoke';
import { runCases, waitFor, type CaseExpectation, type ChaosContext, type Completion } from './officials/steps';
import { villageConversionOfficials } from './officials/village-conversion';
import { verifyRun } from './verify';
import { errorsOnlyLogger } from '../runtime/errors-only-logger';
import { exitAfterStopping, installShutdown } from '../runtime/shutdown';

const { quick, option } = harnessArgs();
const concurrency = Number(option('--concurrency') ?? 6);
const PROCEDURES = {
  smoke: (ctx: ChaosContext) => smokeOfficials(ctx),
  'village-conversion': (ctx: ChaosContext) => villageConversionOfficials(ctx),
  election: (ctx: ChaosContext, n: number) => electionOfficials(ctx, n),
  'service-admission': (ctx: ChaosContext) => serviceAdmissionOfficials(ctx),
  'owners-meeting': (ctx: ChaosContext) => ownersMeetingOfficials(ctx),
} as const;
type ProcedureName = keyof typeof PROCEDURES;
const selected = (option('--procedures')?.split(',') ?? Object.keys(PROCEDURES)) as ProcedureName[];
/** Cases in all: quick mode (CI) 200, full mode 1,000; each procedure gets an equal share. */
const casesPerProcedure = Math.ceil(Number(option('--cases') ?? (quick ? 200 : 1_000)) / selected.length);

const log = (line: string) => process.stderr.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function main(): Promise<number> {
  installShutdown({ log });
  const began = Date.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-chaos-'));
  // One bundle for every worker start: a restart takes about a second instead of bundling again.
  const bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    preloadModules: WORKFLOW_PRELOAD_MODULES,
    logger: errorsOnlyLogger((m) => log(m)),
  });
  const bundlePath = path.join(workDir, 'workflow-bundle.js');
  fs.writeFileSync(bundlePath, bundle.code);
  const env = await startBenchEnvironment(log, {
    temporalDbFile: path.join(workDir, 'temporal.sqlite'),
    // Elections run in seconds on these workers (activities/election.ts); never set outside the harnesses.
    env: { WORKFLOW_BUNDLE_PATH: bundlePath, RELIABILITY_SHORTENED_CALENDAR: 'true' },
  });
  const db = createDb(env.databaseUrl, { poolSize: 10 });
  const connection = await Connection.connect({ address: env.temporalAddress });
  const temporal = new Client({ connection });
  const completions: Completion[] = [];
  const [minKillMs, maxKillMs] = (option('--kill-every') ?? '5-15').split('-').map((s) => Number(s) * 1000) as [number, number];
  const monkey = new ChaosMonkey(env, log, () => completions.length, [minKillMs, maxKillMs]);
  try {
    const ctx: ChaosContext = {
      apiUrl: env.apiUrl,
      db,
      temporal,
      taskQueue: env.taskQueue,
      completions,
      signIn: (u) => Official.signIn(env.apiUrl, u, DEMO_PASSWORD),
    };
    const drivers = await Promise.all(selected.map(async (p) => [p, await PROCEDURES[p](ctx, casesPerProcedure)] as const));
    const total = casesPerProcedure * drivers.length;
    log(
      `${total} cases (${casesPerProcedure} of each of ${selected.join(', ')}), ${concurrency} at a time per procedure; the chaos begins`,
    );

    let done = 0;
    monkey.start();
    // Once during the run, while cases are in flight: Temporal at a third of the cases, PostgreSQL at two thirds.
    // One after the other: never both servers down at once.
    let restarts = Promise.resolve();
    const restartFailed = (error: unknown): void => {
      log(`restart failed: ${error instanceof Error ? error.message : String(error)}`);
    };
    let temporalDue = true;
    let postgresDue = true;
    // On the cluster engine, one of the two history processes is SIGKILLed at half the cases and stays dead.
    let historyDue = env.temporalEngine === 'cluster';
    const progress = setInterval(() => {
      if (temporalDue && done >= total / 3) {
        temporalDue = false;
        restarts = restarts.then(() => monkey.restartTemporal('SIGKILL')).catch(restartFailed);
      }
      if (historyDue && done >= total / 2) {
        historyDue = false;
        restarts = restarts.then(() => monkey.killTemporalHistory()).catch(restartFailed);
      }
      if (postgresDue && done >= (2 * total) / 3) {
        postgresDue = false;
        restarts = restarts.then(() => monkey.restartPostgres()).catch(restartFailed);
      }
    }, 250);
    const report = setInterval(
      () => log(`${done}/${total} cases done; ${monkey.counts.workerKills} worker kills; retries ${JSON.stringify(retryCounts)}`),
      15_000,
    );
    const results: Record<string, (CaseExpectation | Error)[]> = {};
    try {
      await Promise.all(
        drivers.map(async ([name, drive]) => {
          results[name] = await runCases(casesPerProcedure, concurrency, async (i) => {
            try {
              return await drive(i);
            } finally {
              done += 1;
            }
          });
        }),
      );
      // A run too short for a tick between the thresholds still restarts each server once (after its cases).
      clearInterval(progress);
      if (temporalDue) restarts = restarts.then(() => monkey.restartTemporal('SIGKILL')).catch(restartFailed);
      if (historyDue) restarts = restarts.then(() => monkey.killTemporalHistory()).catch(restartFailed);
      if (postgresDue) restarts = restarts.then(() => monkey.restartPostgres()).catch(restartFailed);
      temporalDue = postgresDue = historyDue = false;
      await restarts;
    } finally {
      clearInterval(progress);
      clearInterval(report);
      await monkey.stop();
    }
    log(`all cases driven in ${Math.round((Date.now() - began) / 1000)} s; verifying`);
    await closingsSettled(db, temporal, results);
    const verification = await verifyRun(db, temporal, results, completions);
    const { problems, ...figures } = verification;
    const summary = {
      mode: quick ? 'quick' : option('--cases') ? 'custom' : 'full',
      engine: env.temporalEngine,
      casesRun: total,
      casesPerProcedure,
      atExpectedEnd: Object.values(figures.procedures).reduce((s, p) => s + p.atExpectedEnd, 0),
      ...monkey.counts,
      lost: figures.decisionsLost,
      duplicated: figures.tasksDuplicated,
      auditChainOk: figures.audit.ok,
      ...figures,
      retries: { ...retryCounts },
      seconds: Math.round((Date.now() - began) / 1000),
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    for (const p of problems) log(`problem: ${p}`);
    for (const s of retrySamples) log(`retried: ${s}`);
    const passed =
      figures.decisionsLost === 0 &&
      figures.tasksDuplicated === 0 &&
      figures.unfinished === 0 &&
      figures.failedStartsStillRunning === 0 &&
      figures.audit.ok &&
      monkey.counts.workerKills > 0 &&
      monkey.counts.temporalRestarts === 1 &&
      monkey.counts.historyKills === (env.temporalEngine === 'cluster' ? 1 : 0) &&
      monkey.counts.postgresRestarts === 1;
    log(passed ? 'PASSED: every case at its end, nothing lost or duplicated, audit chain verified' : 'FAILED');
    return passed ? 0 : 1;
  } finally {
    await monkey.close();
    await connection.close().catch(() => undefined);
    await db.$disconnect().catch(() => undefined);
    await env.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => exitAfterStopping(code),
  (error: unknown) => {
    log(`chaos run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return exitAfterStopping(2);
  },
);

/**
 * A case's last step is answered once its task is recorded; the workflow closes the case in its next activities. When
 * the last worker kill or server restart fell just after the last answers, the worker now running may still be
 * replaying: wait (at most 2 minutes) until every case expected closed is closed, in PostgreSQL and in Temporal.
 */
async function closingsSettled(
  db: ReturnType<typeof createDb>,
  temporal: Client,
  results: Record<string, (CaseExpectation | Error)[]>,
) {
  const closing = Object.values(results)
    .flat()
    .filter((r): r is CaseExpectation => !(r instanceof Error) && r.status !== 'OPEN')
    .map((r) => r.caseId);
  const rows = await waitFor(
    async () => {
      const open = await db.case.count({ where: { id: { in: closing }, status: 'OPEN' } });
      return open === 0 ? db.case.findMany({ where: { id: { in: closing } }, select: { workflowId: true } }) : undefined;
    },
    'cases expected closed still open',
    120_000,
  ).catch(() => []); // the verifier names them
  const workflowsClosed = (async () => {
    for (let i = 0; i < rows.length; i += 16) {
      await Promise.all(
        rows.slice(i, i + 16).map((r) =>
          temporal.workflow
            .getHandle(r.workflowId)
            .result()
            .catch(() => undefined),
        ),
      );
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([workflowsClosed, new Promise((resolve) => (timer = setTimeout(resolve, 120_000)))]);
  clearTimeout(timer);
}
