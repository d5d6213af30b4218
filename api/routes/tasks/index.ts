import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import {
  bulkBody,
  bulkResult,
  completeTaskBody,
  eligibleAssignees,
  eligibleAssigneesQuery,
  completeTaskResponse,
  taskCommentBody,
  taskDocumentBody,
  taskDocumentResponse,
  taskUserBody,
  taskView,
} from '../../schemas/tasks';
import { completeTask } from '../../services/tasks/complete-task';
import { findTaskForCaller, findTaskToRead } from '../../services/tasks/find-task';
import { toTaskView } from '../../services/tasks/task-view';
import { inboxPage, inboxQuery } from '../../schemas/inbox';
import { listInbox } from '../../services/tasks/inbox';
import { findSavedFilter } from '../../services/tasks/saved-filters';
import {
  assignTask,
  claimTask,
  commentOnTask,
  delegateTask,
  eligibleAssignees as listEligibleAssignees,
  returnTask,
  unclaimTask,
} from '../../services/tasks/task-operations';
import { bulkTaskAction } from '../../services/tasks/bulk';
import { storeDocument } from '../../services/documents/store-document';
import { inboxFilter } from '../../schemas/inbox';

const taskParams = z.object({ taskId: z.string().uuid() });
const ok = z.object({ ok: z.literal(true) });
const act = { permission: 'tasks.act' } as const;

const taskRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;

  fastify.get(
    '/api/v1/tasks',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '待办箱 / Inbox',
        description:
          'view=mine (assigned to me), unclaimed (offered to my organization and role), organization (my subtree, supervision).',
        querystring: inboxQuery,
        response: { 200: inboxPage, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const saved = request.query.savedFilterId
        ? inboxFilter.parse((await findSavedFilter({ db, caller, id: request.query.savedFilterId })).filter)
        : {};
      return listInbox({ db, caller, query: { ...request.query, ...saved } });
    },
  );

  const operation = (
    path: string,
    summary: string,
    run: (ctx: { db: typeof db; caller: ReturnType<typeof callerOf>; taskId: string; requestId: string }) => Promise<void>,
  ) =>
    fastify.post(
      `/api/v1/tasks/:taskId/${path}`,
      { config: act, schema: { tags: ['tasks'], summary, params: taskParams, response: { 200: ok, ...errorResponses } } },
      async (request) => {
        await run({ db, caller: callerOf(request), taskId: request.params.taskId, requestId: request.id });
        return { ok: true as const };
      },
    );
  operation('claim', '认领 / Claim', claimTask);
  operation('unclaim', '退回待认领 / Unclaim', unclaimTask);
  operation('return', '交回委托人 / Return a delegated task', returnTask);

  for (const [path, summary, run] of [
    ['assign', '分派给同事 / Assign to a colleague', assignTask],
    ['delegate', '委托同事 / Delegate to a colleague', delegateTask],
  ] as const) {
    fastify.post(
      `/api/v1/tasks/:taskId/${path}`,
      {
        config: act,
        schema: { tags: ['tasks'], summary, params: taskParams, body: taskUserBody, response: { 200: ok, ...errorResponses } },
      },
      async (request) => {
        await run({
          db,
          caller: callerOf(request),
          taskId: request.params.taskId,
          userId: request.body.userId,
          requestId: request.id,
        });
        return { ok: true as const };
      },
    );
  }

  fastify.get(
    '/api/v1/tasks/:taskId/eligible-assignees',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '可分派、委托的同事 / Colleagues who may hold the task',
        description:
          "Members of the task's organization holding its role (not disabled), for a caller who may act on the task; q searches names.",
        params: taskParams,
        querystring: eligibleAssigneesQuery,
        response: { 200: eligibleAssignees, ...errorResponses },
      },
    },
    async (request) =>
      listEligibleAssignees({ db, caller: callerOf(request), taskId: request.params.taskId, q: request.query.q }),
  );

  fastify.post(
    '/api/v1/tasks/:taskId/comments',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '评论 / Comment',
        params: taskParams,
        body: taskCommentBody,
        response: { 201: z.object({ id: z.string().uuid() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await commentOnTask({
        db,
        caller: callerOf(request),
        taskId: request.params.taskId,
        body: request.body.body,
        requestId: request.id,
      });
      return reply.status(201).send({ id });
    },
  );

  fastify.post(
    '/api/v1/tasks/:taskId/documents',
    {
      bodyLimit: 15 * 1024 * 1024,
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '上传证明材料 / Attach evidence',
        description: 'PDF, PNG, JPEG, DOCX or XLSX up to 10 MB, checked by content; stored once per SHA-256.',
        params: taskParams,
        body: taskDocumentBody,
        response: { 201: taskDocumentResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const task = await findTaskForCaller({ db, caller, taskId: request.params.taskId });
      const doc = await storeDocument({
        db,
        caller,
        caseId: task.caseId,
        taskId: task.id,
        ...request.body,
        requestId: request.id,
      });
      return reply.status(201).send({ id: doc.id, sha256: doc.sha256, size: doc.size });
    },
  );

  fastify.post(
    '/api/v1/tasks/bulk',
    {
      config: { ...act, admission: 'workflow' },
      schema: {
        tags: ['tasks'],
        summary: '批量认领、分派、办结 / Bulk claim, assign, complete',
        body: bulkBody,
        response: { 200: bulkResult, ...errorResponses },
      },
    },
    async (request) =>
      bulkTaskAction({ ...fastify.platform, caller: callerOf(request), input: request.body, requestId: request.id }),
  );

  fastify.get(
    '/api/v1/tasks/:taskId',
    {
      config: { permission: 'tasks.act' },
      schema: {
        tags: ['tasks'],
        summary: '任务详情 / Task',
        description: 'A task the caller may act on, or (supervisors) one of their subtree, read-only (access = supervise).',
        params: taskParams,
        response: { 200: taskView, ...errorResponses },
      },
    },
    async (request) =>
      toTaskView(await findTaskToRead({ db: fastify.platform.db, caller: callerOf(request), taskId: request.params.taskId })),
  );

  fastify.post(
    '/api/v1/tasks/:taskId/complete',
    {
      config: { permission: 'tasks.act', admission: 'workflow' },
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
