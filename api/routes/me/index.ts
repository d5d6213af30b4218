import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import { meResponse } from '../../schemas/me';
import { changePasswordBody, mobileBody, mobileView, switchMembershipBody } from '../../schemas/users';
import { ownMobile, setOwnMobile } from '../../services/auth/mobile';
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

  fastify.get(
    '/api/v1/me/mobile',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], summary: '我的手机号码 / My mobile number', response: { 200: mobileView, ...errorResponses } },
    },
    async (request) => ownMobile({ db: fastify.platform.db, caller: callerOf(request) }),
  );

  fastify.put(
    '/api/v1/me/mobile',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: '设置接收短信提醒的手机号码 / Set the mobile number for SMS reminders',
        body: mobileBody,
        response: { 200: mobileView, ...errorResponses },
      },
    },
    async (request) =>
      setOwnMobile({ db: fastify.platform.db, caller: callerOf(request), mobile: request.body.mobile, requestId: request.id }),
  );
};

export default meRoutes;
