import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import { addMembershipBody, createUserBody, resetPasswordBody, updateUserBody, userView } from '../../schemas/users';
import {
  addMembership,
  addUser,
  findUserInScope,
  listUsers,
  removeMembership,
  resetPassword,
  toUserView,
  updateUser,
} from '../../services/users/manage-users';

const params = z.object({ userId: z.string().uuid() });
const membershipParams = z.object({ userId: z.string().uuid(), membershipId: z.string().uuid() });
const manage = { permission: 'users.manage' } as const;

const userRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;

  fastify.get(
    '/api/v1/users',
    {
      config: manage,
      schema: {
        tags: ['users'],
        summary: '用户列表 / Users in my scope',
        querystring: z.object({ q: z.string().trim().max(100).optional() }).strict(),
        response: { 200: z.array(userView), ...errorResponses },
      },
    },
    async (request) => listUsers({ db, caller: callerOf(request), filter: request.query }),
  );

  fastify.get(
    '/api/v1/users/:userId',
    {
      config: manage,
      schema: { tags: ['users'], summary: '用户 / User', params, response: { 200: userView, ...errorResponses } },
    },
    async (request) => toUserView(await findUserInScope({ db, caller: callerOf(request), userId: request.params.userId })),
  );

  fastify.post(
    '/api/v1/users',
    {
      config: manage,
      schema: {
        tags: ['users'],
        summary: '新建用户 / Create a user',
        body: createUserBody,
        response: { 201: userView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addUser({ db, caller: callerOf(request), input: request.body, requestId: request.id })),
  );

  fastify.patch(
    '/api/v1/users/:userId',
    {
      config: manage,
      schema: {
        tags: ['users'],
        summary: '修改或停用用户 / Update or disable a user',
        params,
        body: updateUserBody,
        response: { 200: userView, ...errorResponses },
      },
    },
    async (request) =>
      updateUser({ db, caller: callerOf(request), userId: request.params.userId, input: request.body, requestId: request.id }),
  );

  fastify.post(
    '/api/v1/users/:userId/memberships',
    {
      config: manage,
      schema: {
        tags: ['users'],
        summary: '添加任职 / Add a membership',
        params,
        body: addMembershipBody,
        response: { 200: userView, ...errorResponses },
      },
    },
    async (request) =>
      addMembership({ db, caller: callerOf(request), userId: request.params.userId, input: request.body, requestId: request.id }),
  );

  fastify.delete(
    '/api/v1/users/:userId/memberships/:membershipId',
    {
      config: manage,
      schema: {
        tags: ['users'],
        summary: '移除任职 / Remove a membership',
        params: membershipParams,
        response: { 200: userView, ...errorResponses },
      },
    },
    async (request) =>
      removeMembership({
        db,
        caller: callerOf(request),
        userId: request.params.userId,
        membershipId: request.params.membershipId,
        requestId: request.id,
      }),
  );

  fastify.post(
    '/api/v1/users/:userId/reset-password',
    {
      config: manage,
      schema: {
        tags: ['users'],
        summary: '重置密码 / Reset a password',
        params,
        body: resetPasswordBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await resetPassword({
        db,
        caller: callerOf(request),
        userId: request.params.userId,
        newPassword: request.body.newPassword,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );
};

export default userRoutes;
