import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import pg from 'pg';
import { createSession, sessionIdFromToken } from '../api/services/auth/sessions';
import { createUser } from '../api/services/users/create-user';
import { createDb } from '../runtime/db';
import { createOrganization } from '../runtime/organizations';
import { DEMO_PASSWORD } from '../scripts/demo-seed';
import { applicantIdNumber, runCommunityElection, type CommunitySizes } from './big-community';
import type { BenchEnvironment } from './environment';
import {
  executionSummary,
  measureExecutionHistories,
  TEMPORAL_DEFAULT_LIMITS,
  type ExecutionHistories,
} from './execution-histories';
import { HttpSession } from './http-session';

/** Full: a large urban community (issue 19). Quick (CI): the same path, small enough to finish in about a minute. */
export const BIG_COMMUNITY_SIZES: Record<'full' | 'quick', CommunitySizes & { objectionWindowMs: number }> = {
  full: { applications: 5_000, voters: 20_000, objections: 200, refuseEvery: 10, concurrency: 16, objectionWindowMs: 120_000 },
  quick: { applications: 200, voters: 2_000, objections: 10, refuseEvery: 10, concurrency: 8, objectionWindowMs: 15_000 },
};

/**
 * The worker settings the scenario needs: the reliability harnesses' calendar of seconds (an election runs to the end
 * in minutes), with an objection window long enough to file and answer every objection over HTTP.
 */
export function bigCommunityWorkerEnv(quick: boolean): NodeJS.ProcessEnv {
  return {
    RELIABILITY_SHORTENED_CALENDAR: 'true',
    RELIABILITY_OBJECTION_WINDOW_MS: String(BIG_COMMUNITY_SIZES[quick ? 'quick' : 'full'].objectionWindowMs),
  };
}

/**
 * One community of 城关街道 (the demo's sub-district) through a whole election with thousands of migrant
 * applications, then the history of every execution the case left in Temporal: the largest (events, bytes) and the
 * most Updates, against Temporal's per-execution limits. Applicant accounts (identity rows: user, membership,
 * session, the real-name ID number bound) are inserted in bulk as the soak does; every business write goes
 * through the HTTP API.
 */
export async function bigCommunityScenario(
  env: BenchEnvironment,
  client: Client,
  quick: boolean,
  log: (line: string) => void,
): Promise<Record<string, unknown>> {
  const sizes = BIG_COMMUNITY_SIZES[quick ? 'quick' : 'full'];
  const db = createDb(env.databaseUrl, { poolSize: 2 });
  const pool = new pg.Pool({ connectionString: env.databaseUrl, max: 4 });
  const startedAt = new Date(Date.now() - 1_000);
  const progress: { electionId?: string; phase?: string } = {};
  let run: Awaited<ReturnType<typeof runCommunityElection>> | undefined;
  let failure: string | undefined;
  try {
    const subdistrict = await db.organization.findUniqueOrThrow({ where: { code: 'DEMO-370101002' } });
    const tag = randomBytes(3).toString('hex');
    const community = await createOrganization(db, {
      code: `BENCH-BIG-${tag}`,
      name: `压测大社区${tag}`,
      kind: 'COMMUNITY',
      parentId: subdistrict.id,
    });
    log(`big-community: ${sizes.applications} applicant accounts…`);
    const applicants = await bulkApplicants(pool, env.apiUrl, community.id, sizes.applications, tag);
    const township = await HttpSession.signIn(env.apiUrl, 'subdistrict.official', DEMO_PASSWORD);
    run = await runCommunityElection({
      ...sizes,
      township,
      communityOrgId: community.id,
      async committeeFor(committeeOrgId) {
        const member = await createUser(db, {
          username: `bench.ec.${tag}`,
          displayName: '压测 选委会委员',
          password: randomBytes(16).toString('hex'),
          memberships: [{ organizationId: committeeOrgId, role: 'ELECTION_COMMITTEE_MEMBER' }],
        });
        const session = await createSession(db, { userId: member.id, membershipId: member.memberships[0]!.id });
        return HttpSession.fromToken(env.apiUrl, session.token, session.csrfToken);
      },
      applicant: (i) => applicants[i]!,
      sql: async <T>(text: string, params: unknown[]) => (await pool.query(text, params)).rows as T[],
      log,
      progress,
    });
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    log(`big-community failed in phase "${progress.phase}": ${failure}`);
  }

  log('big-community: measuring every execution’s history…');
  const histories = await measureExecutionHistories(
    client,
    `TaskQueue = "${env.taskQueue}" AND StartTime >= "${startedAt.toISOString()}"`,
    { startedAfter: startedAt },
  );
  const electionWorkflowId = progress.electionId
    ? (await pool.query<{ workflow_id: string }>(`SELECT workflow_id FROM "case" WHERE id = $1`, [progress.electionId])).rows[0]
        ?.workflow_id
    : undefined;
  await pool.end();
  await db.$disconnect();
  return bigCommunityReport({
    sizes,
    run,
    failure,
    failedIn: failure ? progress.phase : undefined,
    histories,
    electionWorkflowId,
  });
}

function bigCommunityReport(r: {
  sizes: CommunitySizes;
  run?: Awaited<ReturnType<typeof runCommunityElection>>;
  failure?: string;
  failedIn?: string;
  histories: ExecutionHistories;
  electionWorkflowId?: string;
}): Record<string, unknown> {
  const { histories } = r;
  const electionRuns = histories.all
    .filter((e) => e.workflowId === r.electionWorkflowId)
    .map((e) => ({ ...executionSummary(e), updatesByName: e.updatesByName }));
  const maxEvents = histories.largestByEvents?.events ?? 0;
  const maxBytes = histories.largestByBytes?.bytes ?? 0;
  const maxUpdates = histories.mostUpdates?.updates ?? 0;
  const withinLimits =
    maxUpdates < TEMPORAL_DEFAULT_LIMITS.updates &&
    maxEvents < TEMPORAL_DEFAULT_LIMITS.events &&
    maxBytes < TEMPORAL_DEFAULT_LIMITS.bytes;
  const allCompleted = histories.executions > 0 && histories.byStatus.COMPLETED === histories.executions;
  return {
    community: {
      applications: r.sizes.applications,
      voters: r.sizes.voters,
      objections: r.sizes.objections,
      refused: `every ${r.sizes.refuseEvery}th`,
    },
    completed: r.run !== undefined,
    ...(r.failure ? { failedIn: r.failedIn, error: r.failure.slice(0, 1_000) } : {}),
    ...(r.run ?? {}),
    histories: {
      executions: histories.executions,
      byStatus: histories.byStatus,
      byType: histories.byType,
      largestByEvents: executionSummary(histories.largestByEvents),
      largestByBytes: executionSummary(histories.largestByBytes),
      mostUpdates: executionSummary(histories.mostUpdates),
      election: electionRuns,
    },
    limits: TEMPORAL_DEFAULT_LIMITS,
    largest: { events: maxEvents, bytes: maxBytes, updates: maxUpdates },
    withinLimits,
    goalMet: r.run !== undefined && withinLimits && allCompleted,
  };
}

/**
 * `n` APPLICANT accounts of the community, each bound to its applicant's ID number (real-name), with a session, in
 * bulk (thousands of password hashes would take longer than the applications). Identity rows only.
 */
async function bulkApplicants(
  pool: pg.Pool,
  apiUrl: string,
  communityOrgId: string,
  n: number,
  tag: string,
): Promise<HttpSession[]> {
  const users = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    membership: randomUUID(),
    idNumber: applicantIdNumber(i),
    token: randomBytes(32).toString('base64url'),
    csrf: randomBytes(32).toString('base64url'),
  }));
  await pool.query(
    `INSERT INTO app_user (id, username, display_name, password_hash, id_number, updated_at)
     SELECT id, 'bench.big.' || $2 || '.' || n, '大社区申请人' || n, '!', id_number, now()
     FROM unnest($1::uuid[], $3::text[]) WITH ORDINALITY AS u(id, id_number, n)`,
    [users.map((u) => u.id), tag, users.map((u) => u.idNumber)],
  );
  await pool.query(
    `INSERT INTO membership (id, user_id, organization_id, role)
     SELECT m, u, $3, 'APPLICANT'::"Role" FROM unnest($1::uuid[], $2::uuid[]) AS x(m, u)`,
    [users.map((u) => u.membership), users.map((u) => u.id), communityOrgId],
  );
  await pool.query(
    `INSERT INTO session (id, user_id, membership_id, csrf_token, expires_at)
     SELECT *, now() + interval '8 hours' FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[])`,
    [
      users.map((u) => sessionIdFromToken(u.token)),
      users.map((u) => u.id),
      users.map((u) => u.membership),
      users.map((u) => u.csrf),
    ],
  );
  return users.map((u) => HttpSession.fromToken(apiUrl, u.token, u.csrf));
}
