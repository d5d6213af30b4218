import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations, defaultMigrationsDir } from '../prisma/engine';
import { createEmptyDatabase, type TestDatabase } from './support/test-database';

const MIGRATIONS = defaultMigrationsDir;
const LOCALIZED = '20261207134734_rule_decision_detail_localized';

/** The migrations before the one that gives rule details one shape: the database as old rows were written in. */
function migrationsBefore(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  for (const entry of fs.readdirSync(MIGRATIONS, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name >= name) continue;
    fs.cpSync(path.join(MIGRATIONS, entry.name), path.join(dir, entry.name), { recursive: true });
  }
  return dir;
}

describe('rule decision details migrated to one shape', () => {
  let database: TestDatabase;
  let oldMigrations: string;
  beforeAll(async () => {
    database = await createEmptyDatabase();
    oldMigrations = migrationsBefore(LOCALIZED);
  });
  afterAll(async () => {
    fs.rmSync(oldMigrations, { recursive: true, force: true });
    await database?.drop();
  });

  it('keeps every old rule detail as {zh-CN, en}: JSON details as they were, Chinese-only text for both languages', async () => {
    await applyMigrations(database.url, { migrationsDir: oldMigrations });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      // Old rows as the old writers stored them (the case rows they belong to do not matter here: this database is
      // dropped after the test).
      await client.query(`ALTER TABLE rule_decision DROP CONSTRAINT rule_decision_case_id_fkey`);
      await client.query(
        `INSERT INTO rule_decision (id, case_id, rule_id, passed, citation, detail)
         SELECT gen_random_uuid(), gen_random_uuid(), rule_id, true, '引文', detail
         FROM (VALUES ('EL-LAW', '{"zh-CN":"适用村民委员会组织法","en":"The villagers committee law applies"}'),
                      ('SA-OWN-DUTY', '属于部门自身职责，不得转嫁社区'),
                      ('SA-BAD', '{不是 JSON'),
                      ('SA-NONE', NULL)) AS old(rule_id, detail)`,
      );

      // The localized-detail migration is the first one applied to the old database (later ones follow it).
      expect((await applyMigrations(database.url)).applied[0]).toMatch(/rule_decision_detail_localized$/);

      const { rows } = await client.query<{ rule_id: string; detail: unknown }>(
        `SELECT rule_id, detail FROM rule_decision ORDER BY rule_id`,
      );
      expect(Object.fromEntries(rows.map((r) => [r.rule_id, r.detail]))).toEqual({
        'EL-LAW': { 'zh-CN': '适用村民委员会组织法', en: 'The villagers committee law applies' },
        'SA-OWN-DUTY': { 'zh-CN': '属于部门自身职责，不得转嫁社区', en: '属于部门自身职责，不得转嫁社区' },
        'SA-BAD': { 'zh-CN': '{不是 JSON', en: '{不是 JSON' },
        'SA-NONE': null,
      });
    } finally {
      await client.end();
    }
  });
});
