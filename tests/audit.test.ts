import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { appendAudit } from '../runtime/audit';
import { verifyAuditChain } from '../runtime/audit-verify';
import { createDb, type Db } from '../runtime/db';
import { createMigratedDatabase, type TestDatabase } from './support/test-database';

describe('audit trail', () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createMigratedDatabase();
    db = createDb(database.url, { poolSize: 4 });
    for (let i = 0; i < 5; i++) {
      await db.$transaction((tx) => appendAudit(tx, { action: 'test.event', targetType: 'test', targetId: String(i), outcome: 'success', data: { i, nested: { b: 1, a: [1, 2] } } }));
    }
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('chains rows written concurrently and verifies them', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => db.$transaction((tx) => appendAudit(tx, { action: 'test.concurrent', targetType: 'test', targetId: String(i), outcome: 'success' }))),
    );
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 25 });
  });

  it('is refused by the database on UPDATE, DELETE and TRUNCATE', async () => {
    await expect(db.$executeRawUnsafe(`UPDATE audit_event SET reason = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM audit_event WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count()).toBe(25);
  });

  it('names the first row changed behind the triggers’ back', async () => {
    // A superuser can bypass triggers; the hash chain still shows it.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`SET session_replication_role = replica`);
      await client.query(`UPDATE audit_event SET outcome = 'refused' WHERE seq = 3`);
    } finally {
      await client.end();
    }
    expect(await verifyAuditChain(db)).toEqual({ ok: false, checked: 2, firstBroken: { seq: '3', reason: 'hash-mismatch' } });
  });
});
