import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eligibilityCheckInput, resultCheckInput, timelineCheckInput } from '../../../domain/rules/election-checks';
import { PUBLIC_CHECK_RATE_LIMIT } from '../../plugins/external/rate-limit';
import { eligibilityCheckResponse, languageQuery, resultCheckResponse, timelineCheckResponse } from '../../schemas/election';
import { errorResponses } from '../../schemas/errors';
import { eligibilityCheck, resultCheck, timelineCheck } from '../../services/election/checks';

const publicCheck = { public: true, rateLimit: PUBLIC_CHECK_RATE_LIMIT } as const;

/** The three public election checks: no login, rate-limited, bad input → 400 with field errors. */
const electionCheckRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.post(
    '/api/v1/elections/eligibility-check',
    {
      config: publicCheck,
      schema: {
        tags: ['elections'],
        summary: '选民资格自查（公开）/ Voter eligibility check (public)',
        description:
          'EL-AGE, EL-RIGHTS, EL-HOME, EL-RESIDENCE (1 full year by election day), EL-SELF, EL-SINGLE. Dates YYYY-MM-DD.',
        querystring: languageQuery,
        body: eligibilityCheckInput.meta({
          examples: [
            {
              electionDate: '2027-03-20',
              birthDate: '1990-05-01',
              residenceSince: '2025-03-20',
              hasLegalFixedResidence: true,
              politicalRightsDeprived: false,
              appliedInPerson: true,
              registeredElsewhere: false,
            },
          ],
        }),
        response: { 200: eligibilityCheckResponse, ...errorResponses },
      },
    },
    async (request) => eligibilityCheck(request.body, request.query.lang),
  );

  fastify.post(
    '/api/v1/elections/result-check',
    {
      config: publicCheck,
      schema: {
        tags: ['elections'],
        summary: '选举结果核验（公开）/ Election result check (public)',
        description:
          'EL-TURNOUT, EL-CANDIDATES and EL-WIN (round "first") or EL-RUNOFF (round "runoff"). A tie for the last seat is reported, not decided.',
        querystring: languageQuery,
        body: resultCheckInput.meta({
          examples: [
            {
              registeredVoters: 1000,
              votesCast: 700,
              seats: 2,
              round: 'first',
              candidates: [
                { name: '张三', votes: 400 },
                { name: '李四', votes: 380 },
                { name: '王五', votes: 300 },
              ],
            },
          ],
        }),
        response: { 200: resultCheckResponse, ...errorResponses },
      },
    },
    async (request) => resultCheck(request.body, request.query.lang),
  );

  fastify.post(
    '/api/v1/elections/timeline-check',
    {
      config: publicCheck,
      schema: {
        tags: ['elections'],
        summary: '选举日程核验（公开）/ Election timeline check (public)',
        description:
          'EL-LIST (20 days before election day), EL-OBJECT (5 days from publication), EL-ANSWER (3 days from the objection), with the last allowed dates on the holiday calendar.',
        querystring: languageQuery,
        body: timelineCheckInput.meta({
          examples: [
            {
              electionDate: '2027-03-20',
              listPublishedDate: '2027-02-28',
              objectionDate: '2027-03-02',
              answerDate: '2027-03-04',
            },
          ],
        }),
        response: { 200: timelineCheckResponse, ...errorResponses },
      },
    },
    async (request) => timelineCheck({ db: fastify.platform.db, input: request.body, language: request.query.lang }),
  );
};

export default electionCheckRoutes;
