import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { caseSummary, toCaseSummary } from '../../schemas/cases';
import { electionDetailView, electionOverviewView, electionSummary } from '../../schemas/election';
import { idempotencyHeaders, idempotencyOf } from '../../schemas/idempotency';
import { errorResponses } from '../../schemas/errors';
import { startElection } from '../../services/election/start-election';
import { electionDetail, electionOverview, listElections } from '../../services/election/views';

const params = z.object({ electionId: z.string().uuid() });

/** Starting and reading elections; the county view. Steps are completed as tasks (/api/v1/tasks/:taskId/complete). */
const electionCaseRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;

  fastify.post(
    '/api/v1/elections',
    {
      config: { permission: 'elections.start', admission: 'workflow' },
      schema: {
        headers: idempotencyHeaders,
        tags: ['elections'],
        summary: '发起社区居委会选举（乡镇、街道）/ Start a community election (township)',
        description:
          'EL-LAW decides the law from `restructuringComplete`. The first task is the set-up (kind election.setup) for the township.',
        body: z
          .object({ communityOrgId: z.string().uuid(), restructuringComplete: z.boolean() })
          .strict()
          .meta({ examples: [{ communityOrgId: '$organizationId', restructuringComplete: true }] }),
        response: { 201: caseSummary, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await startElection({
        ...fastify.platform,
        caller: callerOf(request),
        ...request.body,
        requestId: request.id,
        idempotency: idempotencyOf(request),
      });
      return reply.status(201).send(toCaseSummary(row));
    },
  );

  fastify.get(
    '/api/v1/elections',
    {
      config: { permission: 'elections.read' },
      schema: {
        tags: ['elections'],
        summary: '选举列表 / Elections in my scope',
        querystring: z
          .object({
            status: z
              .enum(['SETUP', 'REGISTRATION', 'OBJECTIONS', 'CANDIDATES', 'VOTING', 'HANDOVER', 'COMPLETED', 'CANCELLED'])
              .optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          })
          .strict(),
        response: { 200: z.array(electionSummary), ...errorResponses },
      },
    },
    async (request) => listElections({ db, caller: callerOf(request), filter: request.query }),
  );

  fastify.get(
    '/api/v1/elections/overview',
    {
      config: { permission: 'elections.overview' },
      schema: {
        tags: ['elections'],
        summary: '县级选举总览 / County view of elections',
        description:
          'Communities with their latest election and status, the direct-election rate against the 80% target, migrant applications approved and refused.',
        querystring: z.object({ organizationId: z.string().uuid().optional() }).strict(),
        response: { 200: electionOverviewView, ...errorResponses },
      },
    },
    async (request) => electionOverview({ db, caller: callerOf(request), organizationId: request.query.organizationId }),
  );

  fastify.get(
    '/api/v1/elections/:electionId',
    {
      config: { permission: 'elections.read' },
      schema: {
        tags: ['elections'],
        summary: '选举详情 / An election',
        params,
        response: { 200: electionDetailView, ...errorResponses },
      },
    },
    async (request) => electionDetail({ db, caller: callerOf(request), electionId: request.params.electionId }),
  );
};

export default electionCaseRoutes;
