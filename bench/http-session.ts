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

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
