import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import {
  circulateBody,
  circulationRecipients,
  circulationRecipientsQuery,
  circulatedItem,
  circulationView,
  delegationBody,
  delegationView,
  doneItem,
  listLimit,
  phraseBody,
  phrasePatch,
  phraseView,
  reassignBody,
  startedItem,
  supervisedCards,
  urgeBody,
  urgeResult,
  urgeView,
} from '../../schemas/oa';
import {
  circulateCase,
  circulationRecipients as listCirculationRecipients,
  listCaseCirculations,
  markCirculationsOpened,
} from '../../services/oa/circulation';
import { createDelegation, delegationColleagues, listDelegations, revokeDelegation } from '../../services/oa/delegations';
import { createPhrase, deletePhrase, listPhrases, updatePhrase } from '../../services/oa/phrases';
import { listSupervisedCards, reassignTask } from '../../services/oa/supervision';
import { listUrges, urgeTask } from '../../services/oa/urge';
import { listCirculatedToMe, listDone, listStarted } from '../../services/oa/worklists';

const taskParams = z.object({ taskId: z.string().uuid() });
const caseParams = z.object({ caseId: z.string().uuid() });
const phraseParams = z.object({ phraseId: z.string().uuid() });
const delegationParams = z.object({ delegationId: z.string().uuid() });
const act = { permission: 'tasks.act' } as const;

/** The office features of issue 20: 已办, 我发起, 抄送我; 催办 and 督办; 传阅 with read receipts; 常用意见. */
const officeRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;

  fastify.get(
    '/api/v1/worklists/done',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '已办 / Tasks I completed',
        querystring: listLimit,
        response: { 200: z.array(doneItem), ...errorResponses },
      },
    },
    async (request) => listDone({ db, caller: callerOf(request), limit: request.query.limit }),
  );
  fastify.get(
    '/api/v1/worklists/started',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '我发起 / Cases I started',
        querystring: listLimit,
        response: { 200: z.array(startedItem), ...errorResponses },
      },
    },
    async (request) => listStarted({ db, caller: callerOf(request), limit: request.query.limit }),
  );
  fastify.get(
    '/api/v1/worklists/circulated',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '抄送我 / Cases circulated to me',
        querystring: listLimit,
        response: { 200: z.array(circulatedItem), ...errorResponses },
      },
    },
    async (request) => listCirculatedToMe({ db, caller: callerOf(request), limit: request.query.limit }),
  );

  fastify.post(
    '/api/v1/tasks/:taskId/urge',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '催办 / Urge a task',
        description:
          "The case's initiator or an organization above the task's urges an open task with a reason; one urge per task, urger and China day (429 URGE_LIMIT_REACHED).",
        params: taskParams,
        body: urgeBody,
        response: { 201: urgeResult, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await urgeTask({
          db,
          caller: callerOf(request),
          taskId: request.params.taskId,
          reason: request.body.reason,
          requestId: request.id,
        }),
      ),
  );

  fastify.get(
    '/api/v1/tasks/:taskId/urges',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '催办记录 / Urges of a task',
        params: taskParams,
        response: { 200: z.array(urgeView), ...errorResponses },
      },
    },
    async (request) => listUrges({ db, caller: callerOf(request), taskId: request.params.taskId }),
  );

  fastify.get(
    '/api/v1/supervision/cards',
    {
      config: { permission: 'tasks.supervise' },
      schema: {
        tags: ['tasks'],
        summary: '督办 / Yellow- and red-card tasks of my subtree',
        response: { 200: supervisedCards, ...errorResponses },
      },
    },
    async (request) => listSupervisedCards({ db, caller: callerOf(request) }),
  );

  fastify.post(
    '/api/v1/tasks/:taskId/reassign',
    {
      config: { permission: 'tasks.supervise' },
      schema: {
        tags: ['tasks'],
        summary: '督办改派 / Reassign a task of an organization below mine',
        params: taskParams,
        body: reassignBody,
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      await reassignTask({
        db,
        caller: callerOf(request),
        taskId: request.params.taskId,
        userId: request.body.userId,
        reason: request.body.reason,
        requestId: request.id,
      });
      return { ok: true as const };
    },
  );

  fastify.post(
    '/api/v1/cases/:caseId/circulations',
    {
      config: { permission: 'cases.circulate' },
      schema: {
        tags: ['cases'],
        summary: '传阅 / Circulate a case',
        description: 'To colleagues and organizations of my organization, its subtree and its supervising chain, with a purpose.',
        params: caseParams,
        body: circulateBody,
        response: { 201: z.object({ ids: z.array(z.string().uuid()) }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await circulateCase({
          db,
          caller: callerOf(request),
          caseId: request.params.caseId,
          ...request.body,
          requestId: request.id,
        }),
      ),
  );

  fastify.get(
    '/api/v1/cases/:caseId/circulation-recipients',
    {
      config: { permission: 'cases.circulate' },
      schema: {
        tags: ['cases'],
        summary: '可传阅对象 / Whom I may circulate the case to',
        params: caseParams,
        querystring: circulationRecipientsQuery,
        response: { 200: circulationRecipients, ...errorResponses },
      },
    },
    async (request) =>
      listCirculationRecipients({ db, caller: callerOf(request), caseId: request.params.caseId, q: request.query.q }),
  );

  fastify.get(
    '/api/v1/cases/:caseId/circulations',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['cases'],
        summary: '传阅记录与阅知回执 / Circulations and read receipts',
        params: caseParams,
        response: { 200: z.array(circulationView), ...errorResponses },
      },
    },
    async (request) => listCaseCirculations({ db, caller: callerOf(request), caseId: request.params.caseId }),
  );

  fastify.post(
    '/api/v1/cases/:caseId/circulations/opened',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['cases'],
        summary: '阅知 / Record that I opened a case circulated to me',
        params: caseParams,
        response: { 200: z.object({ recorded: z.number().int() }), ...errorResponses },
      },
    },
    async (request) =>
      markCirculationsOpened({ db, caller: callerOf(request), caseId: request.params.caseId, requestId: request.id }),
  );

  fastify.get(
    '/api/v1/opinion-phrases',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '常用意见 / Opinion phrases',
        response: { 200: z.array(phraseView), ...errorResponses },
      },
    },
    async (request) => listPhrases(db, callerOf(request)),
  );

  fastify.post(
    '/api/v1/opinion-phrases',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '新增常用意见 / Add an opinion phrase',
        description: "Personal, or organization-wide (the organization's administrator only).",
        body: phraseBody,
        response: { 201: phraseView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPhrase({ db, caller: callerOf(request), input: request.body, requestId: request.id })),
  );

  fastify.patch(
    '/api/v1/opinion-phrases/:phraseId',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '修改常用意见 / Change an opinion phrase',
        params: phraseParams,
        body: phrasePatch,
        response: { 200: phraseView, ...errorResponses },
      },
    },
    async (request) =>
      updatePhrase({
        db,
        caller: callerOf(request),
        id: request.params.phraseId,
        text: request.body.text,
        requestId: request.id,
      }),
  );

  fastify.delete(
    '/api/v1/opinion-phrases/:phraseId',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '删除常用意见 / Delete an opinion phrase',
        params: phraseParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deletePhrase({ db, caller: callerOf(request), id: request.params.phraseId, requestId: request.id });
      return reply.status(204).send(null);
    },
  );

  fastify.get(
    '/api/v1/delegations',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '委托/代理 / Period delegations I gave and received',
        response: { 200: z.array(delegationView), ...errorResponses },
      },
    },
    async (request) => listDelegations(db, callerOf(request)),
  );

  fastify.get(
    '/api/v1/delegations/colleagues',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '可委托的同事 / Colleagues I may delegate to',
        response: {
          200: z.array(z.object({ id: z.string().uuid(), displayName: z.string(), username: z.string() })),
          ...errorResponses,
        },
      },
    },
    async (request) => delegationColleagues(db, callerOf(request)),
  );

  fastify.post(
    '/api/v1/delegations',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '委托/代理 / Delegate my tasks for a period',
        description:
          'To a colleague of the organization and role I act under now, from startsOn to endsOn (China dates, both included).',
        body: delegationBody,
        response: { 201: z.object({ id: z.string().uuid() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const d = await createDelegation({ db, caller: callerOf(request), input: request.body, requestId: request.id });
      return reply.status(201).send({ id: d.id });
    },
  );

  fastify.delete(
    '/api/v1/delegations/:delegationId',
    {
      config: act,
      schema: {
        tags: ['tasks'],
        summary: '撤销委托 / Revoke a delegation',
        params: delegationParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeDelegation({ db, caller: callerOf(request), id: request.params.delegationId, requestId: request.id });
      return reply.status(204).send(null);
    },
  );
};

export default officeRoutes;
