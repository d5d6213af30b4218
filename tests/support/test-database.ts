import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase } from '../../runtime/postgres-admin';
import { adoptDatabase, grantApplicationRights, urlAsRole } from '../../runtime/db-roles';
import type { DatabaseRoles } from '../../runtime/db-provision';

/**
 * The roles of the tests' databases (cluster-wide, created by global setup): the owner migrates, the application
 * role is what the API and the worker of every test connect as, with only the rights the product grants it.
 */
export const TEST_DATABASE_ROLES: DatabaseRoles = {
  owner: { name: 'cg_test_owner', password: 'cg_test_owner' },
  app: { name: 'cg_test_app', password: 'cg_test_app' },
};

export interface TestDatabase {
  /** As the application role (DATABASE_URL of the API and the worker). */
  url: string;
  /** As the owner role (migrations; test setup that changes the schema). */
  ownerUrl: string;
  /** As the server's superuser (what an attacker with full database access could do). */
  superuserUrl: string;
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

function testDatabase(name: string, superuserUrl: string): TestDatabase {
  const { owner, app } = TEST_DATABASE_ROLES;
  return {
    url: urlAsRole(superuserUrl, app.name, app.password),
    ownerUrl: urlAsRole(superuserUrl, owner.name, owner.password),
    superuserUrl,
    drop: () => dropDatabase(serverUrl(), name),
  };
}

/** A fresh database with every migration applied (a copy of the template), private to the calling test file. */
export async function createMigratedDatabase(): Promise<TestDatabase> {
  const name = uniqueName('cg_test');
  const url = await createDatabase(serverUrl(), name, process.env.TEST_TEMPLATE_DB);
  // Tables, grants and default privileges come with the copy; the database's own owner and ACL do not.
  await adoptDatabase(serverUrl(), name, TEST_DATABASE_ROLES.owner.name);
  const database = testDatabase(name, url);
  await grantApplicationRights(database.ownerUrl, TEST_DATABASE_ROLES.app.name);
  return database;
}

/**
 * A fresh empty database owned by the owner role, for migration tests: its `url` is the owner's, as migrations run
 * as the owner (the application role can create nothing); `grantApplicationRights` then gives the application role
 * its rights.
 */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = uniqueName('cg_empty');
  const url = await createDatabase(serverUrl(), name);
  await adoptDatabase(serverUrl(), name, TEST_DATABASE_ROLES.owner.name);
  const database = testDatabase(name, url);
  return { ...database, url: database.ownerUrl };
}
