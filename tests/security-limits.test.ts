import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';

/**
 * Limits and headers (issue #10, item 6). Login throttling, a new session id at every login and CSRF on cookie
 * writes are in identity.test.ts; rate limits of each public check are in the procedure tests; the upload type
 * allow-list is in human-tasks.test.ts. This file covers the response headers, the body size limits and the upload
 * size limit.
 */
describe('security headers and size limits', () => {
  let h: Harness;
  let official: Session;
  let taskId: string;

  beforeAll(async () => {
    h = await startHarness();
    const county = await makeOrganization(h.db, 'COUNTY');
    const township = await makeOrganization(h.db, 'TOWNSHIP', county.id);
    const user = await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }]);
    official = await signIn(h.api, user.username);
    const started = await official.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: '限额' } });
    taskId = (await h.db.task.findFirstOrThrow({ where: { caseId: started.json<{ id: string }>().id } })).id;
  });
  afterAll(async () => h?.close());

  it('sends a Content-Security-Policy and the other security headers on pages and API answers', async () => {
    for (const res of [
      await h.api.inject({ url: '/', headers: { accept: 'text/html' } }),
      await h.api.inject({ url: '/api/v1/me' }),
      await h.api.inject({ method: 'POST', url: '/api/v1/village-conversions/conditions-check', payload: {} }),
    ]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/); // no inline scripts, no eval, no other origin
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/frame-ancestors 'none'|frame-ancestors 'self'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('refuses a JSON body over 1 MB with 413 PAYLOAD_TOO_LARGE and a bilingual message', async () => {
    const big = { title: 'x'.repeat(1024 * 1024 + 10) };
    const res = await official.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: big });
    expect(res.statusCode).toBe(413);
    const body = res.json<{ error: { code: string; message: { 'zh-CN': string; en: string } } }>();
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.message['zh-CN']).toBeTruthy();
    expect(body.error.message.en).toBeTruthy();
    expect(await h.db.case.count({ where: { title: big.title } })).toBe(0);
    // Public endpoints have the same limit.
    const anonymous = await h.api.inject({
      method: 'POST',
      url: '/api/v1/village-conversions/conditions-check',
      payload: { pad: 'y'.repeat(1024 * 1024 + 10) },
    });
    expect(anonymous.statusCode).toBe(413);
  });

  it('refuses an upload over 10 MB (even a real PDF) and stores nothing', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20), Buffer.from('\n%%EOF\n')]);
    const res = await official.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/documents`,
      payload: { filename: '超大.pdf', mimeType: 'application/pdf', contentBase64: pdf.toString('base64') },
    });
    expect([400, 413]).toContain(res.statusCode);
    expect(res.json<{ error: { code: string } }>().error.code).toMatch(/TOO_LARGE|VALIDATION_FAILED/);
    expect(await h.db.document.count({ where: { taskId } })).toBe(0);
  });

  it('refuses a body sent with a content type the API does not take (415)', async () => {
    const res = await official.request({
      method: 'POST',
      url: '/api/v1/smoke-cases',
      payload: '<xml/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
