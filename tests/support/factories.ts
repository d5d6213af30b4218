import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../runtime/db';
import type { OrgKind, Role } from '../../prisma/generated/client';
import { createOrganization } from '../../runtime/organizations';
import { createUser } from '../../api/services/users/create-user';
import { residentIdCheckChar } from '../../domain/resident-id';

export function uniqueCode(prefix = 'T'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export async function makeOrganization(db: Db, kind: OrgKind, parentId?: string, name?: string) {
  return createOrganization(db, { code: uniqueCode(kind), name: name ?? `${kind} ${uniqueCode()}`, kind, parentId });
}

/** A province, a city in it and a county in that (the administrative chain above a township). */
export async function makeProvinceToCounty(db: Db) {
  const province = await makeOrganization(db, 'PROVINCE');
  const city = await makeOrganization(db, 'CITY', province.id);
  const county = await makeOrganization(db, 'COUNTY', city.id);
  return { province, city, county };
}

export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * A user with these memberships. Accounts are real-name: a resident (APPLICANT) account gets a resident ID number of
 * its own (a fresh valid one unless `idNumber` names it), as an administrator issuing it would enter.
 */
export async function makeUser(
  db: Db,
  memberships: { organizationId: string; role: Role }[],
  username?: string,
  idNumber?: string,
) {
  const resident = memberships.some((m) => m.role === 'APPLICANT');
  return createUser(db, {
    username: username ?? uniqueCode('user').toLowerCase(),
    displayName: `测试用户 ${uniqueCode()}`,
    password: TEST_PASSWORD,
    idNumber: idNumber ?? (resident ? uniqueResidentId() : null),
    memberships,
  });
}

/** A valid resident ID number (GB 11643) nobody else in the test database holds: random birth date and sequence. */
export function uniqueResidentId(): string {
  const bytes = randomBytes(6);
  const day = new Date(Date.UTC(1950, 0, 1) + (bytes.readUInt32BE(0) % 18_000) * 86_400_000).toISOString().slice(0, 10);
  const first17 = `110105${day.replace(/-/g, '')}${String(bytes.readUInt16BE(4) % 1000).padStart(3, '0')}`;
  return `${first17}${residentIdCheckChar(first17)}`;
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
