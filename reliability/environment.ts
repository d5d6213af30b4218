// Shared by the reliability harnesses: the bench's self-contained environment (fresh database, Temporal dev server,
// the product's real API and worker processes), two officials of the same township signed in over HTTP, and the
// checks every harness ends with.
import { startBenchEnvironment, type BenchEnvironment, type EnvironmentOptions } from '../bench/environment';
import { HttpSession } from '../bench/http-session';
import { createUser } from '../api/services/users/create-user';
import { verifyAuditChain } from '../runtime/audit-verify';
import { createDb, type Db } from '../runtime/db';
import { DEMO_PASSWORD } from '../scripts/demo-seed';

export interface Official {
  username: string;
  userId: string;
  displayName: string;
  session: HttpSession;
}

export interface ReliabilityEnvironment {
  env: BenchEnvironment;
  db: Db;
  /** `township.official` of the demo and a colleague with the same role in the same township (青石镇). */
  officials: [Official, Official];
  close(): Promise<void>;
}

export function harnessArgs() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  return { quick: args.includes('--quick'), option };
}

export function logger(name: string) {
  return (line: string) => process.stderr.write(`[${name}] ${line}\n`);
}

export async function startReliabilityEnvironment(
  log: (line: string) => void,
  options: EnvironmentOptions,
): Promise<ReliabilityEnvironment> {
  const env = await startBenchEnvironment(log, options);
  const db = createDb(env.databaseUrl, { poolSize: 4 });
  try {
    const township = await db.membership.findFirstOrThrow({ where: { user: { username: 'township.official' } } });
    await createUser(db, {
      username: 'township.colleague',
      displayName: '青石镇 同事',
      password: DEMO_PASSWORD,
      memberships: [{ organizationId: township.organizationId, role: township.role }],
    });
    const officials = (await Promise.all(
      ['township.official', 'township.colleague'].map(async (username) => {
        const user = await db.user.findUniqueOrThrow({ where: { username } });
        return {
          username,
          userId: user.id,
          displayName: user.displayName,
          session: await HttpSession.signIn(env.apiUrl, username, DEMO_PASSWORD),
        };
      }),
    )) as [Official, Official];
    return {
      env,
      db,
      officials,
      async close() {
        await db.$disconnect();
        await env.close();
      },
    };
  } catch (error) {
    await db.$disconnect();
    await env.close();
    throw error;
  }
}

/** Runs `count` jobs, at most `concurrency` at a time. */
export async function pool(count: number, concurrency: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await job(next++);
    }),
  );
}

/** The error code and details of a refusal answered by the API (`{ error: { code, details } }`). */
export function refusal(body: unknown): { code?: string; details?: Record<string, unknown> } {
  const error = (body as { error?: { code?: string; details?: Record<string, unknown> } } | undefined)?.error;
  return { code: error?.code, details: error?.details };
}

/** The audit chain recomputed from the database: only the verdict, the rows checked and the first broken row. */
export async function auditVerdict(db: Db) {
  const result = await verifyAuditChain(db);
  return { ok: result.ok, checked: result.checked, firstBroken: result.firstBroken ?? null };
}

/** How many audit rows of `action` each target has (targets without one are absent). */
export async function auditCounts(db: Db, action: string, targetIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < targetIds.length; i += 1_000) {
    const rows = await db.auditEvent.groupBy({
      by: ['targetId'],
      where: { action, targetId: { in: targetIds.slice(i, i + 1_000) } },
      _count: { _all: true },
    });
    for (const row of rows) if (row.targetId) counts.set(row.targetId, row._count._all);
  }
  return counts;
}

/**
 * The audit record of tasks each completed once to close its case: the `task.completed` rows per task and the
 * `case.closed` rows per case (each should be 1).
 */
export async function completionRecord(db: Db, tasks: { taskId: string; caseId: string }[]) {
  const taskIds = tasks.map((t) => t.taskId);
  const caseIds = tasks.map((t) => t.caseId);
  return {
    taskIds,
    caseIds,
    completedRows: await auditCounts(db, 'task.completed', taskIds),
    closedRows: await auditCounts(db, 'case.closed', caseIds),
  };
}

/** A histogram of counts: how many targets have 0, 1, 2, … rows. */
export function distribution(ids: string[], counts: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of ids) {
    const n = String(counts.get(id) ?? 0);
    out[n] = (out[n] ?? 0) + 1;
  }
  return out;
}
