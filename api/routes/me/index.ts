import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import { meResponse } from '../../schemas/me';
import { changePasswordBody, switchMembershipBody } from '../../schemas/users';
import { changeOwnPassword, switchMembership } from '../../services/auth/account';
import { z } from 'zod';

const meRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/api/v1/me',
    {
      config: { permission: 'authenticated', beforePasswordChange: true },
      schema: { tags: ['auth'], summary: '当前用户 / Current user', response: { 200: meResponse, ...errorResponses } },
    },
    async (request) => {
      const caller = callerOf(request);
      const view = ({ organizationPath: _path, ...m }: (typeof caller.memberships)[number]) => m;
      return {
        user: {
          id: caller.userId,
          username: caller.username,
          displayName: caller.displayName,
          mustChangePassword: caller.mustChangePassword,
        },
        membership: caller.membership ? view(caller.membership) : null,
        memberships: caller.memberships.map(view),
        csrfToken: caller.csrfToken,
      };
    },
  );

  fastify.put(
    '/api/v1/me/membership',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: '切换任职 / Switch membership',
        body: switchMembershipBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await switchMembership({
        db: fastify.platform.db,
        caller: callerOf(request),
        membershipId: request.body.membershipId,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );

  fastify.post(
    '/api/v1/me/password',
    {
      config: { permission: 'authenticated', beforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: '修改密码 / Change my password',
        body: changePasswordBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await changeOwnPassword({ db: fastify.platform.db, caller: callerOf(request), input: request.body, requestId: request.id });
      return reply.status(204).send(null);
    },
  );
};

export default meRoutes;
