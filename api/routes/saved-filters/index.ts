import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import { savedFilterBody, savedFilterView } from '../../schemas/inbox';
import { deleteSavedFilter, listSavedFilters, saveFilter } from '../../services/tasks/saved-filters';

const savedFilterRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;
  const act = { permission: 'tasks.act' } as const;
  fastify.get(
    '/api/v1/saved-filters',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '已保存的筛选 / Saved filters',
        response: { 200: z.array(savedFilterView), ...errorResponses },
      },
    },
    async (request) => listSavedFilters(db, callerOf(request)),
  );
  fastify.post(
    '/api/v1/saved-filters',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '保存筛选 / Save a filter',
        body: savedFilterBody,
        response: { 201: savedFilterView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await saveFilter({ db, caller: callerOf(request), input: request.body, requestId: request.id })),
  );
  fastify.delete(
    '/api/v1/saved-filters/:filterId',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '删除筛选 / Delete a filter',
        params: z.object({ filterId: z.string().uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteSavedFilter({ db, caller: callerOf(request), id: request.params.filterId, requestId: request.id });
      return reply.status(204).send(null);
    },
  );
};

export default savedFilterRoutes;
