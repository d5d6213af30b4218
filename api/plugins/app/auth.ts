import type {} from '@fastify/cookie';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../../domain/actor';
import { AppError } from '../../../domain/errors';
import type { RoleName } from '../../../domain/roles';
import { CSRF_HEADER, SESSION_COOKIE, sessionIdFromToken, touchSession } from '../../services/auth/sessions';
import { roleHasPermission, type Permission } from '../../authz/permissions';
import { activeDelegators } from '../../services/oa/delegations';

export interface CallerMembership {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  /** Materialized path of the organization ("/root/…/self/"): the subtree the membership can see. */
  organizationPath: string;
  role: RoleName;
}

/** Who is asking: the signed-in user and the membership they currently act under. */
export interface Caller {
  userId: string;
  username: string;
  displayName: string;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
  membership: CallerMembership | null;
  memberships: CallerMembership[];
  /**
   * Users whose tasks the caller may act on today under a period delegation (委托/代理) for the membership they act
   * under now (api/services/oa/delegations.ts); empty or absent when none.
   */
  actingFor?: string[];
}

/** The caller as the actor of a case (a task completion, an audit row): the organization they act for now. */
export function actorOf(caller: Caller): Actor {
  return {
    userId: caller.userId,
    organizationId: caller.membership?.organizationId ?? '',
    displayName: caller.displayName,
  };
}

/** What every /api/v1 route declares about access; the authorization matrix test walks this list. */
export interface RouteAccess {
  method: string;
  url: string;
  public: boolean;
  permission?: Permission;
  /** First example of the body schema (`.meta({ examples })`), with `$organizationId`-style placeholders. */
  bodyExample?: unknown;
  hasBody: boolean;
  /** The body's schema as declared (zod), for tests that generate bodies. */
  bodySchema?: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteAccess[];
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** Public routes (login, public checks) say `public: true`; every other /api/v1 route names its permission. */
    public?: boolean;
    permission?: Permission;
    /**
     * Callable while the account must still change the password an administrator set (GET /me, change-password,
     * logout); every other protected route answers 403 PASSWORD_CHANGE_REQUIRED until then.
     */
    beforePasswordChange?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function loadCaller(fastify: FastifyInstance, request: FastifyRequest): Promise<Caller | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const { db } = fastify.platform;
  const session = await db.session.findUnique({
    where: { id: sessionIdFromToken(token) },
    include: {
      user: {
        include: { memberships: { include: { organization: true }, orderBy: { createdAt: 'asc' } } },
      },
    },
  });
  if (!session || session.expiresAt <= new Date() || session.user.disabled) return null;
  await touchSession(db, session);
  const memberships = session.user.memberships.map((m): CallerMembership => ({
    id: m.id,
    organizationId: m.organizationId,
    organizationName: m.organization.name,
    organizationKind: m.organization.kind,
    organizationPath: m.organization.path,
    role: m.role,
  }));
  const membership = memberships.find((m) => m.id === session.membershipId) ?? memberships[0] ?? null;
  return {
    userId: session.userId,
    username: session.user.username,
    displayName: session.user.displayName,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    mustChangePassword: session.user.mustChangePassword,
    membership,
    memberships,
    actingFor: await activeDelegators(db, session.userId, membership),
  };
}

/**
 * Authentication for every request: resolves the session cookie to a caller; refuses protected routes without
 * one (401); requires the session's CSRF token on cookie-authenticated writes (403).
 */
export default fp(
  async function auth(fastify: FastifyInstance) {
    fastify.decorateRequest('caller', null);
    fastify.decorate('routeCatalog', [] as RouteAccess[]);
    // Every /api/v1 route must say who may call it; a route that forgets does not start.
    fastify.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/v1/')) return;
      const config = route.config;
      if (!config?.public && !config?.permission) {
        throw new Error(`Route ${route.method.toString()} ${route.url} declares neither config.public nor config.permission`);
      }
      const body = (route.schema as { body?: { meta?: () => { examples?: unknown[] } | undefined } } | undefined)?.body;
      for (const method of [route.method].flat()) {
        if (method === 'HEAD') continue;
        fastify.routeCatalog.push({
          method,
          url: route.url,
          public: config.public === true,
          permission: config.permission,
          hasBody: body !== undefined,
          bodySchema: body,
          bodyExample: body?.meta?.()?.examples?.[0],
        });
      }
    });
    fastify.addHook('onRequest', async (request) => {
      request.caller = await loadCaller(fastify, request);
      // Everything under /api/v1/ is protected unless the route says `public: true`; pages, health and docs are public,
      // and a path no route matches falls through to the 404 handler.
      const matched = request.routeOptions.url !== undefined;
      const isPublic = !matched || !request.url.startsWith('/api/v1/') || request.routeOptions.config?.public === true;
      if (!isPublic && !request.caller) throw new AppError('UNAUTHENTICATED');
      if (!isPublic && request.caller?.mustChangePassword && request.routeOptions.config?.beforePasswordChange !== true) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED');
      }
      const permission = request.routeOptions.config?.permission;
      if (!isPublic && permission && !roleHasPermission(request.caller?.membership?.role, permission)) {
        throw new AppError('FORBIDDEN');
      }
      if (request.caller && !SAFE_METHODS.has(request.method) && !isPublic) {
        if (request.headers[CSRF_HEADER] !== request.caller.csrfToken) {
          throw new AppError('FORBIDDEN', {
            details: { reason: 'csrf' },
            message: {
              'zh-CN': '请求缺少有效的防伪令牌，请刷新页面后重试。',
              en: 'Missing or invalid CSRF token; reload the page and retry.',
            },
          });
        }
      }
    });
  },
  { name: 'auth', dependencies: ['platform', 'cookie'] },
);

/** The caller of a protected route (the auth hook guarantees it is there). */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new AppError('UNAUTHENTICATED');
  return request.caller;
}
