/** A signed-in HTTP client against the running API (cookie + CSRF), as a browser would be. */
export class HttpSession {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<HttpSession> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return new HttpSession(baseUrl, cookie, csrfToken);
  }

  /** A session already in the database (the soak's applicants: sessions inserted in bulk instead of thousands of logins). */
  static fromToken(baseUrl: string, token: string, csrf: string): HttpSession {
    return new HttpSession(baseUrl, `cg_session=${token}`, csrf);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.send(method, path, body);
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    return res.body as T;
  }

  /**
   * One request that answers any status (a refusal is a result, not an exception); `baseUrl` sends it to another API
   * process of the same deployment (sessions live in PostgreSQL). Network errors still throw.
   */
  async send(method: string, path: string, body?: unknown, baseUrl = this.baseUrl): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }
}
