import pg from 'pg';
import { databaseNameOf, databaseUrlFor } from './postgres-admin';

/**
 * Who may change the record. The database has two roles of the product's own:
 * - the OWNER role owns the database and every table; migrations run as it (DDL, the audit table's triggers);
 * - the APPLICATION role is what the API and the worker connect as: it owns nothing, cannot create, alter or drop
 *   anything, has SELECT/INSERT/UPDATE/DELETE on the application's tables, USAGE on their sequences, and only
 *   SELECT and INSERT on the audit table — so it can neither rewrite the audit trail nor switch its triggers off.
 * A superuser (the embedded server's `postgres`, or an operator's) only creates the roles and the database.
 */
export const AUDIT_TABLE = 'audit_event';
/** Prisma's migration bookkeeping: the owner's alone. */
const MIGRATIONS_TABLE = '_prisma_migrations';

export const DEFAULT_OWNER_ROLE = 'cg_owner';
export const DEFAULT_APP_ROLE = 'cg_app';

export function quoteRole(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe role name: ${name}`);
  return `"${name}"`;
}

/** The user name of a postgresql:// URL. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** The same server and database as `url`, connecting as another role. */
export function urlAsRole(url: string, role: string, password: string): string {
  const next = new URL(url);
  next.username = encodeURIComponent(role);
  next.password = encodeURIComponent(password);
  return next.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Roles are cluster-wide: processes starting at once (test runs, npm start) may race to create or alter the same one. */
function isConcurrentRoleChange(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : '';
  return code === '42710' || code === '23505' || code === '40001' || /tuple concurrently updated/.test(message);
}

/**
 * Creates a login role, or brings an existing one to these attributes and password: never a superuser, never able
 * to create databases or roles, to replicate or to bypass row security. Needs a superuser (or CREATEROLE) URL.
 */
export async function ensureLoginRole(adminUrl: string, name: string, password: string): Promise<void> {
  const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD '${password.replace(/'/g, "''")}'`;
  await withClient(adminUrl, async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const exists = (await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])).rowCount === 1;
        await c.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${quoteRole(name)} ${attributes}`);
        return;
      } catch (error) {
        if (attempt >= 5 || !isConcurrentRoleChange(error)) throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
      }
    }
  });
}

/**
 * Makes `owner` the owner of the database and of everything in its public schema, and closes the doors PostgreSQL
 * leaves open to every role (creating objects in public, temporary tables). Run as a superuser, before migrating as
 * `owner`; idempotent, so it also adopts a database that an earlier version migrated as the superuser.
 */
export async function adoptDatabase(adminUrl: string, database: string, owner: string): Promise<void> {
  const o = quoteRole(owner);
  await withClient(databaseUrlFor(adminUrl, 'postgres'), (c) => c.query(`ALTER DATABASE "${database}" OWNER TO ${o}`));
  await withClient(databaseUrlFor(adminUrl, database), async (c) => {
    await c.query('BEGIN');
    await c.query(`ALTER SCHEMA public OWNER TO ${o}`);
    await c.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await c.query(`REVOKE TEMPORARY ON DATABASE "${database}" FROM PUBLIC`);
    const owned = await c.query<{ sql: string }>(
      `SELECT format('ALTER %s %s OWNER TO %I',
                     CASE cl.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                     cl.oid::regclass, $1::text) AS sql
         FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE n.nspname = 'public' AND cl.relkind IN ('r', 'p', 'v', 'm', 'S') AND pg_get_userbyid(cl.relowner) <> $1
          AND NOT (cl.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = cl.oid AND d.deptype IN ('a', 'i')))
       UNION ALL
       SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $1::text)
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND pg_get_userbyid(t.typowner) <> $1
          AND NOT (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class r WHERE r.oid = t.typrelid AND r.relkind <> 'c'))
       UNION ALL
       SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1::text)
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> $1`,
      [owner],
    );
    for (const { sql } of owned.rows) await c.query(sql);
    await c.query('COMMIT');
  });
}

/**
 * The application role's rights in a migrated database, granted by its owner (or a superuser) after every migration
 * run: CONNECT; USAGE on the schema; SELECT, INSERT, UPDATE, DELETE on the tables; USAGE on the sequences; on the
 * audit table SELECT and INSERT only; nothing on the migrations table. Default privileges give tables and sequences
 * that later migrations create the same rights; the audit table's UPDATE, DELETE and TRUNCATE are revoked every time.
 */
export async function grantApplicationRights(ownerUrl: string, appRole: string): Promise<void> {
  const app = quoteRole(appRole);
  const database = databaseNameOf(ownerUrl);
  await withClient(ownerUrl, async (c) => {
    await c.query('BEGIN');
    await c.query(`REVOKE ALL ON DATABASE "${database}" FROM ${app}`);
    await c.query(`GRANT CONNECT ON DATABASE "${database}" TO ${app}`);
    await c.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await c.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
    await c.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`);
    await c.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`);
    await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
    await c.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app}`);
    await c.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
    const present = async (table: string) =>
      (await c.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [`public."${table}"`])).rows[0]?.t != null;
    if (await present(AUDIT_TABLE)) {
      await c.query(`REVOKE ALL ON "${AUDIT_TABLE}" FROM ${app}`);
      await c.query(`GRANT SELECT, INSERT ON "${AUDIT_TABLE}" TO ${app}`);
    }
    if (await present(MIGRATIONS_TABLE)) await c.query(`REVOKE ALL ON "${MIGRATIONS_TABLE}" FROM ${app}`);
    await c.query('COMMIT');
  });
}

export interface DatabaseRights {
  role: string;
  superuser: boolean;
  /** Owns the audit table (could disable its triggers or drop it). */
  ownsAuditTable: boolean;
  /** Has UPDATE, DELETE or TRUNCATE on the audit table. */
  canRewriteAudit: boolean;
}

/** What the role `url` connects as could do to the audit trail (checked by the API and the worker at start). */
export async function databaseRights(query: (sql: string) => Promise<Record<string, unknown>[]>): Promise<DatabaseRights> {
  const [row] = await query(
    `SELECT current_user::text AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            COALESCE((SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class WHERE oid = to_regclass('public.${AUDIT_TABLE}')), false) AS owns,
            COALESCE(to_regclass('public.${AUDIT_TABLE}') IS NOT NULL
              AND has_table_privilege('public.${AUDIT_TABLE}', 'UPDATE, DELETE, TRUNCATE'), false) AS rewrite`,
  );
  return {
    role: String(row?.role),
    superuser: row?.superuser === true,
    ownsAuditTable: row?.owns === true,
    canRewriteAudit: row?.rewrite === true,
  };
}

/** A warning line when the process could change the audit trail behind the application, else undefined. */
export function rightsWarning(rights: DatabaseRights): string | undefined {
  const powers = [
    rights.superuser && 'is a superuser',
    rights.ownsAuditTable && `owns ${AUDIT_TABLE} (can disable its triggers)`,
    rights.canRewriteAudit && `may UPDATE/DELETE/TRUNCATE ${AUDIT_TABLE}`,
  ].filter(Boolean);
  if (powers.length === 0) return undefined;
  return (
    `database role "${rights.role}" ${powers.join(', ')}: run the API and the worker as the application role ` +
    `(DATABASE_URL) and migrations as the owner (MIGRATION_DATABASE_URL); see README, "Database roles"`
  );
}

/**
 * Run by the API and the worker at start: a role that could rewrite the audit trail is refused in production
 * (APP_MODE=production) and named in a warning otherwise (the demo and development may run as one role).
 */
export async function checkDatabaseRole(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
  options: { production: boolean; warn: (line: string) => void },
): Promise<void> {
  const warning = rightsWarning(await databaseRights(query));
  if (!warning) return;
  if (options.production) throw new Error(`refusing to start in production: ${warning}`);
  options.warn(`warning: ${warning}`);
}
