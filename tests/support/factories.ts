import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../runtime/db';
import type { OrgKind, Role } from '../../prisma/generated/client';
import { createOrganization } from '../../api/services/organizations/create-organization';
import { createUser } from '../../api/services/users/create-user';

export function uniqueCode(prefix = 'T'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export async function makeOrganization(db: Db, kind: OrgKind, parentId?: string, name?: string) {
  return createOrganization(db, { code: uniqueCode(kind), name: name ?? `${kind} ${uniqueCode()}`, kind, parentId });
}

export const TEST_PASSWORD = 'correct horse battery staple';

export async function makeUser(db: Db, memberships: { organizationId: string; role: Role }[], username?: string) {
  return createUser(db, { username: username ?? uniqueCode('user').toLowerCase(), displayName: `测试用户 ${uniqueCode()}`, password: TEST_PASSWORD, memberships });
}

/** A signed-in client: sends the session cookie and the CSRF token on every request. */
export interface Session {
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function signIn(api: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await api.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'cg_session');
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken } = response.json<{ csrfToken: string }>();
  const header = `cg_session=${cookie.value}`;
  return {
    cookie: header,
    csrfToken,
    request: (options) =>
      api.inject({ ...options, headers: { ...(options.headers ?? {}), cookie: header, 'x-csrf-token': csrfToken } }),
  };
}
