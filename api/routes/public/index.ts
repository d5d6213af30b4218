import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../../plugins/app/auth';
import { PUBLIC_QUERY_RATE_LIMIT } from '../../plugins/external/rate-limit';
import { errorResponses } from '../../schemas/errors';
import {
  caseStatusQuery,
  caseStatusView,
  ownCaseParams,
  ownRatingBody,
  publicRatingBody,
  ratingSummaryView,
} from '../../schemas/public';
import { ratingSummary } from '../../services/public/rating-summary';
import { rateCase } from '../../services/public/ratings';
import { trackCase } from '../../services/public/track';

const tags = ['public'];
const publicQuery = { public: true, rateLimit: PUBLIC_QUERY_RATE_LIMIT } as const;

/** 我要查 and 好差评 (issue 21): a resident follows and rates their case; the county sees the ratings. */
const publicServiceRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;

  fastify.post(
    '/api/v1/public/case-status',
    {
      config: publicQuery,
      schema: {
        tags,
        summary: '我要查：按办件编号和查询码查询办理进度 / Case status by number and query code',
        description:
          'No login; rate-limited per client. An unknown number and a wrong code get the same 404 QUERY_NOT_MATCHED. The answer has no personal data. POST, so that the code stays out of URLs and logs.',
        body: caseStatusQuery,
        response: { 200: caseStatusView, ...errorResponses },
      },
    },
    async (request) => trackCase({ db, access: request.body }),
  );

  fastify.post(
    '/api/v1/public/case-rating',
    {
      config: { ...publicQuery, admission: 'workflow' },
      schema: {
        tags,
        summary: '好差评：凭查询码评价办件 / Rate a case with its query code',
        description:
          'Once per case, after its outcome (409 ALREADY_RATED, NOT_YET_RATEABLE). 1 or 2 (差评) opens a rectification task for the organization that decided the case, due in 15 working days. Answers the case status with the rating.',
        body: publicRatingBody,
        response: { 200: caseStatusView, ...errorResponses },
      },
    },
    async (request) => {
      const { number, code, level, comment } = request.body;
      return rateCase({ ...fastify.platform, access: { number, code }, level, comment, requestId: request.id });
    },
  );

  fastify.get(
    '/api/v1/me/cases/:number/status',
    {
      config: { permission: 'cases.own-status' },
      schema: {
        tags,
        summary: '我的办件进度 / Status of a case I opened',
        description: 'The public status of a resident-facing case the caller opened themself; any other is 404.',
        params: ownCaseParams,
        response: { 200: caseStatusView, ...errorResponses },
      },
    },
    async (request) => trackCase({ db, access: { number: request.params.number, caller: callerOf(request) } }),
  );

  fastify.post(
    '/api/v1/me/cases/:number/rating',
    {
      config: { permission: 'cases.own-status', admission: 'workflow' },
      schema: {
        tags,
        summary: '评价我的办件 / Rate a case I opened',
        description: 'As the public rating, signed in instead of the query code.',
        params: ownCaseParams,
        body: ownRatingBody,
        response: { 200: caseStatusView, ...errorResponses },
      },
    },
    async (request) =>
      rateCase({
        ...fastify.platform,
        access: { number: request.params.number, caller: callerOf(request) },
        level: request.body.level,
        comment: request.body.comment,
        requestId: request.id,
      }),
  );

  fastify.get(
    '/api/v1/service-ratings',
    {
      config: { permission: 'service-ratings.read' },
      schema: {
        tags,
        summary: '好差评统计 / Service ratings in my area',
        description:
          'Counts per level and per organization of the subtree the caller supervises, and every 差评 with its rectification (open, overdue, answered).',
        response: { 200: ratingSummaryView, ...errorResponses },
      },
    },
    async (request) => ratingSummary({ db, caller: callerOf(request) }),
  );
};

export default publicServiceRoutes;
