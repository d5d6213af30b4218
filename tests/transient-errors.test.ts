import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { createDb, type Db } from '../runtime/db';
import { isTemporalNeverReached, isTransientError } from '../runtime/transient-errors';
import { makeOrganization } from './support/factories';
import { createMigratedDatabase, type TestDatabase } from './support/test-database';

/** Captures what a promise rejects with (the errors below come from the real clients, not built by hand). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('transient errors: which failures the API answers 503 (try again) rather than 500', () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    db = createDb(database.url, { poolSize: 1 });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('PostgreSQL not reachable is transient', async () => {
    const closed = createDb('postgresql://postgres:postgres@127.0.0.1:1/none');
    const error = await rejection(closed.user.count());
    await closed.$disconnect();
    expect(isTransientError(error)).toBe(true);
  });

  it('a transaction that cannot get a pooled connection in time is transient', async () => {
    // The one pooled connection is held by a slow transaction; the second cannot start within its maxWait.
    const holder = db.$transaction(async (tx) => tx.$executeRaw`SELECT pg_sleep(2)`, { timeout: 10_000 });
    const error = await rejection(db.$transaction(async (tx) => tx.user.count(), { maxWait: 200 }));
    await holder;
    expect(isTransientError(error)).toBe(true);
  });

  it('a constraint violation or a bad query is not transient', async () => {
    const org = await makeOrganization(db, 'TOWNSHIP');
    const duplicate = await rejection(
      db.organization.create({ data: { code: org.code, name: 'dup', kind: 'TOWNSHIP', path: '/' } }),
    );
    expect(isTransientError(duplicate)).toBe(false);
    expect(isTransientError(await rejection(db.$executeRawUnsafe('SELECT no_such_column FROM "User"')))).toBe(false);
  });

  it('Temporal not reachable is transient; a workflow that does not exist is not', async () => {
    const connection = Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 });
    const client = new Client({ connection });
    const error = await rejection(client.workflow.getHandle('nowhere').describe());
    await connection.close();
    expect(isTransientError(error)).toBe(true);

    const address = process.env.TEST_TEMPORAL_ADDRESS!;
    const real = await Connection.connect({ address });
    const missing = await rejection(new Client({ connection: real }).workflow.getHandle(`missing-${Date.now()}`).describe());
    await real.close();
    expect(missing).toBeInstanceOf(WorkflowNotFoundError);
    expect(isTransientError(missing)).toBe(false);
  });

  it('a start that never reached Temporal (no connection) is told apart: it cannot have happened', async () => {
    const connection = Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 });
    const client = new Client({ connection });
    const error = await rejection(client.workflow.start('nothing', { workflowId: `never-${Date.now()}`, taskQueue: 'none' }));
    await connection.close();
    expect(isTemporalNeverReached(error)).toBe(true);
    expect(isTemporalNeverReached(new TypeError('x is undefined'))).toBe(false);
  });

  it('plain programming errors are not transient', () => {
    expect(isTransientError(new TypeError('x is undefined'))).toBe(false);
    expect(isTransientError(undefined)).toBe(false);
  });
});
