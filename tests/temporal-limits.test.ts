import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTemporalDevServer, type TemporalDevServer } from '../runtime/temporal-dev-server';
import { settledUpdate } from '../workflows/lib/messages';
import { applicantIdNumber, runCommunityElection, type ApiCaller } from '../bench/big-community';
import { measureExecutionHistories } from '../bench/execution-histories';
import { startHarness, type Harness } from './support/harness';
import { townshipAndCommunity } from './support/elections';
import { makeUser, signIn, type Session } from './support/factories';

/**
 * Temporal caps every execution (history.maxTotalUpdates 2,000 Updates, limit.historyCount.error 51,200 events,
 * limit.historySize.error 50 MB by default). Here the caps are lowered on a dev server of this file's own, so that a
 * design whose executions grow with the community (an Update or child per application or objection on the one
 * election workflow) breaks them with a few dozen applications, while a bounded one holds them.
 */
const LIMITS = {
  'history.maxTotalUpdates': 40,
  'limit.historyCount.error': 600,
  'limit.historySize.error': 256 * 1024,
};
const COMMUNITY = { applications: 60, voters: 30, objections: 15, refuseEvery: 6, concurrency: 4 };

/** A test session (the API in-process) as the election driver's caller. */
function caller(session: Session): ApiCaller {
  return {
    async send<T>(method: string, url: string, body?: unknown) {
      const res = await session.request({
        method,
        url,
        ...(body === undefined ? {} : { payload: body as object }),
      });
      let parsed: unknown;
      try {
        parsed = res.body ? JSON.parse(res.body) : null;
      } catch {
        parsed = null; // not JSON (a proxy's page)
      }
      return { status: res.statusCode, body: parsed as T };
    },
  };
}

describe('Temporal’s per-execution limits, lowered by dynamic config on a dev server of this file’s own', () => {
  let server: TemporalDevServer;
  let h: Harness;

  beforeAll(async () => {
    server = await startTemporalDevServer({ dynamicConfig: LIMITS });
    // Elections on this file's worker run on the reliability harnesses' calendar of seconds (a 30 s objection window).
    h = await startHarness({
      temporalAddress: server.address,
      reliabilityShortenedCalendar: true,
      reliabilityObjectionWindowMs: 30_000,
    });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await server?.stop();
  });

  it('the lowered limits bite: an execution is refused its Update past history.maxTotalUpdates', async () => {
    const { township } = await townshipAndCommunity(h);
    const smoke = await township.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: '上限自检' } });
    expect(smoke.statusCode).toBe(201);
    const caseRow = await h.db.case.findUniqueOrThrow({ where: { id: smoke.json<{ id: string }>().id } });
    const handle = h.temporal.workflow.getHandle(caseRow.workflowId);
    let accepted = 0;
    let refusal: unknown;
    for (let i = 0; i < LIMITS['history.maxTotalUpdates'] + 5 && !refusal; i++) {
      try {
        await handle.executeUpdate(settledUpdate, { updateId: `limit-check-${i}` });
        accepted += 1;
      } catch (error) {
        refusal = error;
      }
    }
    expect(String((refusal as { cause?: unknown })?.cause ?? refusal)).toMatch(/limit on the total number of distinct updates/i);
    expect(accepted).toBeLessThan(LIMITS['history.maxTotalUpdates']);
  });

  it('an election with many applications and objections stays within Temporal’s per-execution limits (lowered by dynamic config)', async () => {
    const startedAt = new Date();
    const { community, township } = await townshipAndCommunity(h);
    const applicants: Session[] = [];
    for (let i = 0; i < COMMUNITY.applications; i++) {
      const user = await makeUser(h.db, [{ organizationId: community.id, role: 'APPLICANT' }], undefined, applicantIdNumber(i));
      applicants.push(await signIn(h.api, user.username));
    }
    const progress: { electionId?: string; phase?: string } = {};
    let failure: string | undefined;
    const run = await runCommunityElection({
      ...COMMUNITY,
      township: caller(township),
      communityOrgId: community.id,
      async committeeFor(committeeOrgId) {
        const member = await makeUser(h.db, [{ organizationId: committeeOrgId, role: 'ELECTION_COMMITTEE_MEMBER' }]);
        return caller(await signIn(h.api, member.username));
      },
      applicant: (i) => caller(applicants[i]!),
      sql: <T>(text: string, params: unknown[]) => h.db.$queryRawUnsafe<T[]>(text, ...params),
      lateDeliveryMs: 20_000, // no reconciler runs here: an application not delivered at once is not delivered
      log: () => undefined,
      progress,
    }).catch((error: unknown) => {
      failure = `${progress.phase}: ${error instanceof Error ? error.message : String(error)}`;
      return undefined;
    });

    // Every execution the case left in Temporal (the election's runs and whatever it started) completed within the limits.
    const histories = await measureExecutionHistories(
      h.temporal,
      `TaskQueue = "${h.taskQueue}" AND StartTime >= "${startedAt.toISOString()}"`,
      { startedAfter: startedAt },
    );
    const overLimit = histories.all
      .filter(
        (e) =>
          e.status !== 'COMPLETED' ||
          e.updates >= LIMITS['history.maxTotalUpdates'] ||
          e.events >= LIMITS['limit.historyCount.error'] ||
          e.bytes >= LIMITS['limit.historySize.error'],
      )
      .map((e) => `${e.type} ${e.workflowId}: ${e.status}, ${e.updates} Updates, ${e.events} events, ${e.bytes} bytes`);
    expect({ failure, overLimit }).toEqual({ failure: undefined, overLimit: [] });
    expect(histories.executions).toBeGreaterThan(COMMUNITY.applications);
    if (!run) throw new Error('the run failed (above)');
    // The case ran to its end: every application decided, every objection answered, five elected, the report filed.
    expect(run.applications).toMatchObject({ submitted: 60, approved: 50, refused: 10 });
    expect(run.objections).toMatchObject({ filed: 15, answered: 15 });
    expect(run.elected).toHaveLength(5);
    const election = await h.db.election.findUniqueOrThrow({ where: { id: run.electionId } });
    expect(election.status).toBe('COMPLETED');
    expect(election.report).toMatchObject({ registeredVoters: 80, migrantApplications: { APPROVED: 50, REFUSED: 10 } });
  }, 600_000);
});
