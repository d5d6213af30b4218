// Applies the pending migrations of prisma/migrations to DATABASE_URL (offline `prisma migrate deploy`).
// Usage: DATABASE_URL=postgresql://… npm run db:migrate
import { applyMigrations } from '../prisma/engine';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required (postgresql://user:password@host:port/database)');
  const { applied } = await applyMigrations(databaseUrl, { log: (line) => console.log(line) });
  console.log(applied.length > 0 ? `Applied ${applied.length} migration(s).` : 'Database is up to date.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
