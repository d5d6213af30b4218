import { applyMigrations } from '../prisma/engine';
import { adoptDatabase, ensureLoginRole, grantApplicationRights, urlAsRole } from './db-roles';
import { createDatabase, databaseExists, databaseUrlFor } from './postgres-admin';

export interface DatabaseRoles {
  owner: { name: string; password: string };
  app: { name: string; password: string };
}

export interface ProvisionedDatabase {
  /** The owner's URL: migrations, backups, operators' tools. */
  ownerUrl: string;
  /** The application role's URL: what the API and the worker connect with (DATABASE_URL). */
  appUrl: string;
  applied: string[];
}

/**
 * With a superuser URL of a server: the owner and application roles, the database (created when missing, owned by
 * the owner), every migration applied as the owner, and the application role's rights granted. Idempotent: this is
 * what `npm start`, the tests' global setup and the bench run before starting the API and the worker.
 */
export async function provisionDatabase(
  adminUrl: string,
  database: string,
  roles: DatabaseRoles,
  options: { template?: string; migrate?: boolean; log?: (line: string) => void } = {},
): Promise<ProvisionedDatabase> {
  await ensureLoginRole(adminUrl, roles.owner.name, roles.owner.password);
  await ensureLoginRole(adminUrl, roles.app.name, roles.app.password);
  if (!(await databaseExists(adminUrl, database))) await createDatabase(adminUrl, database, options.template);
  await adoptDatabase(adminUrl, database, roles.owner.name);
  const url = databaseUrlFor(adminUrl, database);
  const ownerUrl = urlAsRole(url, roles.owner.name, roles.owner.password);
  const { applied } = options.migrate === false ? { applied: [] } : await applyMigrations(ownerUrl, { log: options.log });
  await grantApplicationRights(ownerUrl, roles.app.name);
  return { ownerUrl, appUrl: urlAsRole(url, roles.app.name, roles.app.password), applied };
}
