// The migrant-application soak (issue 19, item 3): the sustainable rate of applications on this engine, the system
// held at it for a while (latency, errors, memory), and an overload above it, where the API must shed early (503 with
// Retry-After in well under a second, nothing started) while the requests it takes up still meet their goal.
// Each part is a function of its own (offer → judge; ladder, sustained, overload), so that more measurements (memory
// sampling, profiles) can be added to one regime without touching the others.
import os from 'node:os';
import { settings } from '../runtime/config';
import { cpuPerOperation, rssMiB, type BenchEnvironment } from './environment';
import { isShed } from './http-session';
import { migrantApplication, prepareMigrantSoak, type MigrantSoak } from './migrant-soak';
import { latencyStats, type LatencyStats } from './stats';

export interface SoakOptions {
  quick: boolean;
  /** `--rate N`: hold N applications/s (no search); default: the highest rate of the ladder that meets the goals. */
  rate?: number;
  /** `--ladder 4,8,12`: the rates tried, lowest first (default by mode). */
  ladder?: number[];
  /** `--duration M`: minutes of the sustained regime. */
  minutes: number;
  /** `--overload-factor F` (default 3): the overload regime offers F × the sustainable rate. */
  overloadFactor?: number;
  /** `--overload-seconds S` (default 60, quick 10). */
  overloadSeconds?: number;
  log: (line: string) => void;
}

/** Goals of issue 19: accepted requests answered within 2 s at p99, sheds within 1 s, nobody waiting 30 s. */
export const SOAK_GOALS = { acceptedP99Ms: 2_000, shedP99Ms: 1_000, neverWaitMs: 30_000, rssGrowthPercent: 20 };

/** One application sent and what came back. */
export interface Answer {
  /** When it was sent, ms after the regime began. */
  sentAtMs: number;
  ms: number;
  outcome: 'accepted' | 'shed' | 'error';
  error?: string;
}

/** How one regime went: what was offered, taken up, shed and failed, with latencies by outcome. */
export interface RegimeReport {
  offeredPerSecond: number;
  seconds: number;
  offered: number;
  accepted: number;
  /** 503 SERVICE_UNAVAILABLE (reason `overloaded`, with Retry-After): shed before anything was started. */
  shed: number;
  /** Anything else: a 5xx (a 503 that is not a shed: a late timeout), a 4xx, a network error. */
  errors: number;
  errorSamples?: string[];
  acceptedPerSecond: number;
  acceptedLatency: LatencyStats;
  shedLatency: LatencyStats;
  /** How long the errors took to come (a late 503 is the answer deadline's). */
  errorLatency: LatencyStats;
  /** The longest any request waited for its answer, whatever the answer. */
  maxWaitMs: number;
  /** By the time a request was sent, in ten windows: does the latency stay flat, or grow with a backlog? */
  overTime: { fromSecond: number; accepted: number; shed: number; errors: number; acceptedP50: number; acceptedP99: number }[];
  /** os.loadavg() when the regime began and ended: the machine is shared with other work. */
  loadAverage: { start: number; end: number };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Sends `rate` applications per second for `seconds`, evenly spaced; resolves with every answer once all came. */
export async function offerApplications(soak: MigrantSoak, rate: number, seconds: number): Promise<Answer[]> {
  const total = Math.max(1, Math.round(rate * seconds));
  const applicants = await soak.applicants(total);
  const answers: Answer[] = [];
  const inflight: Promise<void>[] = [];
  const began = performance.now();
  for (let k = 0; k < total; k++) {
    const due = began + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const { session, electionId, n } = applicants[k]!;
    const sent = performance.now();
    inflight.push(
      session.send('POST', `/api/v1/elections/${electionId}/applications`, migrantApplication(n)).then(
        (answer) => {
          const shed = isShed(answer);
          answers.push({
            sentAtMs: sent - began,
            ms: performance.now() - sent,
            outcome: answer.status === 201 ? 'accepted' : shed ? 'shed' : 'error',
            ...(answer.status === 201 || shed ? {} : { error: `${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}` }),
          });
        },
        (error: unknown) =>
          void answers.push({
            sentAtMs: sent - began,
            ms: performance.now() - sent,
            outcome: 'error',
            error: error instanceof Error ? error.message.slice(0, 300) : String(error),
          }),
      ),
    );
  }
  await Promise.all(inflight);
  return answers;
}

/** The report of one regime from its answers. */
export function judgeRegime(answers: Answer[], rate: number, seconds: number, loadStart: number): RegimeReport {
  const of = (outcome: Answer['outcome']) => answers.filter((a) => a.outcome === outcome);
  const errors = of('error');
  const accepted = of('accepted');
  const span = Math.max(seconds, ...answers.map((a) => (a.sentAtMs + a.ms) / 1000));
  return {
    offeredPerSecond: rate,
    seconds,
    offered: answers.length,
    accepted: accepted.length,
    shed: of('shed').length,
    errors: errors.length,
    ...(errors.length > 0 ? { errorSamples: errors.slice(0, 5).map((e) => e.error ?? '') } : {}),
    acceptedPerSecond: round1(accepted.length / span),
    acceptedLatency: latencyStats(accepted.map((a) => a.ms)),
    shedLatency: latencyStats(of('shed').map((a) => a.ms)),
    errorLatency: latencyStats(errors.map((a) => a.ms)),
    maxWaitMs: Math.round(Math.max(0, ...answers.map((a) => a.ms))),
    overTime: Array.from({ length: 10 }, (_, w) => {
      const from = (w * seconds * 1000) / 10;
      const inWindow = answers.filter((a) => a.sentAtMs >= from && (w === 9 || a.sentAtMs < from + (seconds * 1000) / 10));
      const stats = latencyStats(inWindow.filter((a) => a.outcome === 'accepted').map((a) => a.ms));
      const count = (outcome: Answer['outcome']) => inWindow.filter((a) => a.outcome === outcome).length;
      return {
        fromSecond: round1(from / 1000),
        accepted: count('accepted'),
        shed: count('shed'),
        errors: count('error'),
        acceptedP50: stats.p50,
        acceptedP99: stats.p99,
      };
    }),
    loadAverage: { start: round1(loadStart), end: round1(os.loadavg()[0]!) },
  };
}

/** Sustainable: no error, at most 1 % shed (a burst), and the accepted requests' p99 within the goal. */
function sustainable(r: RegimeReport): boolean {
  return r.errors === 0 && r.shed <= 0.01 * r.offered && r.acceptedLatency.p99 <= SOAK_GOALS.acceptedP99Ms;
}

async function regime(soak: MigrantSoak, rate: number, seconds: number): Promise<RegimeReport> {
  const loadStart = os.loadavg()[0]!;
  return judgeRegime(await offerApplications(soak, rate, seconds), rate, seconds, loadStart);
}

/** Tries the ladder's rates, lowest first, until one misses; the sustainable rate is the last one that met the goals. */
export async function findSustainableRate(
  soak: MigrantSoak,
  ladder: number[],
  stepSeconds: number,
  log: SoakOptions['log'],
): Promise<{ stepSeconds: number; steps: (RegimeReport & { sustainable: boolean })[]; sustainableRate: number | null }> {
  const steps: (RegimeReport & { sustainable: boolean })[] = [];
  let best: number | null = null;
  for (const rate of ladder) {
    const step = await regime(soak, rate, stepSeconds);
    const ok = sustainable(step);
    steps.push({ ...step, sustainable: ok });
    log(
      `soak ladder ${rate}/s: ${step.accepted} accepted, ${step.shed} shed, ${step.errors} errors, accepted p99 ${step.acceptedLatency.p99} ms → ${ok ? 'sustainable' : 'not sustainable'}`,
    );
    if (!ok) break;
    best = rate;
    await new Promise((r) => setTimeout(r, 2_000)); // the worker finishes what the step left
  }
  return { stepSeconds, steps, sustainableRate: best };
}

/** RSS of the API and the worker every `everyMs` until stopped: the first and the last window are compared. */
export function sampleMemory(env: BenchEnvironment, everyMs: number) {
  const samples: { atSecond: number; api: number | null; worker: number | null }[] = [];
  const began = Date.now();
  const take = () =>
    samples.push({ atSecond: Math.round((Date.now() - began) / 1000), api: rssMiB(env.api.pid), worker: rssMiB(env.worker.pid) });
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      // Windows of a tenth of the run (at least one sample): first against last, so one spike does not decide.
      const size = Math.max(1, Math.floor(samples.length / 10));
      const mean = (window: typeof samples, key: 'api' | 'worker') => {
        const values = window.map((s) => s[key]).filter((v): v is number => v !== null);
        return values.length > 0 ? round1(values.reduce((a, b) => a + b, 0) / values.length) : null;
      };
      const first = samples.slice(0, size);
      const last = samples.slice(-size);
      const growth = (key: 'api' | 'worker') => {
        const a = mean(first, key);
        const b = mean(last, key);
        return a && b ? round1(((b - a) / a) * 100) : null;
      };
      return {
        firstWindowMiB: { api: mean(first, 'api'), worker: mean(first, 'worker') },
        lastWindowMiB: { api: mean(last, 'api'), worker: mean(last, 'worker') },
        growthPercent: { api: growth('api'), worker: growth('worker') },
        samples,
      };
    },
  };
}

/** The sustainable rate held for `seconds`: the goals of item 3 (0 errors, p99 ≤ 2 s, RSS growth < 20 %). */
export async function sustainedRegime(env: BenchEnvironment, soak: MigrantSoak, rate: number, seconds: number) {
  const memory = sampleMemory(env, Math.max(1_000, Math.min(10_000, (seconds * 1000) / 30)));
  const cpuStart = await env.cpu();
  const report = await regime(soak, rate, seconds);
  const cpu = cpuPerOperation(cpuStart, await env.cpu(), Math.max(1, report.accepted));
  const rss = memory.stop();
  const goals = {
    noErrors: report.errors === 0 && report.shed <= 0.01 * report.offered,
    acceptedP99: report.acceptedLatency.p99 <= SOAK_GOALS.acceptedP99Ms,
    rssGrowth:
      (rss.growthPercent.api ?? 0) < SOAK_GOALS.rssGrowthPercent && (rss.growthPercent.worker ?? 0) < SOAK_GOALS.rssGrowthPercent,
  };
  return { ...report, cpuMsPerApplication: cpu, memory: rss, goals, goalMet: Object.values(goals).every(Boolean) };
}

/**
 * Above the sustainable rate: the API must shed (503 + Retry-After, reason `overloaded`) fast, never after a long wait,
 * and what it takes up must still meet the latency goal. No shed at all means the rate did not overload the system.
 */
export async function overloadRegime(soak: MigrantSoak, rate: number, seconds: number) {
  const report = await regime(soak, rate, seconds);
  const goals = {
    overloaded: report.shed > 0,
    noErrorsButSheds: report.errors === 0,
    shedFast: report.shed === 0 || report.shedLatency.p99 < SOAK_GOALS.shedP99Ms,
    nobodyWaits30s: report.maxWaitMs < SOAK_GOALS.neverWaitMs,
    acceptedP99: report.accepted === 0 || report.acceptedLatency.p99 <= SOAK_GOALS.acceptedP99Ms,
  };
  return { ...report, goals, goalMet: Object.values(goals).every(Boolean) };
}

/** The whole soak: ladder (unless `--rate`), sustained regime at the rate found, overload regime above it. */
export async function migrantSoak(env: BenchEnvironment, options: SoakOptions) {
  const { quick, log } = options;
  const admission = settings.workflowAdmission();
  const communities = quick ? 3 : 10;
  log(
    `soak: ${communities} elections in registration; admission ${admission.maxInFlight} in flight, wait ${admission.maxWaitMs} ms`,
  );
  const soak = await prepareMigrantSoak(env.apiUrl, env.databaseUrl, { communities });

  const ladder = options.ladder ?? (quick ? [2, 4] : [2, 4, 6, 8, 12, 16, 24, 32]);
  const search = options.rate === undefined ? await findSustainableRate(soak, ladder, quick ? 5 : 30, log) : undefined;
  const rate = options.rate ?? search?.sustainableRate ?? ladder[0]!;

  const sustainedSeconds = Math.round(options.minutes * 60);
  log(`soak: sustained regime, ${rate} applications/s for ${sustainedSeconds} s…`);
  const sustained = await sustainedRegime(env, soak, rate, sustainedSeconds);
  log(
    `soak: sustained ${sustained.accepted}/${sustained.offered} accepted, p99 ${sustained.acceptedLatency.p99} ms, goal ${sustained.goalMet ? 'met' : 'MISSED'}`,
  );
  await new Promise((r) => setTimeout(r, 2_000));

  const overloadRate = Math.round(rate * (options.overloadFactor ?? 3) * 10) / 10;
  const overloadSeconds = options.overloadSeconds ?? (quick ? 10 : 60);
  log(`soak: overload regime, ${overloadRate} applications/s for ${overloadSeconds} s…`);
  const overload = await overloadRegime(soak, overloadRate, overloadSeconds);
  log(
    `soak: overload ${overload.accepted} accepted, ${overload.shed} shed (p99 ${overload.shedLatency.p99} ms), ${overload.errors} errors, goal ${overload.goalMet ? 'met' : 'MISSED'}`,
  );

  return {
    load: `migrant applications (each its own migrant-eligibility workflow) over ${communities} elections in registration`,
    engine: env.temporalEngine,
    admission,
    goals: SOAK_GOALS,
    ...(search ? { ladder: search } : {}),
    sustainableRate: search ? search.sustainableRate : null,
    sustained: {
      regime: `sustainable rate (${rate}/s${options.rate === undefined ? ', found by the ladder' : ', from --rate'})`,
      ...sustained,
    },
    overload: { regime: `overload (${overloadRate}/s, ${options.overloadFactor ?? 3} × the sustainable rate)`, ...overload },
    goalMet: (search === undefined || search.sustainableRate !== null) && sustained.goalMet && overload.goalMet,
  };
}

export type SoakReport = Awaited<ReturnType<typeof migrantSoak>>;
