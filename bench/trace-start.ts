// `npx tsx bench/trace-start.ts [n]`: where one case start over HTTP spends its time. Starts the bench environment
// (as `npm run bench`), opens n smoke cases one after the other (default 5), and prints for each the client's time and
// its workflow's history as offsets from the HTTP request: every event, with the gap to the one before it. Then the
// same starts in this process, one at a time and at c=32, with the time of each part and the CPU per start.
import fs from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import { Runtime } from '@temporalio/worker';
import { DEMO_PASSWORD } from '../scripts/demo-seed';
import { cpuPerOperation, startBenchEnvironment } from './environment';
import { HttpSession } from './http-session';
import { errorsOnlyLogger } from '../runtime/errors-only-logger';
import { exitAfterStopping, installShutdown } from '../runtime/shutdown';
import { createDb } from '../runtime/db';
import { openCase } from '../runtime/open-case';
import { launchWorkflow } from '../runtime/pending-starts';

const log = (line: string) => process.stderr.write(`[trace] ${line}\n`);
const EventType = proto.api.enums.v1.EventType;

function millis(ts: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  return Number(ts?.seconds ?? 0) * 1000 + Math.floor((ts?.nanos ?? 0) / 1e6);
}

async function main(): Promise<void> {
  installShutdown({ log });
  Runtime.install({ logger: errorsOnlyLogger((m) => log(m)), shutdownSignals: [] });
  const n = Number(process.argv[2] ?? 5);
  // `--cpu-prof <dir>`: the API and worker write V8 CPU profiles (every thread) there when they stop.
  const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const profileDir = option('--cpu-prof');
  // `--bundle <file>`: the worker runs this pre-built workflow bundle (e.g. one built with other preload modules).
  const bundle = option('--bundle');
  // `--concurrent <n>`: how many starts the c=32 part makes (default 64).
  const total = Number(option('--concurrent') ?? 64);
  // `--save-history <file>`: one more case, started and completed over HTTP, its history written there (protobuf), to
  // replay in tests on later code.
  const saveHistory = option('--save-history');
  const env = await startBenchEnvironment(log, {
    workerMetrics: true,
    ...(profileDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {}),
    ...(bundle ? { env: { WORKFLOW_BUNDLE_PATH: bundle } } : {}),
  });
  try {
    const client = new Client({ connection: await Connection.connect({ address: env.temporalAddress }) });
    const session = await HttpSession.signIn(env.apiUrl, 'township.official', DEMO_PASSWORD);
    for (let i = 0; i < n; i++) {
      const sent = Date.now();
      const created = await session.request<{ id: string }>('POST', '/api/v1/smoke-cases', { title: `trace ${i}` });
      const answered = Date.now();
      const history = await client.workflow.getHandle(`smoke-${created.id}`).fetchHistory();
      const lines = [`case ${i}: HTTP ${answered - sent} ms`];
      let previous = sent;
      for (const event of history.events ?? []) {
        const at = millis(event.eventTime);
        const name = EventType[event.eventType ?? 0]?.replace('EVENT_TYPE_', '') ?? String(event.eventType);
        const activity = event.activityTaskScheduledEventAttributes?.activityType?.name;
        lines.push(
          `  +${String(at - sent).padStart(5)} ms (gap ${String(at - previous).padStart(4)})  ${name}${activity ? ` ${activity}` : ''}`,
        );
        previous = at;
      }
      lines.push(`  +${String(answered - sent).padStart(5)} ms  HTTP answer`);
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    if (saveHistory) {
      const created = await session.request<{ id: string }>('POST', '/api/v1/smoke-cases', { title: 'replay fixture' });
      const pool = new (await import('pg')).default.Pool({ connectionString: env.databaseUrl, max: 1 });
      const [task] = (await pool.query<{ id: string }>(`SELECT id FROM task WHERE case_id = $1`, [created.id])).rows;
      await pool.end();
      await session.request('POST', `/api/v1/tasks/${task!.id}/complete`, { payload: { decision: 'approve' } });
      const handle = client.workflow.getHandle(`smoke-${created.id}`);
      await handle.result();
      const history = await handle.fetchHistory();
      fs.writeFileSync(saveHistory, proto.api.history.v1.History.encode(history).finish());
      log(`history of smoke-${created.id} written to ${saveHistory}`);
    }
    // The same start in this process, step by step (no HTTP, no session check): the transaction, then the workflow.
    const db = createDb(env.appDatabaseUrl, { poolSize: 10 });
    const [who] = await db.$queryRaw<{ user_id: string; organization_id: string; role: string }[]>`
      SELECT m.user_id, m.organization_id, m.role::text AS role FROM membership m JOIN app_user u ON u.id = m.user_id
      WHERE u.username = 'township.official' LIMIT 1`;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const { start } = await openCase({
        db,
        procedure: 'smoke',
        organizationId: who!.organization_id,
        title: `trace direct ${i}`,
        taskQueue: env.taskQueue,
        workflowArgs: (caseId) => [{ caseId, organizationId: who!.organization_id, role: who!.role }],
        caller: { userId: who!.user_id, membership: { organizationId: who!.organization_id } },
      });
      const t1 = performance.now();
      await launchWorkflow(db, client, start);
      const t2 = performance.now();
      process.stdout.write(`direct ${i}: openCase ${Math.round(t1 - t0)} ms, launchWorkflow ${Math.round(t2 - t1)} ms\n`);
    }
    // At c=32 (`total` starts): the mean time of each part, to see which one queues.
    const parts = { openCase: 0, launchWorkflow: 0 };
    const cpuBefore = await env.cpu();
    const t = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < total) {
          const i = next++;
          const t0 = performance.now();
          const { start } = await openCase({
            db,
            procedure: 'smoke',
            organizationId: who!.organization_id,
            title: `trace c=32 ${i}`,
            taskQueue: env.taskQueue,
            workflowArgs: (caseId) => [{ caseId, organizationId: who!.organization_id, role: who!.role }],
            caller: { userId: who!.user_id, membership: { organizationId: who!.organization_id } },
          });
          const t1 = performance.now();
          await launchWorkflow(db, client, start);
          parts.openCase += t1 - t0;
          parts.launchWorkflow += performance.now() - t1;
        }
      }),
    );
    const seconds = (performance.now() - t) / 1000;
    const cpu = cpuPerOperation(cpuBefore, await env.cpu(), total);
    process.stdout.write(
      `direct c=32: ${total} starts, ${Math.round(total / seconds)}/s, mean openCase ${Math.round(parts.openCase / total)} ms, mean launchWorkflow ${Math.round(parts.launchWorkflow / total)} ms; CPU ms per start ${JSON.stringify(cpu)}\n`,
    );
    await db.$disconnect();
    // The worker's own account of its workflow tasks (the SDK's Prometheus histograms: sums and counts).
    const metrics = await (await fetch(env.workers[0]!.metricsUrl!)).text();
    const wanted =
      /^temporal_(workflow_task_execution_latency|workflow_activation_execution_latency|workflow_task_schedule_to_start_latency|activity_schedule_to_start_latency|activity_execution_latency|workflow_task_replay_latency|sticky_cache_total_forced_eviction|sticky_cache_hit|sticky_cache_miss|workflow_task_execution_failed)[a-z_]*(_sum|_count|_total)?\b/;
    process.stdout.write(
      `${metrics
        .split('\n')
        .filter((l) => wanted.test(l) && !/_bucket/.test(l))
        .join('\n')}\n`,
    );
  } finally {
    await env.close();
  }
}

main().then(
  () => exitAfterStopping(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return exitAfterStopping(1);
  },
);
