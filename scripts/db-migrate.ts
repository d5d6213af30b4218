// Applies the pending migrations of prisma/migrations as the owner role (MIGRATION_DATABASE_URL, else DATABASE_URL),
// then grants the application role (DATABASE_URL's user) its rights (runtime/db-roles.ts) when the two differ.
// Usage: MIGRATION_DATABASE_URL=postgresql://owner:…@host/db DATABASE_URL=postgresql://app:…@host/db npm run db:migrate
import { applyMigrations } from '../prisma/engine';
import { grantApplicationRights, roleOf } from '../runtime/db-roles';
import { settings } from '../runtime/config';

async function main(): Promise<void> {
  const { databaseUrl, migrationUrl } = settings.migrationUrls();
  if (!migrationUrl)
    throw new Error('MIGRATION_DATABASE_URL or DATABASE_URL is required (postgresql://user:password@host:port/database)');
  const { applied } = await applyMigrations(migrationUrl, { log: (line) => console.log(line) });
  console.log(applied.length > 0 ? `Applied ${applied.length} migration(s).` : 'Database is up to date.');
  if (databaseUrl && roleOf(databaseUrl) !== roleOf(migrationUrl)) {
    await grantApplicationRights(migrationUrl, roleOf(databaseUrl));
    console.log(`Granted the application role ${roleOf(databaseUrl)} its rights.`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
