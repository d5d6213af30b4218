import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { appendAudit } from '../runtime/audit';
import { createDb } from '../runtime/db';
import { verifyAuditChain } from '../runtime/audit-verify';
import { checkDatabaseRole, databaseRights, rightsWarning } from '../runtime/db-roles';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn } from './support/factories';
import { createEmptyDatabase, TEST_DATABASE_ROLES } from './support/test-database';
import { applyMigrations } from '../prisma/engine';
import { provisionDatabase } from '../runtime/db-provision';
import { databaseNameOf } from '../runtime/postgres-admin';

/** One statement on a connection of its own; resolves to the SQLSTATE of the refusal, or 'ok'. */
async function attempt(url: string, sql: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
    return 'ok';
  } catch (error) {
    return `${(error as { code?: string }).code} ${(error as Error).message}`;
  } finally {
    await client.end();
  }
}

/** 42501 insufficient_privilege: "permission denied for …" or "must be owner of …". */
const REFUSED = /^42501 (permission denied|must be owner)/;

describe('database roles: the API and the worker connect as a role that cannot change the record behind the application', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('the API and the worker connect as the application role: no superuser, no CREATEDB/CREATEROLE, owner of nothing', async () => {
    const [me] = await h.db.$queryRaw<
      { role: string; superuser: boolean; createdb: boolean; createrole: boolean; owned: bigint }[]
    >`
      SELECT current_user::text AS role, r.rolsuper AS superuser, r.rolcreatedb AS createdb, r.rolcreaterole AS createrole,
             (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) + (SELECT count(*) FROM pg_proc p WHERE p.proowner = r.oid)
               + (SELECT count(*) FROM pg_type t WHERE t.typowner = r.oid) + (SELECT count(*) FROM pg_namespace n WHERE n.nspowner = r.oid) AS owned
        FROM pg_roles r WHERE r.rolname = current_user`;
    expect(me).toEqual({ role: TEST_DATABASE_ROLES.app.name, superuser: false, createdb: false, createrole: false, owned: 0n });
    const rights = await databaseRights((sql) => h.db.$queryRawUnsafe(sql));
    expect(rights).toEqual({
      role: TEST_DATABASE_ROLES.app.name,
      superuser: false,
      ownsAuditTable: false,
      canRewriteAudit: false,
    });
    expect(rightsWarning(rights)).toBeUndefined();
  });

  it('migrations ran as the owner role: it owns every table, including the audit table and its triggers', async () => {
    const owners = await h.db.$queryRaw<{ owner: string }[]>`
      SELECT DISTINCT pg_get_userbyid(relowner)::text AS owner FROM pg_class
       WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S')`;
    expect(owners).toEqual([{ owner: TEST_DATABASE_ROLES.owner.name }]);
  });

  it('the application role can neither disable the audit triggers, update, delete or truncate audit rows, nor drop or create tables', async () => {
    await h.db.$transaction((tx) =>
      appendAudit(tx, { action: 'test.roles', targetType: 'test', targetId: 'roles', outcome: 'success' }),
    );
    const before = await h.db.auditEvent.count();
    const app = h.database.url;
    const refusals = {
      disableTrigger: await attempt(app, 'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete'),
      disableAllTriggers: await attempt(app, 'ALTER TABLE audit_event DISABLE TRIGGER ALL'),
      dropTrigger: await attempt(app, 'DROP TRIGGER audit_event_no_update_delete ON audit_event'),
      replicaMode: await attempt(app, 'SET session_replication_role = replica'),
      update: await attempt(app, `UPDATE audit_event SET reason = 'rewritten'`),
      delete: await attempt(app, 'DELETE FROM audit_event'),
      truncate: await attempt(app, 'TRUNCATE audit_event'),
      dropAudit: await attempt(app, 'DROP TABLE audit_event'),
      dropCase: await attempt(app, 'DROP TABLE "case"'),
      alterTable: await attempt(app, 'ALTER TABLE "case" ADD COLUMN x int'),
      takeOwnership: await attempt(app, `ALTER TABLE audit_event OWNER TO ${TEST_DATABASE_ROLES.app.name}`),
      createTable: await attempt(app, 'CREATE TABLE shadow_audit (id int)'),
      createTempTable: await attempt(app, 'CREATE TEMP TABLE shadow_audit (id int)'),
      createFunction: await attempt(app, 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$'),
      migrationsTable: await attempt(app, 'DELETE FROM "_prisma_migrations"'),
    };
    for (const [what, outcome] of Object.entries(refusals))
      expect([what, outcome]).toEqual([what, expect.stringMatching(REFUSED)]);
    // Granting itself more only warns ("no privileges were granted") and changes nothing.
    await attempt(app, `GRANT UPDATE, DELETE, TRUNCATE ON audit_event TO ${TEST_DATABASE_ROLES.app.name}`);
    expect((await databaseRights((sql) => h.db.$queryRawUnsafe(sql))).canRewriteAudit).toBe(false);
    expect(await h.db.auditEvent.count()).toBe(before);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('the application role does the normal work: signs in, writes and changes its tables, appends to the audit trail', async () => {
    const township = await makeOrganization(h.db, 'TOWNSHIP');
    const user = await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }]);
    const before = await h.db.auditEvent.count();
    const session = await signIn(h.api, user.username);
    expect((await session.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    expect(await h.db.auditEvent.count()).toBeGreaterThan(before); // the sign-in was audited by the application role
    await h.db.organization.update({ where: { id: township.id }, data: { name: `${township.name} 改` } });
    expect(await attempt(h.database.url, `UPDATE organization SET name = name WHERE id = '${township.id}'`)).toBe('ok');
    expect(await attempt(h.database.url, 'SELECT count(*) FROM audit_event')).toBe('ok');
  });

  it('a table a later migration creates is open to the application role (default privileges), the audit table still closed', async () => {
    expect(await attempt(h.database.ownerUrl, 'CREATE TABLE later_table (id int PRIMARY KEY, note text)')).toBe('ok');
    expect(await attempt(h.database.url, `INSERT INTO later_table VALUES (1, 'a')`)).toBe('ok');
    expect(await attempt(h.database.url, `UPDATE later_table SET note = 'b'`)).toBe('ok');
    expect(await attempt(h.database.url, 'DELETE FROM later_table')).toBe('ok');
    expect(await attempt(h.database.url, 'DROP TABLE later_table')).toMatch(REFUSED);
    expect(await attempt(h.database.url, 'DELETE FROM audit_event')).toMatch(REFUSED);
  });

  it('a process connected as a superuser is told that it could rewrite the audit trail', async () => {
    const client = new pg.Client({ connectionString: h.database.superuserUrl });
    await client.connect();
    try {
      const query = async (sql: string) => (await client.query<Record<string, unknown>>(sql)).rows;
      const rights = await databaseRights(query);
      expect(rights).toMatchObject({ superuser: true, canRewriteAudit: true });
      expect(rightsWarning(rights)).toMatch(/is a superuser.*MIGRATION_DATABASE_URL/);
      await expect(checkDatabaseRole(query, { production: true, warn: () => undefined })).rejects.toThrow(
        /refusing to start in production/,
      );
      const warnings: string[] = [];
      await checkDatabaseRole(query, { production: false, warn: (line) => warnings.push(line) });
      expect(warnings).toEqual([expect.stringMatching(/^warning: database role "postgres" is a superuser/)]);
    } finally {
      await client.end();
    }
  });

  it('a database an earlier version migrated as the superuser is adopted: the owner role gets every table, the application role only its rights', async () => {
    const database = await createEmptyDatabase();
    try {
      await applyMigrations(database.superuserUrl); // as `npm start` did before the roles
      const provisioned = await provisionDatabase(
        process.env.TEST_PG_SERVER_URL!,
        databaseNameOf(database.superuserUrl),
        TEST_DATABASE_ROLES,
      );
      expect(provisioned.applied).toEqual([]);
      const app = createDb(provisioned.appUrl, { poolSize: 1 });
      try {
        const owners = await app.$queryRaw<{ owner: string }[]>`
          SELECT DISTINCT pg_get_userbyid(relowner)::text AS owner FROM pg_class
           WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S')`;
        expect(owners).toEqual([{ owner: TEST_DATABASE_ROLES.owner.name }]);
        await app.$transaction((tx) => appendAudit(tx, { action: 'test.adopted', targetType: 'test', outcome: 'success' }));
        expect(await app.auditEvent.count()).toBe(1);
      } finally {
        await app.$disconnect();
      }
      expect(await attempt(provisioned.appUrl, 'DELETE FROM audit_event')).toMatch(REFUSED);
      expect(await attempt(provisioned.appUrl, 'ALTER TABLE audit_event DISABLE TRIGGER ALL')).toMatch(REFUSED);
    } finally {
      await database.drop();
    }
  });
});
