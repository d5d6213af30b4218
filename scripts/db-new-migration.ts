// Authors a migration for the current prisma/schema.prisma (offline `prisma migrate dev --create-only`).
// Usage: DATABASE_URL=postgresql://… npm run db:new-migration -- <snake_name>   (or TEST_DATABASE_URL)
//
// On the server of that URL (the role needs CREATEDB) it creates a scratch database, applies the existing
// migrations, diffs it against schema.prisma and writes prisma/migrations/<UTC timestamp>_<name>/migration.sql when
// there is a difference; then drops the scratch database. The database of the URL itself is not touched.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createDatabase, dropDatabase } from '../runtime/postgres-admin';
import {
  LOCKFILE,
  LOCKFILE_CONTENT,
  MIGRATION_FILE,
  applyMigrations,
  defaultMigrationsDir,
  diffDatabaseAgainstSchema,
  readMigrations,
} from '../prisma/engine';
import { settings } from '../runtime/config';

/** YYYYMMDDHHMMSS in UTC, as `prisma migrate dev` names migrations. */
function utcTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error('Usage: npx tsx scripts/db-new-migration.ts <snake_name>   (lowercase letters, digits, _)');
  }
  const serverUrl = settings.scratchServerUrl();
  if (!serverUrl) throw new Error('DATABASE_URL or TEST_DATABASE_URL is required (only its server is used)');

  const migrationsDir = defaultMigrationsDir;
  fs.mkdirSync(migrationsDir, { recursive: true });
  const lockfile = path.join(migrationsDir, LOCKFILE);
  if (!fs.existsSync(lockfile)) fs.writeFileSync(lockfile, LOCKFILE_CONTENT);

  const directory = `${utcTimestamp(new Date())}_${name}`;
  const existing = readMigrations(migrationsDir).migrationDirectories.map((d) => d.path);
  const last = existing[existing.length - 1];
  if (last !== undefined && last >= directory) throw new Error(`${directory} would not sort after the last migration ${last}`);

  const scratch = `prisma_new_migration_${randomBytes(6).toString('hex')}`;
  const scratchUrl = await createDatabase(serverUrl, scratch);
  let sql: string;
  try {
    await applyMigrations(scratchUrl, { migrationsDir });
    sql = await diffDatabaseAgainstSchema(scratchUrl);
  } finally {
    await dropDatabase(serverUrl, scratch);
  }

  if (sql.trim() === '') {
    console.log('No changes: prisma/schema.prisma matches the migrations.');
    return;
  }
  const file = path.join(migrationsDir, directory, MIGRATION_FILE);
  fs.mkdirSync(path.dirname(file));
  fs.writeFileSync(file, sql.endsWith('\n') ? sql : `${sql}\n`);
  const shown = path.relative(process.cwd(), file);
  console.log(`Wrote ${shown.startsWith('..') ? file : shown}; review it, then apply with npm run db:migrate.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
