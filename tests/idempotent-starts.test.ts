import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { startSmokeCase } from '../api/services/cases/smoke';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { startHarness, type Harness } from './support/harness';

interface Started {
  id: string;
  number: string;
}

describe('Idempotency-Key on case starts: a repeated start answers the case the first one opened', () => {
  let h: Harness;
  let official: Session;
  let colleague: Session;
  let officialUserId: string;
  let communityId: string;

  beforeAll(async () => {
    h = await startHarness();
    const county = await makeOrganization(h.db, 'COUNTY');
    const township = await makeOrganization(h.db, 'TOWNSHIP', county.id);
    communityId = (await makeOrganization(h.db, 'COMMUNITY', township.id)).id;
    const member = [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' as const }];
    const user = await makeUser(h.db, member);
    officialUserId = user.id;
    official = await signIn(h.api, user.username);
    colleague = await signIn(h.api, (await makeUser(h.db, member)).username);
  });
  afterAll(async () => h?.close());

  const smoke = (session: Session, title: string, key?: string) =>
    session.request({
      method: 'POST',
      url: '/api/v1/smoke-cases',
      headers: key ? { 'idempotency-key': key } : {},
      payload: { title },
    });

  it('the same key twice: one case, one workflow, one task, one audit row; both answers name it', async () => {
    const key = randomUUID();
    const first = await smoke(official, '幂等 一', key);
    const again = await smoke(official, '幂等 一', key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json<Started>()).toEqual(first.json<Started>());
    const cases = await h.db.case.findMany({ where: { title: '幂等 一' } });
    expect(cases).toHaveLength(1);
    expect(await h.db.task.count({ where: { caseId: cases[0]!.id } })).toBe(1);
    expect(await h.db.auditEvent.count({ where: { caseId: cases[0]!.id, action: 'case.opened' } })).toBe(1);
  });

  it('without a key, or with a new key, each request opens its own case (the old behaviour)', async () => {
    expect((await smoke(official, '无键', undefined)).statusCode).toBe(201);
    expect((await smoke(official, '无键', undefined)).statusCode).toBe(201);
    expect((await smoke(official, '新键', randomUUID())).statusCode).toBe(201);
    expect((await smoke(official, '新键', randomUUID())).statusCode).toBe(201);
    expect(await h.db.case.count({ where: { title: '无键' } })).toBe(2);
    expect(await h.db.case.count({ where: { title: '新键' } })).toBe(2);
  });

  it('eight simultaneous requests with one key open one case and all answer it', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 8 }, () => smoke(official, '同时八次', key)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.json<Started>().id)).size).toBe(1);
    expect(await h.db.case.count({ where: { title: '同时八次' } })).toBe(1);
  });

  it('the same key with another body is refused with 422 IDEMPOTENCY_KEY_REUSED and opens nothing', async () => {
    const key = randomUUID();
    const first = await smoke(official, '原来的标题', key);
    const other = await smoke(official, '另一个标题', key);
    expect(other.statusCode).toBe(422);
    const { error } = other.json<{
      error: { code: string; message: { 'zh-CN': string; en: string }; details: { caseId: string } };
    }>();
    expect(error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(error.message['zh-CN']).toContain('幂等键');
    expect(error.details.caseId).toBe(first.json<Started>().id);
    expect(await h.db.case.count({ where: { title: '另一个标题' } })).toBe(0);
  });

  it('keys belong to their user: a colleague with the same key opens a case of their own', async () => {
    const key = randomUUID();
    const mine = await smoke(official, '各自的键', key);
    const theirs = await smoke(colleague, '各自的键', key);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json<Started>().id).not.toBe(mine.json<Started>().id);
  });

  it('a malformed key is a 400 VALIDATION_FAILED naming the header', async () => {
    const res = await smoke(official, '坏键', 'short');
    expect(res.statusCode).toBe(400);
    const { error } = res.json<{ error: { code: string; fields: { path: string }[] } }>();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((f) => f.path).join(' ')).toContain('idempotency-key');
    expect(await h.db.case.count({ where: { title: '坏键' } })).toBe(0);
  });

  it('an election repeated with its key answers the election instead of "already under way"', async () => {
    const key = randomUUID();
    const body = { communityOrgId: communityId, restructuringComplete: true };
    const start = (k?: string) =>
      official.request({ method: 'POST', url: '/api/v1/elections', headers: k ? { 'idempotency-key': k } : {}, payload: body });
    const first = await start(key);
    expect(first.statusCode).toBe(201);
    const again = await start(key);
    expect(again.statusCode).toBe(201);
    expect(again.json<Started>().id).toBe(first.json<Started>().id);
    // A new start (no key, or another key) is still refused: one running election per community.
    expect((await start()).statusCode).toBe(409);
    expect((await start(randomUUID())).statusCode).toBe(409);
  });

  it('a start that failed (Temporal unreachable: 503, case FAILED) gives up its key: the repeat opens a working case', async () => {
    const key = randomUUID();
    // The API's own Temporal client pointed at a port nothing listens on: the start cannot reach the cluster.
    const unreachable = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 }) });
    const membership = await h.db.membership.findFirstOrThrow({ where: { userId: officialUserId } });
    const caller = {
      userId: membership.userId,
      membership: { id: membership.id, organizationId: membership.organizationId, role: membership.role },
    } as never;
    const idempotency = { key, fingerprint: 'same-request' };
    const options = {
      db: h.db,
      taskQueue: h.taskQueue,
      caller,
      title: '第一次失败',
      requestId: 'test-failed-start',
      idempotency,
    };
    await expect(startSmokeCase({ ...options, temporal: unreachable })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await unreachable.connection.close();
    const failed = await h.db.case.findFirstOrThrow({ where: { title: '第一次失败' } });
    expect(failed).toMatchObject({ status: 'FAILED', idempotencyKey: null });

    const retried = await startSmokeCase({ ...options, temporal: h.temporal });
    expect(retried.id).not.toBe(failed.id);
    expect(retried).toMatchObject({ status: 'OPEN', idempotencyKey: key });
    expect(await h.db.task.count({ where: { caseId: retried.id, status: 'OPEN' } })).toBe(1);
  });

  it('the key is documented on every route that opens a case', async () => {
    const doc = (await official.request({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    }>();
    const starts = [
      ['/api/v1/smoke-cases', 'post'],
      ['/api/v1/village-conversions', 'post'],
      ['/api/v1/elections', 'post'],
      ['/api/v1/owners-meetings', 'post'],
      ['/api/v1/service-items', 'post'],
      ['/api/v1/service-items/reports', 'post'],
    ] as const;
    for (const [path, method] of starts) {
      const parameters = doc.paths[path]?.[method]?.parameters ?? [];
      expect({ path, header: parameters.some((p) => p.in === 'header' && p.name === 'idempotency-key') }).toEqual({
        path,
        header: true,
      });
    }
  });
});
