import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase } from '../../runtime/postgres-admin';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_PG_SERVER_URL;
  if (!url) throw new Error('TEST_PG_SERVER_URL is not set (tests/support/global-setup.ts did not run)');
  return url;
}

function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** A fresh database with every migration applied (a copy of the template), private to the calling test file. */
export async function createMigratedDatabase(): Promise<TestDatabase> {
  const name = uniqueName('cg_test');
  const url = await createDatabase(serverUrl(), name, process.env.TEST_TEMPLATE_DB);
  return { url, drop: () => dropDatabase(serverUrl(), name) };
}

/** A fresh empty database (for migration tests). */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = uniqueName('cg_empty');
  const url = await createDatabase(serverUrl(), name);
  return { url, drop: () => dropDatabase(serverUrl(), name) };
}
