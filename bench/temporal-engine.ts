// The Temporal engine a harness runs on: `--engine=dev` (default, the CLI's dev server) or `--engine=cluster` (the real
// server's four services as separate processes on PostgreSQL; runtime/temporal-cluster.ts).
import path from 'node:path';
import { startTemporalCluster, type TemporalCluster } from '../runtime/temporal-cluster';

export type TemporalEngine = 'dev' | 'cluster';

/** `--engine=cluster` or `--engine cluster` among the arguments; `dev` when absent. */
export function temporalEngineOption(args: string[] = process.argv.slice(2)): TemporalEngine {
  const i = args.findIndex((a) => a === '--engine' || a.startsWith('--engine='));
  if (i < 0) return 'dev';
  const value = args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  if (value !== 'dev' && value !== 'cluster') throw new Error(`--engine must be dev or cluster, not ${value ?? '(nothing)'}`);
  return value;
}

/** Where a harness keeps its results: `<harness folder>/results` (bench/results, reliability/results). */
function harnessResultsDir(): string {
  const entry = process.argv[1];
  return entry ? path.join(path.dirname(path.resolve(entry)), 'results') : path.resolve('results');
}

/**
 * The cluster of a harness run: two history and two matching processes on the harness's PostgreSQL server, each
 * process logging to `<harness>/results/temporal-cluster-<time>/<service>-<n>.log` (ignored by git).
 */
export async function startHarnessCluster(adminUrl: string, log: (line: string) => void): Promise<TemporalCluster> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return startTemporalCluster({
    adminUrl,
    logDir: path.join(harnessResultsDir(), `temporal-cluster-${stamp}`),
    history: 2,
    matching: 2,
    log,
  });
}
