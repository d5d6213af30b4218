import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import { completeTaskBody, completeTaskResponse, taskView } from '../../schemas/tasks';
import { completeTask } from '../../services/tasks/complete-task';
import { findTaskForCaller } from '../../services/tasks/task-scope';
import { toTaskView } from '../../services/tasks/task-view';

const taskParams = z.object({ taskId: z.string().uuid() });

const taskRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/api/v1/tasks/:taskId',
    { config: { permission: 'tasks.act' }, schema: { tags: ['tasks'], summary: '任务详情 / Task', params: taskParams, response: { 200: taskView, ...errorResponses } } },
    async (request) => toTaskView(await findTaskForCaller(fastify.platform.db, callerOf(request), request.params.taskId)),
  );

  fastify.post(
    '/api/v1/tasks/:taskId/complete',
    {
      config: { permission: 'tasks.act' },
      schema: {
        tags: ['tasks'],
        summary: '办结任务 / Complete a task',
        description: 'Returns after the workflow accepted the completion and wrote the next task, if any.',
        params: taskParams,
        body: completeTaskBody,
        response: { 200: completeTaskResponse, ...errorResponses },
      },
    },
    async (request) =>
      completeTask({
        ...fastify.platform,
        caller: callerOf(request),
        taskId: request.params.taskId,
        payload: request.body.payload,
        requestId: request.id,
      }),
  );
};

export default taskRoutes;
