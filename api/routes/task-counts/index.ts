import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import { taskCounts } from '../../schemas/task-counts';
import { countTasks } from '../../services/tasks/task-counts';

const taskCountRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;
  fastify.get(
    '/api/v1/task-counts',
    {
      config: { permission: 'tasks.act' },
      schema: {
        tags: ['tasks'],
        summary: '工作台计数 / Workspace counts',
        description:
          'mine: open tasks assigned to me; claimable: open tasks offered to my organization and role, not yet claimed; done: tasks I completed; started: cases I opened; circulatedUnread: cases circulated to me not yet opened.',
        response: { 200: taskCounts, ...errorResponses },
      },
    },
    async (request) => countTasks(db, callerOf(request)),
  );
};

export default taskCountRoutes;
