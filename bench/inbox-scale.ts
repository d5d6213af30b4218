import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../prisma/generated/client';
import type { Caller } from '../api/plugins/app/auth';
import { inboxStatement, listInbox } from '../api/services/tasks/inbox';
import { inboxQuery } from '../api/schemas/inbox';
import { createUser } from '../api/services/users/create-user';
import { latencyStats, type LatencyStats } from './stats';

export interface InboxScaleData {
  tasks: number;
  cases: number;
  insertSeconds: number;
  township: { id: string; path: string };
  county: { id: string; path: string };
  townshipUser: { id: string };
  countyUser: { id: string };
}

export interface InboxScaleResult {
  tasks: number;
  cases: number;
  insertSeconds: number;
  queries: Record<string, LatencyStats & { rows: number }>;
  plans: Record<string, string>;
}

/**
 * Bulk-inserts a realistic load (10 counties × 10 townships × 20 communities; `cases` open cases with 10 tasks each,
 * 30 % open) straight into PostgreSQL, then times the inbox queries the API runs, as the API runs them.
 */
export async function inboxAtScale(databaseUrl: string, cases: number, repetitions: number): Promise<InboxScaleResult> {
  const data = await loadInboxScale(databaseUrl, cases);
  return { tasks: data.tasks, cases, insertSeconds: data.insertSeconds, ...(await timeInbox(databaseUrl, data, repetitions)) };
}

/** The bulk insert of `inboxAtScale`: organizations, two officials, `cases` cases with 10 tasks each. */
export async function loadInboxScale(databaseUrl: string, cases: number): Promise<InboxScaleData> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const t0 = performance.now();
  const city = (await pool.query<{ id: string; path: string }>(`SELECT id, path FROM organization WHERE kind = 'CITY' LIMIT 1`))
    .rows[0]!;
  await pool.query(
    `INSERT INTO organization (id, code, name, kind, parent_id, path, updated_at)
     SELECT id, 'BENCH-C' || i, '测试县' || i, 'COUNTY', $1, $2 || id || '/', now() FROM (SELECT gen_random_uuid() AS id, i FROM generate_series(1, 10) i) s`,
    [city.id, city.path],
  );
  await pool.query(`
    INSERT INTO organization (id, code, name, kind, parent_id, path, updated_at)
    SELECT x.id, 'BENCH-T' || x.code || '-' || x.i, '测试镇' || x.i, 'TOWNSHIP', x.parent, x.ppath || x.id || '/', now()
    FROM (SELECT gen_random_uuid() AS id, c.code, c.id AS parent, c.path AS ppath, i FROM organization c CROSS JOIN generate_series(1, 10) i WHERE c.code LIKE 'BENCH-C%') x`);
  await pool.query(`
    INSERT INTO organization (id, code, name, kind, parent_id, path, updated_at)
    SELECT x.id, 'BENCH-M' || x.code || '-' || x.i, '测试社区' || x.i, 'COMMUNITY', x.parent, x.ppath || x.id || '/', now()
    FROM (SELECT gen_random_uuid() AS id, t.code, t.id AS parent, t.path AS ppath, i FROM organization t CROSS JOIN generate_series(1, 20) i WHERE t.code LIKE 'BENCH-T%') x`);
  const township = (
    await pool.query<{ id: string; path: string; parent_id: string }>(
      `SELECT id, path, parent_id FROM organization WHERE code LIKE 'BENCH-T%' ORDER BY code LIMIT 1`,
    )
  ).rows[0]!;
  const county = (
    await pool.query<{ id: string; path: string }>(`SELECT id, path FROM organization WHERE id = $1`, [township.parent_id])
  ).rows[0]!;
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
  const townshipUser = await createUser(db, {
    username: 'bench.township',
    displayName: '压测乡镇',
    password: 'bench-password-1',
    memberships: [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }],
  });
  const countyUser = await createUser(db, {
    username: 'bench.county',
    displayName: '压测县',
    password: 'bench-password-1',
    memberships: [{ organizationId: county.id, role: 'COUNTY_APPROVER' }],
  });

  await pool.query(`
    INSERT INTO "case" (id, procedure, number, title, organization_id, status, workflow_id, rule_set_version, data, opened_at)
    SELECT gen_random_uuid(), 'smoke', 'BENCH-' || i, '压测案件 ' || i, m.ids[1 + i % array_length(m.ids, 1)], 'OPEN', 'bench-case-' || i, 'bench', '{}', now() - (i % 90) * interval '1 day'
    FROM generate_series(1, ${cases}) i, (SELECT array_agg(id ORDER BY code) AS ids FROM organization WHERE code LIKE 'BENCH-M%') m`);
  await pool.query(
    `
    WITH c AS (SELECT c.id, o.id AS community, o.parent_id AS township, o.path, row_number() OVER (ORDER BY c.number) AS n FROM "case" c JOIN organization o ON o.id = c.organization_id WHERE c.number LIKE 'BENCH-%')
    INSERT INTO task (id, case_id, kind, form_id, candidate_org_id, candidate_role, status, due_at, context, procedure, candidate_org_ancestors, assignee_id, created_at, updated_at)
    SELECT gen_random_uuid(), c.id, 'smoke.confirm', 'smoke.confirm',
      CASE WHEN k % 3 = 0 THEN c.township ELSE c.community END,
      (CASE WHEN k % 3 = 0 THEN 'TOWNSHIP_OFFICIAL' ELSE 'RESIDENTS_COMMITTEE_OFFICIAL' END)::"Role",
      (CASE WHEN (c.n + k) % 10 < 3 THEN 'OPEN' ELSE 'COMPLETED' END)::"TaskStatus",
      now() + (((c.n * 7 + k) % 61) - 30) * interval '1 day', '{}', 'smoke',
      CASE WHEN k % 3 = 0 THEN string_to_array(trim(both '/' from regexp_replace(c.path, '[^/]+/$', '')), '/')::uuid[] ELSE string_to_array(trim(both '/' from c.path), '/')::uuid[] END,
      CASE WHEN k % 3 = 0 AND c.township = $1 AND (c.n + k) % 7 = 0 THEN $2::uuid ELSE NULL END,
      now() - (k * interval '1 hour'), now()
    FROM c CROSS JOIN generate_series(1, 10) k`,
    [township.id, townshipUser.id],
  );
  await pool.query('ANALYZE');
  const insertSeconds = Math.round((performance.now() - t0) / 100) / 10;
  const tasks = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM task`)).rows[0]!.n);
  await db.$disconnect();
  await pool.end();
  return { tasks, cases, insertSeconds, township, county, townshipUser, countyUser };
}

/** Times each inbox query of an official of a township and of a county (`repetitions` times), with its plan. */
export async function timeInbox(
  databaseUrl: string,
  data: InboxScaleData,
  repetitions: number,
): Promise<Pick<InboxScaleResult, 'queries' | 'plans'>> {
  const { township, county, townshipUser, countyUser } = data;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });

  const caller = (
    user: { id: string },
    org: { id: string; path: string },
    role: 'TOWNSHIP_OFFICIAL' | 'COUNTY_APPROVER',
  ): Caller => {
    const membership = {
      id: user.id,
      organizationId: org.id,
      organizationName: '',
      organizationKind: '',
      organizationPath: org.path,
      role,
    };
    return {
      userId: user.id,
      username: '',
      displayName: '',
      sessionId: '',
      csrfToken: '',
      mustChangePassword: false,
      membership,
      memberships: [membership],
    };
  };
  const townshipCaller = caller(townshipUser, township, 'TOWNSHIP_OFFICIAL');
  const countyCaller = caller(countyUser, county, 'COUNTY_APPROVER');
  const queries = {
    'township: my tasks': { caller: townshipCaller, query: { view: 'mine' } },
    'township: unclaimed, filtered (procedure, due before)': {
      caller: townshipCaller,
      query: { view: 'unclaimed', procedure: 'smoke', dueBefore: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    },
    'township: overdue': { caller: townshipCaller, query: { view: 'unclaimed', overdue: 'true' } },
    'county: subtree overdue': { caller: countyCaller, query: { view: 'organization', overdue: 'true', status: 'OPEN' } },
    'county: subtree text search': { caller: countyCaller, query: { view: 'organization', q: 'BENCH-77' } },
  } as const;

  const results: InboxScaleResult['queries'] = {};
  const plans: Record<string, string> = {};
  for (const [name, spec] of Object.entries(queries)) {
    const parsed = inboxQuery.parse(spec.query);
    const samples: number[] = [];
    let rows = 0;
    for (let i = 0; i < repetitions; i++) {
      const t = performance.now();
      rows = (await listInbox({ db, caller: spec.caller, query: parsed })).items.length;
      samples.push(performance.now() - t);
    }
    results[name] = { ...latencyStats(samples), rows };
    const statement = await inboxStatement({ db, caller: spec.caller, query: parsed });
    const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
    plans[name] = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  }
  await db.$disconnect();
  await pool.end();
  return { queries: results, plans };
}

/** Primary-key lookups of task rows: the database's floor for one indexed read. */
export async function primaryKeyLookups(databaseUrl: string, repetitions: number): Promise<LatencyStats> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const ids = (await pool.query<{ id: string }>(`SELECT id FROM task ORDER BY random() LIMIT 200`)).rows.map((r) => r.id);
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const t = performance.now();
    await pool.query(`SELECT * FROM task WHERE id = $1`, [ids[i % ids.length] ?? '00000000-0000-0000-0000-000000000000']);
    samples.push(performance.now() - t);
  }
  await pool.end();
  return latencyStats(samples);
}
