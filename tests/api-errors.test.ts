import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';

describe('API errors: stable codes, both languages, nothing written', () => {
  let h: Harness;
  let session: Session;

  beforeAll(async () => {
    h = await startHarness();
    const township = await makeOrganization(h.db, 'TOWNSHIP');
    const user = await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }]);
    session = await signIn(h.api, user.username);
  });
  afterAll(async () => h?.close());

  it('answers /healthz and /readyz when PostgreSQL and Temporal are reachable', async () => {
    expect((await h.api.inject({ url: '/healthz' })).json()).toEqual({ status: 'alive' });
    const ready = await h.api.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { postgres: { ok: true }, temporal: { ok: true } } });
  });

  it('rejects malformed JSON with 400 MALFORMED_JSON and writes no case', async () => {
    const res = await session.request({
      method: 'POST',
      url: '/api/v1/smoke-cases',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; message: { 'zh-CN': string; en: string }; requestId: string } }>();
    expect(body.error.code).toBe('MALFORMED_JSON');
    expect(body.error.message['zh-CN']).toContain('JSON');
    expect(body.error.requestId).toBe(res.headers['x-request-id']);
    expect(await h.db.case.count()).toBe(0);
  });

  it('rejects wrong types and unknown fields with field errors', async () => {
    const res = await session.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: 42, sneaky: true } });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; fields: { path: string }[] } }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields.map((f) => f.path).sort()).toEqual(['sneaky', 'title']);
    expect(await h.db.case.count()).toBe(0);
  });

  it('refuses text with a NUL character (which PostgreSQL cannot store) as a field error, not a 500', async () => {
    const login = await h.api.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a\u0000b', password: 'x' },
    });
    expect(login.statusCode).toBe(400);
    expect(login.json<{ error: { code: string; fields: { path: string; code: string }[] } }>().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'username', code: 'nul_character' }],
    });
    const res = await session.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: '标题\u0000' } });
    expect(res.statusCode).toBe(400);
    expect(await h.db.case.count()).toBe(0);
  });

  it('answers unknown routes with 404 ROUTE_NOT_FOUND', async () => {
    const res = await h.api.inject({ url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('answers 401 to a protected route without a session and 401 to a wrong password', async () => {
    expect((await h.api.inject({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: 'x' } })).statusCode).toBe(401);
    expect((await h.api.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const wrong = await h.api.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'wrong' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<{ error: { code: string } }>().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('publishes an OpenAPI document', async () => {
    const res = await h.api.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/tasks/{taskId}/complete', '/api/v1/auth/login']));
    // File downloads declare their media type, not JSON.
    const paths = doc.paths as Record<
      string,
      Record<string, { responses: Record<string, { content: Record<string, unknown> }> }>
    >;
    expect(Object.keys(paths['/api/v1/service-items/admitted.xlsx']!.get!.responses['200']!.content)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(Object.keys(paths['/api/v1/elections/{electionId}/notice.pdf']!.get!.responses['200']!.content)).toEqual([
      'application/pdf',
    ]);
  });
});
