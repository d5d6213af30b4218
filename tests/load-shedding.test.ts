import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { LightMyRequestResponse } from 'fastify';
import { addDays, chinaDateOf } from '../domain/clock';
import { AdmissionGate } from '../api/plugins/app/admission';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, TEST_PASSWORD, type Session } from './support/factories';
import { electionInRegistration, idFor, migrantResidence } from './support/elections';

const electionDate = addDays(chinaDateOf(new Date()), 25);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ErrorBody {
  error: { code: string; message: { 'zh-CN': string; en: string }; details?: { reason?: string; retryAfterSeconds?: number } };
}

/**
 * Issue 19, load: the requests that start or drive a workflow (applications, case starts, task completions) are
 * admitted a bounded number at a time (API_WORKFLOW_MAX_IN_FLIGHT, a bounded wait API_WORKFLOW_MAX_WAIT_MS); above
 * that the API answers 503 with Retry-After at once, before it has read or written anything. Before, every request
 * was taken up: the application was recorded, and the 503 came only after the 30 s answer deadline.
 */
describe('load shedding: above the in-flight limit a workflow request is answered 503 at once and nothing is started', () => {
  let h: Harness;
  let township: Session;
  let communityId: string;
  let electionId: string;
  let nextApplicant = 0;

  beforeAll(async () => {
    h = await startHarness();
    const county = await makeOrganization(h.db, 'COUNTY', undefined, '限流县');
    const town = await makeOrganization(h.db, 'SUBDISTRICT', county.id, '限流街道');
    communityId = (await makeOrganization(h.db, 'COMMUNITY', town.id, '限流社区')).id;
    await makeOrganization(h.db, 'ELECTION_COMMITTEE', communityId, '限流社区选举委员会');
    township = await signIn(h.api, (await makeUser(h.db, [{ organizationId: town.id, role: 'TOWNSHIP_OFFICIAL' }])).username);
    electionId = await electionInRegistration(h.db, township, communityId, electionDate);
  }, 90_000);
  const configured = { ...process.env };
  afterEach(() => {
    for (const name of [
      'API_WORKFLOW_MAX_IN_FLIGHT',
      'API_WORKFLOW_MAX_WAIT_MS',
      'API_WORKFLOW_TARGET_MS',
      'TEMPORAL_ANSWER_TIMEOUT_MS',
    ]) {
      if (configured[name] === undefined) delete process.env[name];
      else process.env[name] = configured[name];
    }
  });
  afterAll(async () => h?.close());

  /** A migrant of the community with a real-name account, ready to apply. */
  async function migrant() {
    nextApplicant += 1;
    const birthDate = '1986-03-15';
    const idNumber = idFor(birthDate, String(400 + nextApplicant));
    const user = await makeUser(h.db, [{ organizationId: communityId, role: 'APPLICANT' }], undefined, idNumber);
    const session = await signIn(h.api, user.username);
    const body = { ...migrantResidence(addDays(electionDate, -400)), name: `限流申请人${nextApplicant}`, idNumber, birthDate };
    return {
      user,
      apply: () => session.request({ method: 'POST', url: `/api/v1/elections/${electionId}/applications`, payload: body }),
    };
  }

  const recorded = async () => ({
    applications: await h.db.migrantApplication.count(),
    cases: await h.db.case.count(),
    outbox: await h.db.pendingWorkflowStart.count(),
    audit: await h.db.auditEvent.count(),
  });

  function expectShed(response: LightMyRequestResponse) {
    expect(response.statusCode).toBe(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const { error } = response.json<ErrorBody>();
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.details?.reason).toBe('overloaded');
    expect(error.details?.retryAfterSeconds).toBe(Number(response.headers['retry-after']));
    expect(error.message['zh-CN']).toMatch(/系统繁忙.*未作任何记录/);
    expect(error.message.en).toMatch(/busy.*nothing was recorded/);
  }

  it('above the limit an application, a case start and a task completion get 503 with Retry-After before anything is written; reads and sign-in are served', async () => {
    // A smoke case with its open task, to complete while the API is full.
    const smoke = await township.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: '限流前' } });
    expect(smoke.statusCode).toBe(201);
    const task = await h.db.task.findFirstOrThrow({ where: { caseId: smoke.json<{ id: string }>().id, status: 'OPEN' } });
    const [first, second, third] = [await migrant(), await migrant(), await migrant()];

    // Two applications fill the two slots: with no worker, each waits for its workflow's first step.
    // A fixed limit of two (adaptation to latency is proven on the gate itself, below).
    process.env.API_WORKFLOW_TARGET_MS = '0';
    process.env.API_WORKFLOW_MAX_IN_FLIGHT = '2';
    process.env.API_WORKFLOW_MAX_WAIT_MS = '100';
    process.env.TEMPORAL_ANSWER_TIMEOUT_MS = '20000';
    await h.stopWorker();
    let heldAnswered = false;
    const held = Promise.all([first.apply(), second.apply()]).finally(() => (heldAnswered = true));
    for (let i = 0; i < 100 && (h.api.workflowAdmission.inFlight < 2 || (await h.db.migrantApplication.count()) < 2); i++)
      await sleep(100);
    expect(h.api.workflowAdmission.inFlight).toBe(2);
    const before = await recorded();

    const shedApplication = await third.apply();
    expectShed(shedApplication);
    const shedStart = await township.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: '限流中' } });
    expectShed(shedStart);
    const shedCompletion = await township.request({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/complete`,
      payload: { payload: { decision: 'approve' } },
    });
    expectShed(shedCompletion);
    // Answered while the two admitted requests are still waiting for Temporal: the shed did not queue behind them.
    expect(heldAnswered).toBe(false);
    // Nothing was started: no application, case, outbox entry (so no workflow), not even an audit row.
    expect(await recorded()).toEqual(before);
    expect(await h.db.migrantApplication.count({ where: { applicantUserId: third.user.id } })).toBe(0);
    expect(await h.db.case.count({ where: { title: '限流中' } })).toBe(0);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('OPEN');

    // Reads and sign-in are not shed.
    expect((await township.request({ method: 'GET', url: `/api/v1/elections/${electionId}` })).statusCode).toBe(200);
    const login = await h.api.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: third.user.username, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const metrics = (await h.api.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/cg_api_workflow_requests_in_flight 2/);
    expect(metrics).toMatch(
      /cg_api_workflow_requests_shed_total\{route="\/api\/v1\/elections\/:electionId\/applications"\} [1-9]/,
    );

    // Once the worker is back the held applications finish, their slots free, and the shed applicant's resend is taken up.
    await h.startWorker();
    for (const answer of await held) expect(answer.statusCode).toBe(201);
    expect(h.api.workflowAdmission.inFlight).toBe(0);
    expect((await third.apply()).statusCode).toBe(201);
  });

  it('below the limit every request is taken up, and one that finds the slots full is admitted when a slot frees within the wait', async () => {
    process.env.API_WORKFLOW_TARGET_MS = '0';
    process.env.API_WORKFLOW_MAX_IN_FLIGHT = '3';
    const applicants = [await migrant(), await migrant(), await migrant()];
    const answers = await Promise.all(applicants.map((a) => a.apply()));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);

    // One slot and a long wait: the second application waits for the first to finish instead of being shed.
    process.env.API_WORKFLOW_MAX_IN_FLIGHT = '1';
    process.env.API_WORKFLOW_MAX_WAIT_MS = '30000';
    const pair = [await migrant(), await migrant()];
    const waited = await Promise.all(pair.map((a) => a.apply()));
    expect(waited.map((a) => a.statusCode)).toEqual([201, 201]);
    expect(h.api.workflowAdmission.inFlight).toBe(0);
    expect(h.api.workflowAdmission.queued).toBe(0);
  });
});

describe('admission adapts to latency: fewer requests at once while they are slow, more while they are fast', () => {
  it('cuts the limit in proportion to a slow request (at most by half, once per generation) and raises it while fast requests fill it', async () => {
    let clock = 0;
    const gate = new AdmissionGate(
      () => ({ maxInFlight: 16, maxWaitMs: 0, targetMs: 1_000 }),
      () => clock,
    );
    const admitAll = async () => {
      const tickets: number[] = [];
      for (let ticket = await gate.enter(); ticket !== null; ticket = await gate.enter()) tickets.push(ticket);
      return tickets;
    };
    // It starts at 8 and grows only while requests are fast and fill it: about one more per round.
    expect(gate.limit).toBe(8);
    let generation: number[];
    for (let round = 0; round < 20 && gate.limit < 16; round++) {
      generation = await admitAll();
      expect(generation).toHaveLength(gate.limit); // the next one was shed: no wait configured
      clock += 100;
      for (const ticket of generation) gate.leave(ticket);
    }
    expect(gate.limit).toBe(16);
    generation = await admitAll();
    expect(generation).toHaveLength(16);

    // They take 4 s against a target of 1 s: the first to finish halves the limit; the rest of its generation,
    // admitted under the old limit, cut no further.
    clock += 4_000;
    for (const ticket of generation) gate.leave(ticket);
    expect(gate.limit).toBe(8);
    generation = await admitAll();
    expect(generation).toHaveLength(8);
    clock += 1_500; // 1.5 s each: cut to two thirds
    for (const ticket of generation) gate.leave(ticket);
    expect(gate.limit).toBe(5);

    // Never below two, however slow.
    for (let round = 0; round < 5; round++) {
      generation = await admitAll();
      clock += 60_000;
      for (const ticket of generation) gate.leave(ticket);
    }
    expect(gate.limit).toBe(2);

    // Fast requests while the gate is full raise it by about one per round, up to the maximum.
    for (let round = 0; round < 100; round++) {
      generation = await admitAll();
      clock += 100;
      for (const ticket of generation) gate.leave(ticket);
    }
    expect(gate.limit).toBe(16);
    expect(gate.inFlight).toBe(0);
  });

  it('admits a waiting request when a slot frees within the wait, and sheds it when none does', async () => {
    const limits = { maxInFlight: 1, maxWaitMs: 200, targetMs: 0 };
    const gate = new AdmissionGate(() => limits);
    const first = await gate.enter();
    expect(first).not.toBeNull();
    const waiting = gate.enter();
    expect(gate.queued).toBe(1);
    gate.leave(first!);
    const second = await waiting;
    expect(second).not.toBeNull();
    expect(await gate.enter()).toBeNull(); // waited 200 ms, the slot stayed taken
    expect(gate.queued).toBe(0);
    gate.leave(second!);
    expect(gate.inFlight).toBe(0);
  });
});
