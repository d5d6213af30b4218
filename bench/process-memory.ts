import type { ChildProcess } from 'node:child_process';
import { rssMiB } from './environment';

/** One sample of the API's and the first worker's memory, `second` after sampling began. */
export interface MemorySample {
  second: number;
  apiRssMiB: number | null;
  workerRssMiB: number | null;
  /** From the worker's own gauges (runtime/worker-metrics.ts), when it has a metrics endpoint. */
  worker?: {
    heapUsedMiB: number;
    heapTotalMiB: number;
    externalMiB: number;
    arrayBuffersMiB: number;
    cachedWorkflows: number;
    activationsInFlight: number;
    activitiesInFlight: number;
  };
}

/** Means over the first and the last tenth of the samples, and the growth between them. */
export interface ProcessMemoryReport {
  intervalSeconds: number;
  firstWindow: WindowMeans;
  lastWindow: WindowMeans;
  growthPercent: { apiRss: number | null; workerRss: number | null; workerHeapUsed: number | null };
  /** At most 60 samples, evenly spread. */
  samples: MemorySample[];
}

interface WindowMeans {
  fromSecond: number;
  toSecond: number;
  apiRssMiB: number | null;
  workerRssMiB: number | null;
  workerHeapUsedMiB: number | null;
  cachedWorkflows: number | null;
}

export interface MemorySampledProcesses {
  api: ChildProcess;
  worker: ChildProcess;
  /** The worker's Prometheus endpoint (WORKER_METRICS_ADDRESS): heap, external memory and cached workflows. */
  workerMetricsUrl?: string;
}

const MiB = 1024 * 1024;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Reads the worker's `cg_worker_*` gauges from its Prometheus text. */
async function workerGauges(url: string): Promise<MemorySample['worker']> {
  try {
    const text = await (await fetch(url)).text();
    const value = (name: string, kind?: string) => {
      for (const line of text.split('\n')) {
        if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
        if (kind && !line.includes(`kind="${kind}"`)) continue;
        return Number(line.slice(line.lastIndexOf(' ') + 1));
      }
      return NaN;
    };
    const bytes = (kind: string) => round1(value('cg_worker_memory_bytes', kind) / MiB);
    const sample = {
      heapUsedMiB: bytes('heap_used'),
      heapTotalMiB: bytes('heap_total'),
      externalMiB: bytes('external'),
      arrayBuffersMiB: bytes('array_buffers'),
      cachedWorkflows: value('cg_worker_cached_workflows'),
      activationsInFlight: value('cg_worker_workflow_activations_in_flight'),
      activitiesInFlight: value('cg_worker_activities_in_flight'),
    };
    return Number.isNaN(sample.heapUsedMiB) ? undefined : sample;
  } catch {
    return undefined;
  }
}

/**
 * Samples the API's and the worker's memory every `intervalMs` until `stop()`, which returns the first and last
 * windows (a tenth of the run each) and their growth: the soak's "RSS growth < 20 %" is last window against first.
 */
export function sampleProcessMemory(processes: MemorySampledProcesses, intervalMs = 5_000) {
  const samples: MemorySample[] = [];
  const started = performance.now();
  const take = async () => {
    const worker = processes.workerMetricsUrl ? await workerGauges(processes.workerMetricsUrl) : undefined;
    samples.push({
      second: Math.round((performance.now() - started) / 1000),
      apiRssMiB: rssMiB(processes.api.pid),
      workerRssMiB: rssMiB(processes.worker.pid),
      ...(worker ? { worker } : {}),
    });
  };
  let pending = take();
  const timer = setInterval(() => {
    pending = pending.then(take);
  }, intervalMs);
  return {
    samples,
    async stop(): Promise<ProcessMemoryReport> {
      clearInterval(timer);
      await pending;
      await take();
      return summarize(samples, intervalMs);
    },
  };
}

export function summarize(samples: MemorySample[], intervalMs: number): ProcessMemoryReport {
  const windowSize = Math.max(1, Math.floor(samples.length / 10));
  const mean = (xs: (number | null | undefined)[]) => {
    const known = xs.filter((x): x is number => typeof x === 'number' && !Number.isNaN(x));
    return known.length ? round1(known.reduce((a, b) => a + b, 0) / known.length) : null;
  };
  const window = (part: MemorySample[]): WindowMeans => ({
    fromSecond: part[0]?.second ?? 0,
    toSecond: part[part.length - 1]?.second ?? 0,
    apiRssMiB: mean(part.map((s) => s.apiRssMiB)),
    workerRssMiB: mean(part.map((s) => s.workerRssMiB)),
    workerHeapUsedMiB: mean(part.map((s) => s.worker?.heapUsedMiB)),
    cachedWorkflows: mean(part.map((s) => s.worker?.cachedWorkflows)),
  });
  const firstWindow = window(samples.slice(0, windowSize));
  const lastWindow = window(samples.slice(-windowSize));
  const growth = (a: number | null, b: number | null) => (a && b ? round1(((b - a) / a) * 100) : null);
  const step = Math.max(1, Math.ceil(samples.length / 60));
  return {
    intervalSeconds: intervalMs / 1000,
    firstWindow,
    lastWindow,
    growthPercent: {
      apiRss: growth(firstWindow.apiRssMiB, lastWindow.apiRssMiB),
      workerRss: growth(firstWindow.workerRssMiB, lastWindow.workerRssMiB),
      workerHeapUsed: growth(firstWindow.workerHeapUsedMiB, lastWindow.workerHeapUsedMiB),
    },
    samples: samples.filter((_, i) => i % step === 0 || i === samples.length - 1),
  };
}
