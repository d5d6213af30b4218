// An HTTP proxy between the fuzzer and the API that answers a transient refusal as a client would: the API answers
// 503 SERVICE_UNAVAILABLE with Retry-After when PostgreSQL or Temporal said "not now" (nothing was done: the
// transaction rolled back, or a repeat finds the outcome; api/plugins/app/error-handler.ts). A well-behaved client
// waits and sends the request again, once. So the proxy does, and the fuzzer sees the second answer: a 503 that
// repeats is still a failure, and any other 5xx (a 500 above all) passes through untouched, never retried.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TransientRetryProxy {
  /** Base URL to send requests to instead of the API's. */
  url: string;
  /** Transient 503s retried so far (each was answered by the API, and counted by its metrics, before its retry). */
  retried(): number;
  close(): Promise<void>;
}

/** The longest wait a Retry-After is honoured for (the API asks for 5 s). */
const MAX_WAIT_SECONDS = 10;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A 503 the API gave as "try again": the SERVICE_UNAVAILABLE code, with a Retry-After in seconds. */
function transientWait(answer: Answer): number | undefined {
  if (answer.status !== 503) return undefined;
  const seconds = Number(answer.headers['retry-after']);
  if (!Number.isFinite(seconds) || seconds < 0) return undefined;
  try {
    const body = JSON.parse(answer.body.toString('utf8')) as { error?: { code?: unknown } };
    if (body.error?.code !== 'SERVICE_UNAVAILABLE') return undefined;
  } catch {
    return undefined; // not the API's error body: not a refusal it asked to be retried
  }
  return Math.min(seconds, MAX_WAIT_SECONDS);
}

function forward(target: URL, request: http.IncomingMessage, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const upstream = http.request(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: target.host },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    );
    upstream.on('error', reject);
    upstream.end(body);
  });
}

export async function startTransientRetryProxy(
  targetUrl: string,
  log: (line: string) => void = () => undefined,
): Promise<TransientRetryProxy> {
  const target = new URL(targetUrl);
  let retried = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        let answer = await forward(target, request, body);
        const wait = transientWait(answer);
        if (wait !== undefined) {
          retried += 1;
          log(`${request.method} ${request.url}: 503 SERVICE_UNAVAILABLE, sent again after ${wait} s (Retry-After)`);
          await new Promise((resolve) => setTimeout(resolve, wait * 1000));
          answer = await forward(target, request, body);
        }
        const headers = { ...answer.headers };
        delete headers['transfer-encoding'];
        delete headers.connection;
        headers['content-length'] = String(answer.body.length);
        response.writeHead(answer.status, headers);
        response.end(answer.body);
      })().catch((error: unknown) => {
        // The API could not be reached at all: a gateway error, which the fuzzer counts as a 5xx.
        log(`${request.method} ${request.url}: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent) response.writeHead(502);
        response.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    retried: () => retried,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
