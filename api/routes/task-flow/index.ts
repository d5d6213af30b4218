import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import { flowResult, sendBackBody } from '../../schemas/task-flow';
import { sendBackTask, takeBackTask } from '../../services/tasks/flow';

const taskParams = z.object({ taskId: z.string().uuid() });

/** 退回 and 取回: a procedure's flow going back (api/services/tasks/flow.ts). */
const taskFlowRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.post(
    '/api/v1/tasks/:taskId/send-back',
    {
      config: { permission: 'tasks.act', admission: 'workflow' },
      schema: {
        tags: ['tasks'],
        summary: '退回 / Send the file back to an earlier step',
        description:
          "The holder of an open task returns the file to an earlier step its procedure allows (the task's returnTargets), " +
          'with a reason: recorded as a rule decision (e.g. VC-RETURN) and in the audit trail; the target step opens again ' +
          'with the reason shown on it, and the steps after it are done again. Returns the reopened task.',
        params: taskParams,
        body: sendBackBody,
        response: { 200: flowResult, ...errorResponses },
      },
    },
    async (request) =>
      sendBackTask({
        ...fastify.platform,
        caller: callerOf(request),
        taskId: request.params.taskId,
        toStep: request.body.toStep,
        reason: request.body.reason,
        requestId: request.id,
      }),
  );

  fastify.post(
    '/api/v1/tasks/:taskId/take-back',
    {
      config: { permission: 'tasks.act', admission: 'workflow' },
      schema: {
        tags: ['tasks'],
        summary: '取回 / Take back my completion',
        description:
          "The official who completed this task takes the completion back while the next step's task is open, unclaimed " +
          'and not completed (409 TAKE_BACK_NOT_ALLOWED otherwise; 403 TAKE_BACK_NOT_YOURS for anyone else). The next ' +
          "step's task is withdrawn and this step reopens, assigned to the caller. Returns the reopened task.",
        params: taskParams,
        response: { 200: flowResult, ...errorResponses },
      },
    },
    async (request) =>
      takeBackTask({ ...fastify.platform, caller: callerOf(request), taskId: request.params.taskId, requestId: request.id }),
  );
};

export default taskFlowRoutes;
