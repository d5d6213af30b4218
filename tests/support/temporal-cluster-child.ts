// A process that starts a Temporal cluster and waits, for tests that interrupt it (tests/temporal-cluster.test.ts).
// argv: <admin URL> <log dir>. Prints `ready <pids…> <database>` once the cluster accepts workflow starts.
import { installShutdown } from '../../runtime/shutdown';
import { startTemporalCluster } from '../../runtime/temporal-cluster';

async function main(): Promise<void> {
  installShutdown({ log: (line) => process.stderr.write(`${line}\n`) });
  const [adminUrl, logDir] = process.argv.slice(2);
  const cluster = await startTemporalCluster({ adminUrl: adminUrl!, logDir: logDir!, history: 2, matching: 1 });
  process.stdout.write(`ready ${cluster.pids().join(',')} ${cluster.databases.persistence}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
