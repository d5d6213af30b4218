import { SESSION_COOKIE } from '../api/services/auth/sessions';

/** An answer of the API: status and parsed body (`null` when the body is empty or not JSON, e.g. a proxy's page). */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

function parseBody(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

/**
 * The API shed the request (503 SERVICE_UNAVAILABLE, reason `overloaded`, with Retry-After): nothing was started, and
 * the same request may simply be sent again (api/plugins/app/admission.ts).
 */
export class ShedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`shed by the API (503, Retry-After ${retryAfterSeconds} s)`);
    this.name = 'ShedError';
  }
}

/** True when an answer is a load shed by the API's admission (not a transient failure of what was asked). */
export function isShed(answer: ApiAnswer): boolean {
  const error = (answer.body as { error?: { code?: string; details?: { reason?: string } } } | null)?.error;
  return answer.status === 503 && error?.code === 'SERVICE_UNAVAILABLE' && error.details?.reason === 'overloaded';
}

/** A signed-in HTTP client against the running API (cookie + CSRF), as a browser would be. */
export class HttpSession {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<HttpSession> {
    const answer = await HttpSession.login(baseUrl, username, password);
    if (!answer.session) throw new Error(`login ${username}: ${answer.status}`);
    return answer.session;
  }

  /** One login attempt: the status, and the session when it succeeded (callers that retry look at the status). */
  static async login(baseUrl: string, username: string, password: string): Promise<{ status: number; session?: HttpSession }> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = parseBody(await res.text()) as { csrfToken?: string } | null;
    if (res.status !== 200 || !body?.csrfToken) return { status: res.status };
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    return { status: res.status, session: new HttpSession(baseUrl, cookie, body.csrfToken) };
  }

  /** A session already in the database (the soak's applicants: sessions inserted in bulk instead of thousands of logins). */
  static fromToken(baseUrl: string, token: string, csrf: string): HttpSession {
    return new HttpSession(baseUrl, `${SESSION_COOKIE}=${token}`, csrf);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.send(method, path, body);
    if (isShed(res)) {
      const details = (res.body as { error: { details: { retryAfterSeconds?: number } } }).error.details;
      throw new ShedError(details.retryAfterSeconds ?? 1);
    }
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    return res.body as T;
  }

  /**
   * One request that answers any status (a refusal is a result, not an exception); `baseUrl` sends it to another API
   * process of the same deployment (sessions live in PostgreSQL). Network errors still throw.
   */
  async send<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    baseUrl = this.baseUrl,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer<T>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: parseBody(await res.text()) as T };
  }
}
