// `npm run scale-out [-- --quick] [-- --cases N] [--engine=cluster]`: two API processes and two workers (one task queue)
// against one Temporal dev server (or a cluster of separate services) and one PostgreSQL database. A load generator starts smoke cases and completes their task,
// spreading requests over both APIs like a load balancer (an API that does not answer is taken out for a while and the
// request goes to the other). Mid-run one worker and then one API are killed with SIGKILL. At the end every case whose
// start was answered 201 must be closed by exactly one completion (starts carry an Idempotency-Key and are sent again
// unchanged after a lost answer; no case may be opened twice), no workflow may be left running or failed, the audit
// chain must verify, and the surviving API and worker must expose their Prometheus metrics. Prints one JSON object;
// exits 1 on any loss.
import { exitAfterStopping, installShutdown } from '../runtime/shutdown';
import { Client, Connection } from '@temporalio/client';
import {
  auditVerdict,
  completionRecord,
  distribution,
  harnessArgs,
  logger,
  type Official,
  pool,
  refusal,
  type ReliabilityEnvironment,
  startReliabilityEnvironment,
} from './environment';

const { quick, option } = harnessArgs();
const total = Number(option('--cases') ?? (quick ? 40 : 400));
const concurrency = Number(option('--concurrency') ?? (quick ? 4 : 8));
const log = logger('scale-out');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the surviving processes must expose, by the question they answer. */
const REQUIRED_METRICS = {
  api: {
    requests: 'cg_api_http_requests_total',
    taskLatency: 'cg_task_completion_seconds',
    workflowFailures: 'cg_api_workflow_failures_total',
  },
  worker: { requests: 'temporal_request', taskLatency: 'cg_activity_seconds', workflowFailures: 'cg_workflow_failures' },
} as const;

interface Api {
  url: string;
  downUntil: number;
  sent: number;
  answered: number;
  networkErrors: number;
}

interface Started {
  caseId: string;
  taskId: string;
  /** The first answer was lost (no answer, or a 5xx) and a repeat with the same Idempotency-Key answered the case. */
  repeated: boolean;
}

class LoadGenerator {
  readonly apis: Api[];
  private next = 0;
  readonly counts = {
    starts201: 0,
    answered201BeforeTask: 0,
    startsAnsweredByRepeat: 0,
    startRetries: 0,
    starts5xx: 0,
    completions200: 0,
    completionsFoundDoneAfterLostAnswer: 0,
    completionRetries: 0,
    completions5xx: 0,
  };
  readonly violations: string[] = [];

  constructor(
    private readonly r: ReliabilityEnvironment,
    private readonly runId: string,
  ) {
    this.apis = r.env.apis.map((a) => ({ url: a.url, downUntil: 0, sent: 0, answered: 0, networkErrors: 0 }));
  }

  /** Round robin over the APIs that answered lately (all of them when none did). */
  private pick(): Api {
    const now = Date.now();
    const up = this.apis.filter((a) => a.downUntil <= now);
    const choices = up.length > 0 ? up : this.apis;
    return choices[this.next++ % choices.length]!;
  }

  private async send(
    official: Official,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown } | 'no-answer'> {
    const api = this.pick();
    api.sent++;
    try {
      const res = await official.session.send('POST', path, body, api.url, headers);
      api.answered++;
      return res;
    } catch {
      api.networkErrors++;
      api.downUntil = Date.now() + 5_000;
      return 'no-answer';
    }
  }

  /** Case i's title is this and i: one title per case however often its start is sent (a duplicate repeats it). */
  get titlePrefix(): string {
    return `扩容 ${this.runId} `;
  }

  /**
   * Starts one case as a client should: with an Idempotency-Key of its own, sent again unchanged (through the other
   * API) whenever the answer is lost or a 5xx, until a 201 names the case; the server opens it once.
   */
  async start(i: number, official: Official): Promise<Started | undefined> {
    const key = { 'idempotency-key': `scale-out-${this.runId}-${i}` };
    for (let attempt = 0; attempt < 30; attempt++) {
      const res = await this.send(official, '/api/v1/smoke-cases', { title: `${this.titlePrefix}${i}` }, key);
      if (res !== 'no-answer' && res.status === 201) {
        this.counts.starts201++;
        if (attempt > 0) this.counts.startsAnsweredByRepeat++;
        const caseId = (res.body as { id: string }).id;
        let task: { id: string } | null | undefined = await this.r.db.task.findFirst({ where: { caseId }, select: { id: true } });
        if (!task) {
          // The API promises the first task with the 201; count a slip, then wait for the task so the case is not lost.
          this.counts.answered201BeforeTask++;
          task = await this.waitForTask(caseId);
        }
        if (!task) this.violations.push(`case ${caseId} answered 201, its task never appeared`);
        return task ? { caseId, taskId: task.id, repeated: attempt > 0 } : undefined;
      }
      if (res !== 'no-answer' && res.status < 500) {
        this.violations.push(`start answered ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        return undefined;
      }
      if (res !== 'no-answer') this.counts.starts5xx++;
      this.counts.startRetries++;
      await sleep(200);
    }
    this.violations.push(`case ${i} never started`);
    return undefined;
  }

  private async waitForTask(caseId: string): Promise<{ id: string } | undefined> {
    for (let wait = 0; wait < 120; wait++) {
      const task = await this.r.db.task.findFirst({ where: { caseId }, select: { id: true } });
      if (task) return task;
      await sleep(500);
    }
    return undefined;
  }

  /** Completes the task; a retry after a lost answer finds it done by the same official (409 naming them). */
  async complete(started: Started, official: Official): Promise<void> {
    for (let attempt = 0; attempt < 30; attempt++) {
      const res = await this.send(official, `/api/v1/tasks/${started.taskId}/complete`, { payload: { decision: 'approve' } });
      if (res !== 'no-answer' && res.status === 200) {
        this.counts.completions200++;
        return;
      }
      if (res !== 'no-answer' && res.status === 409) {
        const { code, details } = refusal(res.body);
        if (code === 'TASK_ALREADY_COMPLETED' && attempt > 0 && details?.completedBy === official.displayName) {
          this.counts.completionsFoundDoneAfterLostAnswer++;
          return;
        }
      }
      if (res !== 'no-answer' && res.status < 500) {
        this.violations.push(`complete ${started.taskId} answered ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        return;
      }
      if (res !== 'no-answer') this.counts.completions5xx++;
      this.counts.completionRetries++;
      await sleep(300);
    }
    this.violations.push(`task ${started.taskId} never completed`);
  }
}

/** Prometheus text → the sum of every sample of each metric family (histograms by their `_count`). */
function parseMetrics(text: string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    sums.set(match[1]!, (sums.get(match[1]!) ?? 0) + Number(match[2]));
  }
  return sums;
}

const hasFamily = (metrics: Map<string, number>, name: string) =>
  [...metrics.keys()].some((k) => k === name || k.startsWith(`${name}_`));

async function scrape(url: string): Promise<Map<string, number> | undefined> {
  try {
    const res = await fetch(url);
    return res.ok ? parseMetrics(await res.text()) : undefined;
  } catch {
    return undefined;
  }
}

/** Work each worker has done according to its own metrics (last scrape before it died, for the killed one). */
function workerLoad(metrics: Map<string, number> | undefined) {
  return {
    workflowTasks: metrics?.get('temporal_workflow_task_execution_latency_count') ?? null,
    activities: metrics?.get('cg_activity_seconds_count') ?? null,
  };
}

async function main(): Promise<number> {
  installShutdown({ log });
  const startedAt = Date.now();
  const r = await startReliabilityEnvironment(log, { apis: 2, workers: 2, workerMetrics: true });
  const temporal = new Client({ connection: await Connection.connect({ address: r.env.temporalAddress }) });
  try {
    const generator = new LoadGenerator(r, Date.now().toString(36));
    const lastWorkerMetrics: (Map<string, number> | undefined)[] = r.env.workers.map(() => undefined);
    let scraping = true;
    const scraper = (async () => {
      while (scraping) {
        await Promise.all(
          r.env.workers.map(
            async (w, k) => void (w.metricsUrl && (lastWorkerMetrics[k] = (await scrape(w.metricsUrl)) ?? lastWorkerMetrics[k])),
          ),
        );
        await sleep(2_000);
      }
    })();

    const kills: { process: string; afterStarts: number; atSecond: number }[] = [];
    const killAt = { worker: Math.floor(total * 0.3), api: Math.floor(total * 0.5) };
    const started: Started[] = [];
    const loadStartedAt = Date.now();
    let done = 0;
    log(
      `${total} cases over ${r.env.apis.length} APIs and ${r.env.workers.length} workers; SIGKILL worker 2 after ${killAt.worker} starts, API 2 after ${killAt.api}`,
    );
    await pool(total, concurrency, async (i) => {
      const official = r.officials[i % 2]!;
      const one = await generator.start(i, official);
      if (!one) return;
      started.push(one);
      if (started.length === killAt.worker) {
        r.env.workers[1]!.process.kill('SIGKILL');
        kills.push({
          process: 'worker 2',
          afterStarts: started.length,
          atSecond: Math.round((Date.now() - loadStartedAt) / 1000),
        });
        log(`SIGKILL worker 2 (pid ${r.env.workers[1]!.process.pid})`);
      }
      if (started.length === killAt.api) {
        r.env.apis[1]!.process.kill('SIGKILL');
        kills.push({ process: 'API 2', afterStarts: started.length, atSecond: Math.round((Date.now() - loadStartedAt) / 1000) });
        log(`SIGKILL API 2 (pid ${r.env.apis[1]!.process.pid})`);
      }
      await generator.complete(one, official);
      if (++done % 50 === 0) log(`${done} cases started and completed`);
    });
    const loadSeconds = (Date.now() - loadStartedAt) / 1000;
    scraping = false;
    await scraper;

    // The record: every case started (answered or found) closed once, by one completion.
    const { taskIds, caseIds, completedRows, closedRows } = await completionRecord(r.db, started);
    const closed = new Set(
      (await r.db.case.findMany({ where: { id: { in: caseIds }, status: 'COMPLETED' }, select: { id: true } })).map((c) => c.id),
    );
    const lost = started.filter((s) => !closed.has(s.caseId) || completedRows.get(s.taskId) !== 1);
    const duplicated = started.filter((s) => (completedRows.get(s.taskId) ?? 0) > 1 || (closedRows.get(s.caseId) ?? 0) > 1);
    const otherCases = await r.db.case.groupBy({ by: ['status'], where: { id: { notIn: caseIds } }, _count: { _all: true } });
    // A start sent more than once (lost answers) must still have opened one case: a title twice is a duplicate case.
    const titles = await r.db.case.groupBy({
      by: ['title'],
      where: { title: { startsWith: generator.titlePrefix } },
      _count: { _all: true },
    });
    const casesOpenedTwice = titles.filter((t) => t._count._all > 1).length;
    const count = async (status: string) =>
      (await temporal.workflow.count(`TaskQueue = '${r.env.taskQueue}' AND ExecutionStatus = '${status}'`)).count;
    // Visibility trails the histories by a moment.
    for (let wait = 0; wait < 10 && (await count('Running')) > 0; wait++) await sleep(1_000);
    const workflows = {
      running: await count('Running'),
      failed: await count('Failed'),
      completed: await count('Completed'),
    };
    const audit = await auditVerdict(r.db);

    // Prometheus on the survivors: requests, task latency, workflow failures.
    const apiMetrics = (await scrape(`${r.env.apis[0]!.url}/metrics`)) ?? new Map<string, number>();
    const workerMetrics = (await scrape(r.env.workers[0]!.metricsUrl!)) ?? new Map<string, number>();
    const exposed = (metrics: Map<string, number>, names: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(names).map(([what, name]) => [
          what,
          { metric: name, present: hasFamily(metrics, name), value: metrics.get(name) ?? metrics.get(`${name}_count`) ?? null },
        ]),
      );
    const metrics = { api: exposed(apiMetrics, REQUIRED_METRICS.api), worker: exposed(workerMetrics, REQUIRED_METRICS.worker) };
    const metricsMissing = [...Object.values(metrics.api), ...Object.values(metrics.worker)]
      .filter((m) => !m.present)
      .map((m) => m.metric);

    const result = {
      harness: 'scale-out',
      mode: quick ? 'quick' : 'full',
      engine: r.env.temporalEngine,
      processes: { apis: r.env.apis.length, workers: r.env.workers.length, taskQueue: r.env.taskQueue },
      kills,
      cases: {
        planned: total,
        started: started.length,
        answeredByRepeatAfterLostAnswer: started.filter((s) => s.repeated).length,
        closedOnce: started.length - lost.length - duplicated.length,
        lost: lost.length,
        duplicated: duplicated.length,
        casesOpenedTwice,
        taskCompletedAuditRowsPerTask: distribution(taskIds, completedRows),
        otherCaseRowsByStatus: Object.fromEntries(otherCases.map((c) => [c.status, c._count._all])),
      },
      requests: generator.counts,
      spread: {
        apis: generator.apis.map((a, k) => ({ api: k + 1, sent: a.sent, answered: a.answered, networkErrors: a.networkErrors })),
        workers: lastWorkerMetrics.map((m, k) => ({ worker: k + 1, ...workerLoad(m) })),
      },
      workflows,
      audit,
      metrics,
      loadSeconds: Math.round(loadSeconds),
      casesPerSecond: Math.round((started.length / loadSeconds) * 10) / 10,
      seconds: Math.round((Date.now() - startedAt) / 1000),
      violations: generator.violations.slice(0, 20),
    };
    const failed =
      lost.length > 0 ||
      duplicated.length > 0 ||
      casesOpenedTwice > 0 ||
      started.length !== total ||
      generator.violations.length > 0 ||
      workflows.running > 0 ||
      workflows.failed > 0 ||
      !audit.ok ||
      metricsMissing.length > 0;
    process.stdout.write(`${JSON.stringify({ ...result, ok: !failed })}\n`);
    if (metricsMissing.length > 0) log(`metrics missing: ${metricsMissing.join(', ')}`);
    return failed ? 1 : 0;
  } finally {
    await temporal.connection.close();
    await r.close();
  }
}

main().then(
  (code) => exitAfterStopping(code),
  (error: unknown) => {
    process.stderr.write(`scale-out failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return exitAfterStopping(1);
  },
);
