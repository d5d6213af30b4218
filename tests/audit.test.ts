import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { AUDIT_CHAINS, appendAudit, auditChainOf } from '../runtime/audit';
import { verifyAuditChain } from '../runtime/audit-verify';
import { createDb, type Db } from '../runtime/db';
import { createMigratedDatabase, type TestDatabase } from './support/test-database';

/** A database of its own with `rows` audit rows (one per target, so spread over chains). */
async function trail(rows: number): Promise<{ db: Db; ownerUrl: string; superuserUrl: string; close(): Promise<void> }> {
  const database = await createMigratedDatabase();
  const db = createDb(database.url, { poolSize: 4 });
  for (let i = 0; i < rows; i++) {
    await db.$transaction((tx) =>
      appendAudit(tx, {
        action: 'test.event',
        targetType: 'test',
        targetId: String(i),
        outcome: 'success',
        data: { i, nested: { b: 1, a: [1, 2] } },
      }),
    );
  }
  return {
    db,
    ownerUrl: database.ownerUrl,
    superuserUrl: database.superuserUrl,
    async close() {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** Runs SQL as a superuser with triggers off, as an attacker with database access could. */
async function behindTheTriggers(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET session_replication_role = replica`);
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('audit trail', () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createMigratedDatabase();
    db = createDb(database.url, { poolSize: 8 });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('chains rows written concurrently, a case’s rows in one chain, and verifies them', async () => {
    const cases = Array.from({ length: 8 }, () => randomUUID());
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db.$transaction((tx) =>
          appendAudit(tx, {
            action: 'test.concurrent',
            targetType: 'case',
            caseId: cases[i % cases.length],
            outcome: 'success',
            data: { i },
          }),
        ),
      ),
    );
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 40 });
    const perCase = await db.auditEvent.groupBy({
      by: ['caseId'],
      where: { action: 'test.concurrent' },
      _min: { chain: true },
      _max: { chain: true },
    });
    for (const c of perCase) expect(c._min.chain).toBe(c._max.chain);
    expect(new Set(perCase.map((c) => c._min.chain)).size).toBeGreaterThan(1);
    for (const c of perCase) expect(c._min.chain).toBe(auditChainOf({ caseId: c.caseId, targetType: 'case', action: 'x' }));
  });

  it('writes every row of one transaction to one chain, so transactions auditing the same cases in opposite order do not deadlock', async () => {
    const a = randomUUID();
    let b = randomUUID();
    while (
      auditChainOf({ caseId: a, targetType: 'case', action: 'x' }) ===
      auditChainOf({ caseId: b, targetType: 'case', action: 'x' })
    )
      b = randomUUID();
    const both = (requestId: string, first: string, second: string) =>
      db.$transaction(async (tx) => {
        await appendAudit(tx, { action: 'test.pair', targetType: 'case', caseId: first, outcome: 'success', requestId });
        await new Promise((r) => setTimeout(r, 50));
        await appendAudit(tx, { action: 'test.pair', targetType: 'case', caseId: second, outcome: 'success', requestId });
      });
    await Promise.all([both('1', a, b), both('2', b, a), both('3', a, b), both('4', b, a)]);
    const rows = await db.auditEvent.groupBy({
      by: ['requestId'],
      where: { action: 'test.pair' },
      _count: true,
      _min: { chain: true },
      _max: { chain: true },
    });
    expect(rows).toHaveLength(4);
    for (const r of rows) expect([r._count, r._min.chain]).toEqual([2, r._max.chain]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    expect(AUDIT_CHAINS).toBeGreaterThan(1);
  });

  it('is refused by the database on UPDATE, DELETE and TRUNCATE, even to the owner role', async () => {
    const t = await trail(3);
    // The application role has no such rights at all (tests/database-roles.test.ts); the triggers hold for the owner.
    const owner = createDb(t.ownerUrl, { poolSize: 1 });
    try {
      await expect(owner.$executeRawUnsafe(`UPDATE audit_event SET reason = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
      await expect(owner.$executeRawUnsafe(`DELETE FROM audit_event WHERE seq = 1`)).rejects.toThrow(/append-only/);
      await expect(owner.$executeRawUnsafe(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
      expect(await t.db.auditEvent.count()).toBe(3);
    } finally {
      await owner.$disconnect();
      await t.close();
    }
  });

  it('names the first row changed behind the triggers’ back', async () => {
    const t = await trail(10);
    try {
      // A superuser can bypass triggers; the hash chain still shows it.
      await behindTheTriggers(t.superuserUrl, `UPDATE audit_event SET outcome = 'refused' WHERE seq IN (3, 7)`);
      const row = await t.db.auditEvent.findUniqueOrThrow({ where: { seq: 3n } });
      const result = await verifyAuditChain(t.db);
      expect(result).toMatchObject({
        ok: false,
        firstBroken: { seq: '3', chain: row.chain, chainSeq: row.chainSeq.toString(), reason: 'hash-mismatch' },
      });
      expect(result.checked).toBeLessThanOrEqual(8);
    } finally {
      await t.close();
    }
  });

  it('names the row after one deleted behind the triggers’ back (a gap in its chain)', async () => {
    const t = await trail(2);
    try {
      // Two more rows in the chain of row 1, then the middle one of the three goes.
      const first = await t.db.auditEvent.findUniqueOrThrow({ where: { seq: 1n } });
      for (let i = 0; i < 2; i++) {
        await t.db.$transaction((tx) =>
          appendAudit(tx, { action: 'test.event', targetType: first.targetType, targetId: first.targetId, outcome: 'success' }),
        );
      }
      const [middle, next] = await t.db.auditEvent.findMany({
        where: { chain: first.chain, chainSeq: { in: [2n, 3n] } },
        orderBy: { chainSeq: 'asc' },
      });
      await behindTheTriggers(t.superuserUrl, `DELETE FROM audit_event WHERE seq = ${middle!.seq}`);
      expect(await verifyAuditChain(t.db)).toMatchObject({
        ok: false,
        firstBroken: { seq: next!.seq.toString(), chainSeq: '3', reason: 'sequence-gap' },
      });
    } finally {
      await t.close();
    }
  });

  it('names a row moved to another chain behind the triggers’ back', async () => {
    const t = await trail(1);
    try {
      const row = await t.db.auditEvent.findUniqueOrThrow({ where: { seq: 1n } });
      const other = (row.chain + 1) % AUDIT_CHAINS;
      await behindTheTriggers(t.superuserUrl, `UPDATE audit_event SET chain = ${other} WHERE seq = 1`);
      expect(await verifyAuditChain(t.db)).toEqual({
        ok: false,
        checked: 0,
        firstBroken: { seq: '1', chain: other, chainSeq: '1', reason: 'broken-link' },
      });
    } finally {
      await t.close();
    }
  });
});
