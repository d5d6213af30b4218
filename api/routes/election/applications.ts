import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrantApplicationBody, migrantEvidenceBody } from '../../../domain/forms/election';
import { callerOf } from '../../plugins/app/auth';
import { applicationListItem, applicationSubmitted, applicationView } from '../../schemas/election';
import { errorResponses } from '../../schemas/errors';
import { applicationStatus, listApplications, submitApplication, supplyEvidence } from '../../services/election/applications';

const numberParams = z.object({ number: z.string().regex(/^MIG-\d{4}-\d{6}$/) });
const evidenceExample = { filename: '租赁合同.pdf', mimeType: 'application/pdf', contentBase64: 'JVBERi0xLjQKJcfsj6IK' };

/** Migrant applications: the applicant's self-service form and status page; the committee's lists. */
const electionApplicationRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;

  fastify.post(
    '/api/v1/elections/:electionId/applications',
    {
      bodyLimit: 60 * 1024 * 1024,
      config: { permission: 'elections.apply', admission: 'workflow' },
      schema: {
        tags: ['elections'],
        summary: '流动人口本人申请参加选举 / A migrant applies to vote (self-service)',
        description:
          'Signed in with the applicant’s own account of the community (EL-SELF). Resident ID number (GB 11643) whose birth date must match; evidence files optional. The pre-check (EL-AGE, EL-RIGHTS, EL-HOME, EL-RESIDENCE, EL-SELF, EL-SINGLE by ID number) is in the answer.',
        params: z.object({ electionId: z.string().uuid() }),
        body: migrantApplicationBody.meta({
          examples: [
            {
              name: '王小梅',
              idNumber: '11010519491231002X',
              birthDate: '1949-12-31',
              address: '幸福社区 3 号楼 2 单元 101 室',
              residenceSince: '2024-06-01',
              hasLegalFixedResidence: true,
              residenceEvidence: '房屋租赁合同（已备案）、居住证',
              politicalRightsDeprived: false,
              registeredElsewhere: false,
              declarationTrue: true,
              documents: [evidenceExample],
            },
          ],
        }),
        response: { 201: applicationSubmitted, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await submitApplication({
        ...fastify.platform,
        caller: callerOf(request),
        electionId: request.params.electionId,
        body: request.body,
        requestId: request.id,
        log: (line) => request.log.warn(line),
      });
      return reply.status(201).send(view);
    },
  );

  fastify.get(
    '/api/v1/elections/applications',
    {
      config: { permission: 'elections.applications.read' },
      schema: {
        tags: ['elections'],
        summary: '流动人口申请列表 / Migrant applications (own, or of elections in scope)',
        querystring: z
          .object({
            electionId: z.string().uuid().optional(),
            status: z.enum(['UNDER_REVIEW', 'EVIDENCE_REQUESTED', 'APPROVED', 'REFUSED']).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          })
          .strict(),
        response: { 200: z.array(applicationListItem), ...errorResponses },
      },
    },
    async (request) => listApplications({ db, caller: callerOf(request), filter: request.query }),
  );

  fastify.get(
    '/api/v1/elections/applications/:number',
    {
      config: { permission: 'elections.applications.read' },
      schema: {
        tags: ['elections'],
        summary: '按申请编号查询进度和理由 / Application status and reasons by number',
        params: numberParams,
        response: { 200: applicationView, ...errorResponses },
      },
    },
    async (request) => applicationStatus({ db, caller: callerOf(request), number: request.params.number }),
  );

  fastify.post(
    '/api/v1/elections/applications/:number/evidence',
    {
      bodyLimit: 60 * 1024 * 1024,
      config: { permission: 'elections.apply', admission: 'workflow' },
      schema: {
        tags: ['elections'],
        summary: '补充材料 / Supply the evidence asked for',
        params: numberParams,
        body: migrantEvidenceBody.meta({
          examples: [
            {
              address: '幸福社区 3 号楼 2 单元 101 室',
              residenceSince: '2024-06-01',
              hasLegalFixedResidence: true,
              residenceEvidence: '不动产权证书',
              politicalRightsDeprived: false,
              registeredElsewhere: false,
              documents: [evidenceExample],
            },
          ],
        }),
        response: { 200: applicationView, ...errorResponses },
      },
    },
    async (request) =>
      supplyEvidence({
        ...fastify.platform,
        caller: callerOf(request),
        number: request.params.number,
        body: request.body,
        requestId: request.id,
      }),
  );
};

export default electionApplicationRoutes;
