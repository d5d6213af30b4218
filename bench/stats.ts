import { ShedError } from './http-session';

/** Latency statistics of one scenario (milliseconds). */
export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencyStats(samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    count: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1] ?? 0),
  };
}

/**
 * Runs `total` operations with at most `concurrency` in flight; returns per-operation latencies and throughput. An
 * operation the API shed (ShedError: 503 before anything started) is sent again after 200 ms, as a load
 * generator that keeps the API full would; the latency is the accepted attempt's, the sheds are counted.
 */
export async function runConcurrent(total: number, concurrency: number, op: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let shed = 0;
  const errorSamples: string[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        for (;;) {
          const t0 = performance.now();
          try {
            await op(i);
          } catch (error) {
            if (error instanceof ShedError) {
              shed += 1;
              await new Promise((r) => setTimeout(r, 200));
              continue;
            }
            errors += 1;
            if (errorSamples.length < 3) errorSamples.push(error instanceof Error ? error.message.slice(0, 300) : String(error));
          }
          latencies.push(performance.now() - t0);
          break;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    ...latencyStats(latencies),
    errors,
    ...(errors > 0 ? { errorSamples } : {}),
    ...(shed > 0 ? { shed } : {}),
    throughputPerSec: Math.round((total / seconds) * 10) / 10,
  };
}

export function ratio(a: number, b: number): number {
  return b === 0 ? 0 : Math.round((a / b) * 100) / 100;
}
