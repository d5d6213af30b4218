import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { repoRoot } from './paths';
import { livePid } from './pid-file';

/**
 * Backups of a single-machine installation (`npm start`): the embedded PostgreSQL data directory and the Temporal
 * dev server's SQLite file, archived together while both servers are stopped. Taken together at one stopped moment
 * they are consistent with each other: every task row in PostgreSQL matches the workflow history that opened it, so
 * after a restore running workflows continue where they were. (Documents are stored in PostgreSQL.)
 *
 * Installations on an external PostgreSQL and Temporal cluster use those systems' own backups instead (README).
 */

/** Paths inside the data directory that make up the state. */
export const BACKUP_PARTS = ['postgres', 'temporal'] as const;
const MANIFEST = 'backup-manifest.json';
const FORMAT = 1;

export interface BackupManifest {
  format: typeof FORMAT;
  createdAt: string;
  /** Migrations the backed-up database had when it was taken (those this code knew). */
  migrations: string[];
  parts: string[];
}

export function knownMigrations(): string[] {
  const dir = path.join(repoRoot, 'prisma', 'migrations');
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z');
}

/**
 * Archives the state under `dataDir` into `outDir/cg-backup-<UTC time>.tar.gz` and returns its path. The caller
 * must have stopped PostgreSQL and the Temporal dev server (a running server's files are not a consistent copy).
 */
export async function createBackup(options: { dataDir: string; outDir: string; now?: Date }): Promise<string> {
  const parts = BACKUP_PARTS.filter((part) => fs.existsSync(path.join(options.dataDir, part)));
  if (!parts.includes('postgres'))
    throw new Error(`nothing to back up: ${path.join(options.dataDir, 'postgres')} does not exist`);
  const livePid = postmasterPid(path.join(options.dataDir, 'postgres'));
  if (livePid) throw new Error(`PostgreSQL (pid ${livePid}) is still running on ${options.dataDir}; stop it first`);
  const createdAt = options.now ?? new Date();
  const manifest: BackupManifest = { format: FORMAT, createdAt: createdAt.toISOString(), migrations: knownMigrations(), parts };
  fs.mkdirSync(options.outDir, { recursive: true });
  const manifestPath = path.join(options.dataDir, MANIFEST);
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  const archive = path.join(options.outDir, `cg-backup-${timestamp(createdAt)}.tar.gz`);
  const partial = `${archive}.partial`;
  try {
    await tar.create({ gzip: true, file: partial, cwd: options.dataDir, portable: false }, [MANIFEST, ...parts]);
    fs.renameSync(partial, archive); // a half-written archive never carries the final name
  } finally {
    fs.rmSync(manifestPath, { force: true });
    fs.rmSync(partial, { force: true });
  }
  return archive;
}

/** Reads the manifest of an archive without extracting it. */
export async function readManifest(archive: string): Promise<BackupManifest> {
  let text: string | undefined;
  await tar.list({
    file: archive,
    filter: (p) => p === MANIFEST,
    onReadEntry: (entry) => {
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => chunks.push(c));
      entry.on('end', () => (text = Buffer.concat(chunks).toString('utf8')));
    },
  });
  if (!text) throw new Error(`${archive} is not a backup of this product (no ${MANIFEST})`);
  const manifest = JSON.parse(text) as BackupManifest;
  const format: unknown = manifest.format;
  if (format !== FORMAT) throw new Error(`backup format ${JSON.stringify(format)} is not supported (expected ${FORMAT})`);
  return manifest;
}

/**
 * Restores an archive into `dataDir` (servers stopped). The current state, if any, is moved aside to
 * `dataDir/pre-restore-<time>/` rather than deleted. Refuses a backup from a newer version of the product.
 */
export async function restoreBackup(options: {
  archive: string;
  dataDir: string;
}): Promise<{ manifest: BackupManifest; movedAside?: string }> {
  const manifest = await readManifest(options.archive);
  const known = new Set(knownMigrations());
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length)
    throw new Error(`the backup is from a newer version (unknown migrations: ${unknown.join(', ')}); upgrade first`);
  const livePid = postmasterPid(path.join(options.dataDir, 'postgres'));
  if (livePid) throw new Error(`PostgreSQL (pid ${livePid}) is running on ${options.dataDir}; stop it first`);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const present = BACKUP_PARTS.filter((part) => fs.existsSync(path.join(options.dataDir, part)));
  let movedAside: string | undefined;
  if (present.length) {
    movedAside = path.join(options.dataDir, `pre-restore-${timestamp(new Date())}`);
    fs.mkdirSync(movedAside);
    for (const part of present) fs.renameSync(path.join(options.dataDir, part), path.join(movedAside, part));
  }
  await tar.extract({ file: options.archive, cwd: options.dataDir, filter: (p) => p !== MANIFEST, preserveOwner: true });
  return { manifest, movedAside };
}

/** The pid in postmaster.pid when that process is alive (PostgreSQL running on this directory). */
function postmasterPid(pgDataDir: string): number | undefined {
  return livePid(path.join(pgDataDir, 'postmaster.pid'));
}
