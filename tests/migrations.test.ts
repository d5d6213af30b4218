import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyMigrations, diffDatabaseAgainstSchema } from '../prisma/engine';
import { createEmptyDatabase, type TestDatabase } from './support/test-database';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(async () => database?.drop());

  it('applies every migration to an empty database, and schema.prisma agrees with the result (no drift)', async () => {
    const { applied } = await applyMigrations(database.url);
    expect(applied.length).toBeGreaterThan(0);
    // Fails when someone edits schema.prisma without adding a migration (npm run db:new-migration <name>).
    expect(await diffDatabaseAgainstSchema(database.url)).toBe('');
  });

  it('is idempotent: a second run applies nothing', async () => {
    expect((await applyMigrations(database.url)).applied).toEqual([]);
  });
});
