import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpSession, type ApiAnswer } from '../bench/http-session';

export type { ApiAnswer };

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
 * A scripted official: a signed-in session (bench/http-session.ts) that sends each request until the API gives a real
 * answer. Network errors and 5xx (the worker, Temporal or PostgreSQL being down) are retried with backoff; anything
 * else is returned to the caller, with `retried` saying whether an earlier attempt may have taken effect.
 */
export class Official {
  constructor(
    readonly name: string,
    private readonly session: HttpSession,
  ) {}

  static fromSession(name: string, baseUrl: string, session: { token: string; csrfToken: string }): Official {
    return new Official(name, HttpSession.fromToken(baseUrl, session.token, session.csrfToken));
  }

  static async signIn(baseUrl: string, username: string, password: string): Promise<Official> {
    const answer = await retrying(() => HttpSession.login(baseUrl, username, password), `login ${username}`);
    if (!answer.session) throw new Error(`login ${username}: ${answer.status}`);
    return new Official(username, answer.session);
  }

  /**
   * Sends until the API answers with a status below 500; `retried` is true when an earlier attempt got no real answer.
   * A POST carries one Idempotency-Key for all its attempts, so a case start whose answer was lost opens one case.
   */
  async send<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T> & { retried: boolean }> {
    let attempts = 0;
    const headers: Record<string, string> = method === 'POST' ? { 'idempotency-key': randomUUID() } : {};
    const answer = await retrying(async () => {
      attempts += 1;
      const answer = await this.session.send<T>(method, path, body, undefined, headers);
      if (answer.status >= 500) sample(`${answer.status} ${method} ${path}: ${JSON.stringify(answer.body)}`);
      return answer;
    }, `${method} ${path}`);
    return { ...answer, retried: attempts > 1 };
  }
}

/** Runs `attempt` until it answers below 500 (network errors and 5xx are retried with backoff, up to 10 minutes). */
async function retrying<T extends { status: number }>(attempt: () => Promise<T>, what: string): Promise<T> {
  const deadline = Date.now() + RETRY_DEADLINE_MS;
  let delay = 100;
  for (;;) {
    let failure: string;
    try {
      const answer = await attempt();
      if (answer.status < 500) return answer;
      retryCounts.serverErrors += 1;
      failure = `HTTP ${answer.status}`;
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
