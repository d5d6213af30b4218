import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerOwnersMeetingBody, voteCheckInput } from '../../../domain/forms/owners-meeting';
import { callerOf } from '../../plugins/app/auth';
import { PUBLIC_CHECK_RATE_LIMIT } from '../../plugins/external/rate-limit';
import { idempotencyHeaders, idempotencyOf } from '../../schemas/idempotency';
import { errorResponses } from '../../schemas/errors';
import {
  ownersMeetingList,
  ownersMeetingListQuery,
  ownersMeetingRegistered,
  ownersMeetingView,
  VOTE_CHECK_EXAMPLE,
  voteCheckResponse,
} from '../../schemas/owners-meeting';
import { findOwnersMeeting, listOwnersMeetings } from '../../services/owners-meeting/meeting-views';
import { registerOwnersMeeting } from '../../services/owners-meeting/register-meeting';
import { voteCheck } from '../../services/owners-meeting/vote-check';

const TAGS = ['owners-meeting'];

/** Owners' assembly and owners' committee meetings (domain §4): public vote check, registration, supervision. */
const ownersMeetingRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;

  fastify.post(
    '/api/v1/owners-meetings/vote-check',
    {
      config: { public: true, rateLimit: PUBLIC_CHECK_RATE_LIMIT },
      schema: {
        tags: TAGS,
        summary: '业主大会、业主委员会表决自查（公开）/ Owners’ meeting vote check (public)',
        description:
          'Evaluates OM-NOTICE (assembly), OM-INFORM (when residentsCommitteeInformedDate is given), OM-TURNOUT with OM-SPECIAL / OM-ORDINARY (assembly) or OM-COMMITTEE (committee meeting: `ownersFor` counts members in favour). Areas: m² with at most two decimals, compared exactly. An item passes only with the quorum. No login; rate-limited.',
        querystring: z.object({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict(),
        body: voteCheckInput.meta({
          examples: [VOTE_CHECK_EXAMPLE],
        }),
        response: { 200: voteCheckResponse, ...errorResponses },
      },
    },
    async (request) => voteCheck(request.body, request.query.lang),
  );

  fastify.post(
    '/api/v1/owners-meetings',
    {
      config: { permission: 'owners-meetings.register', admission: 'workflow' },
      schema: {
        headers: idempotencyHeaders,
        tags: TAGS,
        summary: '登记业主大会或业主委员会会议并告知居委会 / Register a meeting and inform the residents’ committee',
        description:
          "For the caller's own owners' committee. A late notice (OM-NOTICE, OM-INFORM) is refused with 422 RULE_FAILED, the rules and `details.earliestMeetingDate`. Otherwise the residents' committee is informed at once and asked for its opinion by the deadline (OM-OPINION).",
        body: registerOwnersMeetingBody.meta({
          examples: [
            {
              meetingType: 'assembly',
              kind: 'regular',
              meetingDate: '2026-12-20',
              place: '阳光花园社区活动中心',
              noticeDate: '2026-12-01',
              items: [
                { title: '续聘物业服务企业', matter: 'ordinary' },
                { title: '筹集专项维修资金', matter: 'special' },
              ],
            },
          ],
        }),
        response: { 201: ownersMeetingRegistered, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { queryCode, ...row } = await registerOwnersMeeting({
        ...fastify.platform,
        caller,
        body: request.body,
        requestId: request.id,
        idempotency: idempotencyOf(request),
      });
      return reply.status(201).send({ ...(await findOwnersMeeting({ db, caller, caseId: row.id })), queryCode });
    },
  );

  fastify.get(
    '/api/v1/owners-meetings',
    {
      config: { permission: 'owners-meetings.read' },
      schema: {
        tags: TAGS,
        summary: '辖区内业主大会、业主委员会会议 / Owners’ meetings in my area',
        description:
          "Meetings in the caller's subtree (newest first) with notice, the residents' committee's opinion (given, pending, none by the deadline) and outcome, plus registrations refused for a late notice.",
        querystring: ownersMeetingListQuery,
        response: { 200: ownersMeetingList, ...errorResponses },
      },
    },
    async (request) => listOwnersMeetings({ db, caller: callerOf(request), query: request.query }),
  );

  fastify.get(
    '/api/v1/owners-meetings/:caseId',
    {
      config: { permission: 'owners-meetings.read' },
      schema: {
        tags: TAGS,
        summary: '会议详情 / One owners’ meeting',
        params: z.object({ caseId: z.string().uuid() }),
        response: { 200: ownersMeetingView, ...errorResponses },
      },
    },
    async (request) => findOwnersMeeting({ db, caller: callerOf(request), caseId: request.params.caseId }),
  );
};

export default ownersMeetingRoutes;
