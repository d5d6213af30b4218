import type {} from '@fastify/cookie';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../schemas/errors';
import { loginBody } from '../../schemas/me';
import { login } from '../../services/auth/login';
import { deleteSession, SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../../services/auth/sessions';
import { appendAudit } from '../../../runtime/audit';

const authRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const cookieOptions = () => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: fastify.platform.secureCookies,
  });

  fastify.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '登录 / Sign in',
        body: loginBody,
        response: { 200: z.object({ csrfToken: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = await login({
        db: fastify.platform.db,
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions(), maxAge: SESSION_ABSOLUTE_MS / 1000 });
      return { csrfToken: session.csrfToken };
    },
  );

  fastify.post(
    '/api/v1/auth/logout',
    {
      config: { permission: 'authenticated', beforePasswordChange: true },
      schema: { tags: ['auth'], summary: '退出登录 / Sign out', response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      const caller = request.caller;
      if (caller) {
        await deleteSession(fastify.platform.db, caller.sessionId);
        await fastify.platform.db.$transaction((tx) =>
          appendAudit(tx, {
            action: 'auth.logout',
            targetType: 'user',
            targetId: caller.userId,
            actorId: caller.userId,
            outcome: 'success',
            requestId: request.id,
          }),
        );
      }
      reply.clearCookie(SESSION_COOKIE, cookieOptions());
      return reply.status(204).send(null);
    },
  );
};

export default authRoutes;
