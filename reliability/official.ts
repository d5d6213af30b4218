import { setTimeout as sleep } from 'node:timers/promises';
import { SESSION_COOKIE } from '../api/services/auth/sessions';

/** An answer of the API: status and parsed body (`null` when the body is not JSON). */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

/** Counts the harness keeps about what the servers' outages cost the officials. */
export const retryCounts = { networkErrors: 0, serverErrors: 0, notOpenYet: 0 };
/** The first few server errors and network errors, to show what the outages looked like. */
export const retrySamples: string[] = [];
const sample = (line: string) => {
  if (retrySamples.length >= 12) return;
  retrySamples.push(line.slice(0, 300));
  process.stderr.write(`[chaos] retrying after ${line.slice(0, 300)}\n`);
};

const RETRY_DEADLINE_MS = 10 * 60_000;

/**
 * A scripted official: a signed-in session (cookie + CSRF) that sends each request until the API gives a real answer.
 * Network errors and 5xx (the worker, Temporal or PostgreSQL being down) are retried with backoff; anything else is
 * returned to the caller, with `retried` saying whether an earlier attempt may have taken effect.
 */
export class Official {
  constructor(
    readonly name: string,
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static fromSession(name: string, baseUrl: string, session: { token: string; csrfToken: string }): Official {
    return new Official(name, baseUrl, `${SESSION_COOKIE}=${session.token}`, session.csrfToken);
  }

  static async signIn(baseUrl: string, username: string, password: string): Promise<Official> {
    const answer = await retrying(async () => {
      const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      return { res, body: (await res.json()) as { csrfToken: string } };
    });
    if (answer.res.status !== 200) throw new Error(`login ${username}: ${answer.res.status}`);
    const cookie = (answer.res.headers.get('set-cookie') ?? '').split(';')[0]!;
    return new Official(username, baseUrl, cookie, answer.body.csrfToken);
  }

  /** Sends until the API answers with a status below 500; `retried` is true when an earlier attempt got no real answer. */
  async send<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T> & { retried: boolean }> {
    let attempts = 0;
    const { res, text } = await retrying(async () => {
      attempts += 1;
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          cookie: this.cookie,
          'x-csrf-token': this.csrf,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status >= 500) sample(`${res.status} ${method} ${path}: ${text}`);
      return { res, text };
    }, `${method} ${path}`);
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null; // not JSON (a proxy's error page)
    }
    return { status: res.status, body: parsed as T, retried: attempts > 1 };
  }
}

/** Runs `attempt` until it answers below 500 (network errors and 5xx are retried with backoff, up to 10 minutes). */
async function retrying<T extends { res: Response }>(attempt: () => Promise<T>, what = 'login'): Promise<T> {
  const deadline = Date.now() + RETRY_DEADLINE_MS;
  let delay = 100;
  for (;;) {
    let failure: string;
    try {
      const answer = await attempt();
      if (answer.res.status < 500) return answer;
      retryCounts.serverErrors += 1;
      failure = `HTTP ${answer.res.status}`;
    } catch (error) {
      retryCounts.networkErrors += 1;
      const cause = (error as { cause?: unknown }).cause;
      failure = error instanceof Error ? `${error.message}${cause instanceof Error ? ` (${cause.message})` : ''}` : String(error);
      sample(`${what}: ${failure}`);
    }
    if (Date.now() > deadline) throw new Error(`no answer within ${RETRY_DEADLINE_MS / 1000} s: ${failure}`);
    await sleep(delay);
    delay = Math.min(2_000, delay * 2);
  }
}
