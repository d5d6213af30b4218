// `npm run restore -- <archive>`: puts a backup from `npm run backup` back in place (the product must be stopped).
// The current data is moved aside to .data/pre-restore-<time>/, never deleted.
import path from 'node:path';
import { restoreBackup } from '../runtime/backup';
import { runningStartPid } from '../runtime/backup-control';
import { dataDir } from '../runtime/paths';

async function main(): Promise<void> {
  const archive = process.argv[2];
  if (!archive) throw new Error('usage: npm run restore -- <backup .tar.gz>');
  const pid = runningStartPid();
  if (pid) throw new Error(`npm start is running (pid ${pid}); stop it first`);
  const { manifest, movedAside } = await restoreBackup({ archive: path.resolve(archive), dataDir });
  console.log(`restored the backup of ${manifest.createdAt} into ${dataDir}`);
  if (movedAside) console.log(`the previous data is in ${movedAside}`);
  console.log('start the product with npm start');
}

main().catch((error: unknown) => {
  console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
