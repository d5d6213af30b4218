import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { roleHasPermission } from '../api/authz/permissions';
import type { RouteAccess } from '../api/plugins/app/auth';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../scripts/demo-seed';
import type { RoleName } from '../domain/roles';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';

/**
 * Every /api/v1 endpoint × every role × own and foreign organization. The route list comes from the API itself
 * (`routeCatalog`, filled as routes register), so endpoints added later join this matrix without editing it.
 * Rules checked:
 * - anonymous → 401 on every protected route;
 * - a role without the route's permission → 403, never 2xx;
 * - a role with the permission, given ids of another organization → 404 (existence does not leak), never 2xx;
 * - a role with the permission, given its own ids → not 401/403 (the check is not vacuous).
 */
type Fixture = Record<string, string>;
interface Actor {
  username: string;
  role: RoleName;
  session: Session;
  own: Fixture;
  foreign: Fixture;
}

describe('authorization matrix', () => {
  let h: Harness;
  const actors: Actor[] = [];
  let routes: RouteAccess[] = [];

  beforeAll(async () => {
    h = await startHarness();
    const ids = await h.db.$transaction((tx) => seedDemo(tx), { timeout: 60_000 });
    // A second, unrelated tree: foreign to everybody, the province administrator included.
    const otherProvince = await makeOrganization(h.db, 'PROVINCE', undefined, '外省（测试）');
    const otherCounty = await makeOrganization(h.db, 'COUNTY', (await makeOrganization(h.db, 'CITY', otherProvince.id)).id);
    const outsider = await makeUser(h.db, [{ organizationId: otherCounty.id, role: 'COUNTY_APPROVER' }]);
    const outsiderSession = await signIn(h.api, outsider.username);
    const foreignTask = await startSmoke(outsiderSession);
    const foreignCase = (await h.db.task.findUniqueOrThrow({ where: { id: foreignTask } })).caseId;
    // A webhook subscription with one delivery in the demo administrator's organization and one in the foreign tree.
    const ownHook = await makeWebhookDelivery(ids[DEMO_USERS.find((d) => d.role === 'SYSTEM_ADMIN')!.org]!);
    const foreignHook = await makeWebhookDelivery(otherProvince.id);

    for (const demo of DEMO_USERS) {
      const session = await signIn(h.api, demo.username, DEMO_PASSWORD);
      const me = (await session.request({ url: '/api/v1/me' })).json<{ membership: { id: string; organizationId: string } }>();
      const orgId = ids[demo.org]!;
      // A user of this actor's own organization to act on (so nobody resets the actor's own sessions).
      const colleague = await makeUser(h.db, [{ organizationId: orgId, role: demo.role }]);
      const own: Fixture = {
        organizationId: orgId,
        userId: colleague.id,
        membershipId: demo.username === 'admin' ? colleague.memberships[0]!.id : me.membership.id,
        ...ownHook,
      };
      if (roleHasPermission(demo.role, 'smoke.start')) {
        own.taskId = await startSmoke(session);
        own.caseId = (await h.db.task.findUniqueOrThrow({ where: { id: own.taskId } })).caseId;
      }
      actors.push({
        username: demo.username,
        role: demo.role,
        session,
        own,
        foreign: {
          organizationId: otherCounty.id,
          userId: outsider.id,
          membershipId: outsider.memberships[0]!.id,
          taskId: foreignTask,
          caseId: foreignCase,
          ...foreignHook,
        },
      });
    }
    routes = h.api.routeCatalog.filter((r) => !r.public && r.url !== '/api/v1/auth/logout');
  }, 180_000);
  afterAll(async () => h?.close());

  async function startSmoke(session: Session): Promise<string> {
    const res = await session.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: '授权矩阵' } });
    expect(res.statusCode).toBe(201);
    const task = await h.db.task.findFirstOrThrow({ where: { caseId: res.json<{ id: string }>().id } });
    return task.id;
  }

  async function makeWebhookDelivery(organizationId: string) {
    const subscription = await h.db.webhookSubscription.create({
      data: {
        organizationId,
        url: 'https://example.org/hook',
        eventTypes: ['case.opened'],
        secretEncrypted: 'x.y.z',
        active: false,
      },
    });
    const event = await h.db.webhookEvent.create({
      data: { type: 'case.opened', organizationId, dedupeKey: `matrix:${subscription.id}` },
    });
    const delivery = await h.db.webhookDelivery.create({
      data: { eventId: event.id, subscriptionId: subscription.id, status: 'delivered' },
    });
    return { subscriptionId: subscription.id, deliveryId: delivery.id };
  }

  function fill(template: string, fixture: Fixture): string | undefined {
    let missing = false;
    const url = template.replace(/:(\w+)/g, (_, name: string) => fixture[name] ?? ((missing = true), ''));
    return missing ? undefined : url;
  }

  function fillBody(example: unknown, fixture: Fixture): unknown {
    if (example === undefined) return undefined;
    return JSON.parse(JSON.stringify(example).replace(/"\$(\w+)"/g, (_, name: string) => JSON.stringify(fixture[name] ?? name)));
  }

  const usesIds = (route: RouteAccess) => route.url.includes(':') || JSON.stringify(route.bodyExample ?? '').includes('"$');

  it('lists only routes that declare who may call them, with an example for every body', () => {
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes.filter((r) => r.hasBody && r.bodyExample === undefined).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('keeps 我要查 and its rating public (rate-limited, by query code) and the own-case and county views behind permissions', () => {
    const access = (method: string, url: string) => h.api.routeCatalog.find((r) => r.method === method && r.url === url);
    expect(access('POST', '/api/v1/public/case-status')).toMatchObject({ public: true });
    expect(access('POST', '/api/v1/public/case-rating')).toMatchObject({ public: true });
    expect(access('GET', '/api/v1/me/cases/:number/status')).toMatchObject({ public: false, permission: 'cases.own-status' });
    expect(access('POST', '/api/v1/me/cases/:number/rating')).toMatchObject({ public: false, permission: 'cases.own-status' });
    expect(access('GET', '/api/v1/service-ratings')).toMatchObject({ public: false, permission: 'service-ratings.read' });
    // The protected ones are in the matrix below, like every route.
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/v1/service-ratings', 'GET /api/v1/me/cases/:number/status']),
    );
  });

  it('keeps administration to the system administrator (independent of the permissions table)', async () => {
    const adminOnly = routes.filter(
      (r) =>
        r.url.startsWith('/api/v1/users') ||
        r.url.startsWith('/api/v1/admin') ||
        (r.url.startsWith('/api/v1/organizations') && r.method !== 'GET'),
    );
    expect(adminOnly.length).toBeGreaterThanOrEqual(10);
    const leaks: string[] = [];
    for (const route of adminOnly) {
      for (const actor of actors.filter((a) => a.role !== 'SYSTEM_ADMIN')) {
        const url = fill(route.url, actor.own);
        if (!url) continue;
        const res = await actor.session.request({
          method: route.method,
          url,
          payload: fillBody(route.bodyExample, actor.own) as object,
        });
        if (res.statusCode !== 403) leaks.push(`${route.method} ${route.url} as ${actor.username} → ${res.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('refuses every protected route to anonymous callers with 401', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const url = fill(route.url, actors[0]!.own) ?? route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await h.api.inject({
        method: route.method as 'GET',
        url,
        payload: fillBody(route.bodyExample, actors[0]!.own) as object,
      });
      if (res.statusCode !== 401) wrong.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('shows zero unauthorized successes over every route × role × own/foreign organization', async () => {
    const violations: string[] = [];
    let checks = 0;
    for (const route of routes) {
      for (const actor of actors) {
        const permitted = roleHasPermission(actor.role, route.permission!);
        for (const variant of ['foreign', 'own'] as const) {
          const fixture = actor[variant];
          const url = fill(route.url, fixture);
          if (!url) continue;
          if (variant === 'own' && !permitted && !usesIds(route)) continue;
          const res = await actor.session.request({
            method: route.method,
            url,
            payload: fillBody(route.bodyExample, fixture) as object,
          });
          checks += 1;
          const label = `${route.method} ${route.url} as ${actor.username} (${actor.role}), ${variant} → ${res.statusCode}`;
          const ok = res.statusCode >= 200 && res.statusCode < 300;
          if (!permitted && res.statusCode !== 403) violations.push(`${label}: expected 403`);
          else if (permitted && variant === 'foreign' && usesIds(route) && res.statusCode !== 404)
            violations.push(`${label}: expected 404`);
          else if (permitted && variant === 'own' && (res.statusCode === 401 || res.statusCode === 403))
            violations.push(`${label}: own resource refused`);
          else if (!permitted && ok) violations.push(`${label}: unauthorized success`);
        }
      }
    }
    expect(violations).toEqual([]);
    expect(checks).toBeGreaterThan(routes.length * actors.length);
  }, 300_000);
});
