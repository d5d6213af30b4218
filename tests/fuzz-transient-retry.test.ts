import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startTransientRetryProxy, type TransientRetryProxy } from '../reliability/transient-retry-proxy';

/**
 * The fuzz harness (reliability/fuzz.ts) answers the API's transient refusal as a client would: a 503
 * SERVICE_UNAVAILABLE with Retry-After is sent again once after it; a repeated 503 and any 500 reach the fuzzer.
 * Against an HTTP server that answers each request from a script, as the API would under load.
 */
describe('fuzz harness: a transient 503 is retried once, as a client would; real server errors are not hidden', () => {
  let upstream: http.Server;
  let proxy: TransientRetryProxy;
  /** The answers the upstream gives, in order; and what it received. */
  let script: { status: number; headers?: Record<string, string>; body: unknown }[] = [];
  const received: { method: string; url: string; body: string }[] = [];
  const unavailable = {
    status: 503,
    headers: { 'retry-after': '0' },
    body: { error: { code: 'SERVICE_UNAVAILABLE', message: { 'zh-CN': '服务暂不可用，请稍后再试。', en: 'try again' } } },
  };

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ method: req.method!, url: req.url!, body: Buffer.concat(chunks).toString('utf8') });
        const answer = script.shift() ?? { status: 200, body: { ok: true } };
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    proxy = await startTransientRetryProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
  });
  afterEach(() => {
    script = [];
    received.length = 0;
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  const put = () =>
    fetch(`${proxy.url}/api/v1/village-conversions/x/draft`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: 'sid=1' },
      body: JSON.stringify({ application: { villageName: '柳树村' } }),
    });

  it('sends a 503 SERVICE_UNAVAILABLE with Retry-After again once, and the fuzzer sees the second answer', async () => {
    const before = proxy.retried();
    script = [unavailable, { status: 200, body: { saved: true } }];
    const res = await put();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ saved: true });
    expect(received).toHaveLength(2);
    expect(received[1]).toEqual(received[0]);
    expect(proxy.retried() - before).toBe(1);
  });

  it('passes a repeated 503 on to the fuzzer, which counts it as a server error', async () => {
    script = [unavailable, unavailable];
    expect((await put()).status).toBe(503);
    expect(received).toHaveLength(2);
  });

  it('never retries a 500, nor a 503 without Retry-After or without the SERVICE_UNAVAILABLE code', async () => {
    script = [{ status: 500, body: { error: { code: 'INTERNAL_ERROR' } } }];
    expect((await put()).status).toBe(500);
    script = [{ status: 503, body: unavailable.body }];
    expect((await put()).status).toBe(503);
    script = [{ status: 503, headers: { 'retry-after': '0' }, body: { error: { code: 'INTERNAL_ERROR' } } }];
    expect((await put()).status).toBe(503);
    expect(received).toHaveLength(3);
  });
});
