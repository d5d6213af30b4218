import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import { meResponse } from '../../schemas/me';

const meRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/api/v1/me',
    { schema: { tags: ['auth'], summary: '当前用户 / Current user', response: { 200: meResponse, ...errorResponses } } },
    async (request) => {
      const caller = callerOf(request);
      const view = ({ organizationPath: _path, ...m }: (typeof caller.memberships)[number]) => m;
      return {
        user: { id: caller.userId, username: caller.username, displayName: caller.displayName, mustChangePassword: caller.mustChangePassword },
        membership: caller.membership ? view(caller.membership) : null,
        memberships: caller.memberships.map(view),
        csrfToken: caller.csrfToken,
      };
    },
  );
};

export default meRoutes;
