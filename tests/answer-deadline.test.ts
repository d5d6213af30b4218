import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, chinaDateOf } from '../domain/clock';
import { resumePendingStarts } from '../runtime/pending-starts';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { electionInRegistration, idFor, migrantResidence } from './support/elections';
import { startHarness, type Harness } from './support/harness';

describe('a request waits for Temporal a bounded time: 503 and Retry-After instead of minutes, and nothing is lost', () => {
  let h: Harness;
  let official: Session;

  beforeAll(async () => {
    h = await startHarness();
    const township = await makeOrganization(h.db, 'TOWNSHIP');
    official = await signIn(h.api, (await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }])).username);
  });
  afterAll(async () => {
    delete process.env.TEMPORAL_ANSWER_TIMEOUT_MS;
    await h?.close();
  });

  const timed = async <T>(call: () => Promise<T>) => {
    const began = Date.now();
    const result = await call();
    return { result, seconds: (Date.now() - began) / 1000 };
  };

  it('with no worker running, a completion answers 503 within the deadline; the decision lands once the worker is back', async () => {
    const started = await official.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: '等待上限' } });
    expect(started.statusCode).toBe(201);
    const caseId = started.json<{ id: string }>().id;
    const task = await h.db.task.findFirstOrThrow({ where: { caseId } });

    await h.stopWorker();
    process.env.TEMPORAL_ANSWER_TIMEOUT_MS = '2000';
    const complete = () =>
      official.request({
        method: 'POST',
        url: `/api/v1/tasks/${task.id}/complete`,
        payload: { payload: { decision: 'approve' } },
      });
    const stalled = await timed(complete);
    expect(stalled.result.statusCode).toBe(503);
    expect(stalled.result.headers['retry-after']).toBe('5');
    expect(stalled.result.json<{ error: { code: string } }>().error.code).toBe('SERVICE_UNAVAILABLE');
    expect(stalled.seconds).toBeLessThan(15);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('OPEN');

    // A start meanwhile: the workflow starts but cannot run; the answer comes at the deadline with the case.
    const key = randomUUID();
    const start = () =>
      official.request({
        method: 'POST',
        url: '/api/v1/smoke-cases',
        headers: { 'idempotency-key': key },
        payload: { title: '停工时开始' },
      });
    const opened = await timed(start);
    expect(opened.result.statusCode).toBe(201);
    expect(opened.seconds).toBeLessThan(15);
    const newCaseId = opened.result.json<{ id: string }>().id;

    await h.startWorker();
    delete process.env.TEMPORAL_ANSWER_TIMEOUT_MS;
    // The official's repeat is the same Update (same id): it answers with the outcome of the one that waited.
    const repeated = await complete();
    expect(repeated.statusCode).toBe(200);
    expect(await h.db.auditEvent.count({ where: { targetId: task.id, action: 'task.completed' } })).toBe(1);
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('COMPLETED');

    // The case opened while the worker was down gets its first task; repeating its start opens nothing new.
    const again = await start();
    expect(again.json<{ id: string }>().id).toBe(newCaseId);
    for (let i = 0; i < 100 && (await h.db.task.count({ where: { caseId: newCaseId } })) === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await h.db.task.count({ where: { caseId: newCaseId, status: 'OPEN' } })).toBe(1);
    expect(await h.db.case.count({ where: { title: '停工时开始' } })).toBe(1);
  });
  it('a village withdrawing its conversion with no worker running answers 503 within the deadline; the withdrawal lands once the worker is back', async () => {
    const county = await makeOrganization(h.db, 'COUNTY', undefined, '等待县');
    await makeOrganization(h.db, 'CIVIL_AFFAIRS_BUREAU', county.id, '等待县民政局');
    const town = await makeOrganization(h.db, 'TOWNSHIP', county.id, '等待镇');
    const vil = await makeOrganization(h.db, 'VILLAGE', town.id, '等待村');
    const village = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: vil.id, role: 'VILLAGE_COMMITTEE_OFFICIAL' }])).username,
    );
    const opened = await village.request({
      method: 'POST',
      url: '/api/v1/village-conversions',
      payload: { title: '等待村村改居' },
    });
    expect(opened.statusCode).toBe(201);
    const caseId = opened.json<{ id: string }>().id;

    await h.stopWorker();
    process.env.TEMPORAL_ANSWER_TIMEOUT_MS = '2000';
    const withdraw = () =>
      village.request({ method: 'POST', url: `/api/v1/village-conversions/${caseId}/withdraw`, payload: { reason: '暂缓' } });
    const stalled = await timed(withdraw);
    expect(stalled.result.statusCode).toBe(503);
    expect(stalled.result.headers['retry-after']).toBe('5');
    expect(stalled.result.json<{ error: { code: string } }>().error.code).toBe('SERVICE_UNAVAILABLE');
    expect(stalled.seconds).toBeLessThan(15);
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('OPEN');

    await h.startWorker();
    delete process.env.TEMPORAL_ANSWER_TIMEOUT_MS;
    // The repeat either carries the withdrawal itself or finds it already made by the Update that waited (409).
    const repeated = await withdraw();
    expect([200, 409]).toContain(repeated.statusCode);
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('WITHDRAWN');
  });
  it('a migrant application recorded while Temporal does not answer in time is answered 201 with its number, its review started from the outbox; applying again is told it is on record', async () => {
    const county = await makeOrganization(h.db, 'COUNTY', undefined, '期限县');
    const town = await makeOrganization(h.db, 'TOWNSHIP', county.id, '期限镇');
    const community = await makeOrganization(h.db, 'COMMUNITY', town.id, '期限社区');
    await makeOrganization(h.db, 'ELECTION_COMMITTEE', community.id, '期限社区选举委员会');
    const township = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: town.id, role: 'TOWNSHIP_OFFICIAL' }])).username,
    );
    const electionDate = addDays(chinaDateOf(new Date()), 25);
    const electionId = await electionInRegistration(h.db, township, community.id, electionDate);
    const birthDate = '1985-06-15';
    const idNumber = idFor(birthDate, '731');
    const applicant = await makeUser(h.db, [{ organizationId: community.id, role: 'APPLICANT' }], undefined, idNumber);
    const session = await signIn(h.api, applicant.username);
    const body = { ...migrantResidence(addDays(electionDate, -400)), name: '期限申请人', idNumber, birthDate };
    const apply = () => session.request({ method: 'POST', url: `/api/v1/elections/${electionId}/applications`, payload: body });

    // The start of its review cannot be answered within the deadline (1 ms): the rows are already committed.
    process.env.TEMPORAL_ANSWER_TIMEOUT_MS = '1';
    const first = await apply();
    delete process.env.TEMPORAL_ANSWER_TIMEOUT_MS;
    expect(first.statusCode).toBe(201);
    const { number, caseId } = first.json<{ number: string; caseId: string }>();
    expect(number).toMatch(/\S+/);
    expect(await h.db.pendingWorkflowStart.count({ where: { caseId } })).toBe(1);

    // The applicant presses again: no second application, and the answer says the first is on record.
    const again = await apply();
    expect(again.statusCode).toBe(409);
    const error = again.json<{ error: { code: string; message: { 'zh-CN': string; en: string }; details: { number: string } } }>()
      .error;
    expect(error.details.number).toBe(number);
    expect(error.message['zh-CN']).toContain(`您的申请已记录，编号 ${number}，无需再次提交`);
    expect(error.message.en).toContain(`on record as ${number}; there is no need to apply again`);
    expect(await h.db.migrantApplication.count({ where: { applicantUserId: applicant.id } })).toBe(1);

    // The worker's reconciler (one round, here without its two-minute grace) starts the review: the committee's task opens.
    expect(await resumePendingStarts(h.db, h.temporal, 0)).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 100 && (await h.db.task.count({ where: { caseId, status: 'OPEN' } })) === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await h.db.task.count({ where: { caseId, status: 'OPEN' } })).toBe(1);
    expect(await h.db.pendingWorkflowStart.count({ where: { caseId } })).toBe(0);
  }, 120_000);
});
