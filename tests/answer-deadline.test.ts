import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
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
});
