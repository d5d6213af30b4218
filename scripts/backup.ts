// `npm run backup [-- --out <dir>]`: a consistent backup of PostgreSQL and the Temporal dev server's file.
// With `npm start` running, it briefly stops the servers (about half a minute) and starts them again.
import path from 'node:path';
import { loadConfig } from '../runtime/config';
import { createBackup } from '../runtime/backup';
import { requestBackupFromRunningProduct, runningStartPid } from '../runtime/backup-control';
import { dataDir, repoRoot } from '../runtime/paths';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.DATABASE_URL || config.TEMPORAL_ADDRESS) {
    throw new Error(
      'DATABASE_URL or TEMPORAL_ADDRESS is set: back up that PostgreSQL (pg_dump / point-in-time recovery) and that ' +
        "Temporal cluster's persistence with their own tools, at the same moment (README, Backup and restore).",
    );
  }
  const outArg = process.argv[process.argv.indexOf('--out') + 1];
  const outDir = path.resolve(process.argv.includes('--out') && outArg ? outArg : path.join(repoRoot, 'backups'));
  const pid = runningStartPid();
  const archive = pid ? await requestBackupFromRunningProduct(pid, outDir) : await createBackup({ dataDir, outDir });
  console.log(archive);
}

main().catch((error: unknown) => {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
