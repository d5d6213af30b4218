import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '../api/plugins/app/auth';
import { switchMembership } from '../api/services/auth/account';
import { THROTTLE } from '../api/services/auth/throttle';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeProvinceToCounty, makeUser, signIn, TEST_PASSWORD } from './support/factories';

describe('identity: sessions, CSRF, throttling, passwords, memberships, import', () => {
  let h: Harness;
  let countyId: string;
  let townshipId: string;
  let adminName: string;

  beforeAll(async () => {
    h = await startHarness();
    const { province, county } = await makeProvinceToCounty(h.db);
    countyId = county.id;
    townshipId = (await makeOrganization(h.db, 'TOWNSHIP', countyId)).id;
    adminName = (await makeUser(h.db, [{ organizationId: province.id, role: 'SYSTEM_ADMIN' }])).username;
  });
  afterAll(async () => h?.close());

  const login = (username: string, password: string, ip = '10.0.0.1') =>
    h.api.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

  it('sets an httpOnly SameSite=Lax session cookie, a new session id at every login, and logs out', async () => {
    const user = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
    const first = await login(user.username, TEST_PASSWORD);
    const second = await login(user.username, TEST_PASSWORD);
    const c1 = first.cookies.find((c) => c.name === 'cg_session')!;
    const c2 = second.cookies.find((c) => c.name === 'cg_session')!;
    expect(c1).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(c1.value).not.toBe(c2.value);
    const session = await signIn(h.api, user.username);
    expect((await session.request({ url: '/api/v1/me' })).statusCode).toBe(200);
    expect((await session.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await session.request({ url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('ends an expired session', async () => {
    const user = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
    const session = await signIn(h.api, user.username);
    await h.db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await session.request({ url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token (403) and audits it', async () => {
    const user = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
    const session = await signIn(h.api, user.username);
    const res = await h.api.inject({
      method: 'POST',
      url: '/api/v1/smoke-cases',
      payload: { title: 'x' },
      headers: { cookie: session.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(await h.db.case.count({ where: { title: 'x' } })).toBe(0);
    expect(
      await h.db.auditEvent.findFirst({ where: { actorId: user.id, outcome: 'refused', reason: 'FORBIDDEN:csrf' } }),
    ).not.toBeNull();
  });

  it('throttles an account after repeated failures with the same message for unknown and known users', async () => {
    const user = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
    const unknown = await login('no-such-user-xyz', 'wrong-password', '10.0.0.2');
    const wrong = await login(user.username, 'wrong-password', '10.0.0.2');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json<{ error: { message: unknown } }>().error.message).toEqual(
      wrong.json<{ error: { message: unknown } }>().error.message,
    );
    for (let i = 1; i < THROTTLE.maxFailuresPerAccount; i++) await login(user.username, 'wrong-password', `10.0.1.${i}`);
    const locked = await login(user.username, TEST_PASSWORD, '10.0.2.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json<{ error: { code: string } }>().error.code).toBe('LOGIN_THROTTLED');
  });

  it('a stored password hash argon2 cannot decode is a server error (500), never a wrong password (401)', async () => {
    const user = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
    await h.db.user.update({ where: { id: user.id }, data: { passwordHash: 'not-an-argon2-hash' } });
    const res = await login(user.username, TEST_PASSWORD, '10.0.3.1');
    expect(res.statusCode).toBe(500);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('INTERNAL_ERROR');
    expect(await h.db.loginAttempt.count({ where: { username: user.username } })).toBe(0);
  });

  it('throttles an IP address after repeated failures across accounts', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < THROTTLE.maxFailuresPerIp; i++) await login(`guess-${i}`, 'wrong-password', ip);
    const user = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
    expect((await login(user.username, TEST_PASSWORD, ip)).statusCode).toBe(429);
    expect((await login(user.username, TEST_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });

  it('changes a password (current one required) and lets an administrator reset it, ending sessions', async () => {
    const user = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
    const session = await signIn(h.api, user.username);
    const wrong = await session.request({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: 'nope', newPassword: 'a-new-long-password' },
    });
    expect(wrong.statusCode).toBe(400);
    const changed = await session.request({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-long-password' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await login(user.username, 'a-new-long-password', '10.1.1.1')).statusCode).toBe(200);

    const admin = await signIn(h.api, adminName);
    const reset = await admin.request({
      method: 'POST',
      url: `/api/v1/users/${user.id}/reset-password`,
      payload: { newPassword: 'reset-by-admin-1' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await session.request({ url: '/api/v1/me' })).statusCode).toBe(401);
    const after = await signIn(h.api, user.username, 'reset-by-admin-1');
    expect(
      (await after.request({ url: '/api/v1/me' })).json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword,
    ).toBe(true);
  });

  it('switches between the memberships a user holds, and only those', async () => {
    const user = await makeUser(h.db, [
      { organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' },
      { organizationId: countyId, role: 'COUNTY_APPROVER' },
    ]);
    const session = await signIn(h.api, user.username);
    const me = (await session.request({ url: '/api/v1/me' })).json<{
      membership: { id: string };
      memberships: { id: string; role: string }[];
    }>();
    const other = me.memberships.find((m) => m.id !== me.membership.id)!;
    expect(
      (await session.request({ method: 'PUT', url: '/api/v1/me/membership', payload: { membershipId: other.id } })).statusCode,
    ).toBe(204);
    expect((await session.request({ url: '/api/v1/me' })).json<{ membership: { id: string } }>().membership.id).toBe(other.id);
    const stranger = await makeUser(h.db, [{ organizationId: countyId, role: 'SYSTEM_ADMIN' }]);
    const foreign = await session.request({
      method: 'PUT',
      url: '/api/v1/me/membership',
      payload: { membershipId: stranger.memberships[0]!.id },
    });
    expect(foreign.statusCode).toBe(404);

    // A session that ends while the switch runs (signed out elsewhere, reset, disabled) answers 401, not 500.
    const caller = { userId: user.id, sessionId: randomUUID(), memberships: me.memberships } as unknown as Caller;
    await expect(
      switchMembership({ db: h.db, caller, membershipId: other.id, requestId: 'test-ended-session' }),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('imports organizations from CSV all or nothing, with a per-row error report', async () => {
    const admin = await signIn(h.api, adminName);
    const county = await h.db.organization.findUniqueOrThrow({ where: { id: countyId } });
    const bad = [
      'code,name,nameEn,kind,parentCode',
      `IMP-T1,导入镇,,TOWNSHIP,${county.code}`,
      'IMP-C1,导入社区,,COMMUNITY,IMP-T1',
      'IMP-X,,,PLANET,NOPE',
    ].join('\n');
    const refused = await admin.request({
      method: 'POST',
      url: '/api/v1/organizations/import',
      payload: { filename: 'orgs.csv', contentBase64: Buffer.from(bad).toString('base64') },
    });
    expect(refused.statusCode).toBe(400);
    const rowErrors = refused.json<{ error: { details: { rowErrors: { row: number; field: string }[] } } }>().error.details
      .rowErrors;
    expect(rowErrors.map((e) => `${e.row}:${e.field}`).sort()).toEqual(['4:kind', '4:name', '4:parentCode']);
    expect(await h.db.organization.count({ where: { code: { startsWith: 'IMP-' } } })).toBe(0);

    const good = bad.split('\n').slice(0, 3).join('\n');
    const imported = await admin.request({
      method: 'POST',
      url: '/api/v1/organizations/import',
      payload: { filename: 'orgs.csv', contentBase64: Buffer.from(good).toString('base64') },
    });
    expect(imported.json()).toEqual({ created: 2, rows: 2 });
    const community = await h.db.organization.findUniqueOrThrow({ where: { code: 'IMP-C1' }, include: { parent: true } });
    expect(community.parent?.code).toBe('IMP-T1');
    expect(community.path.startsWith(county.path)).toBe(true);
  });

  it('refuses an organization under a parent of the wrong kind', async () => {
    const admin = await signIn(h.api, adminName);
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { code: 'BAD-KIND', name: '错层级村', kind: 'VILLAGE', parentId: countyId },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: { code: string }[] } }>().error.fields[0]!.code).toBe('invalid_parent_kind');
  });
});
