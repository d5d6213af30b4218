import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { objectionBody, voterEntryBody } from '../../../domain/forms/election';
import { callerOf } from '../../plugins/app/auth';
import { PUBLIC_CHECK_RATE_LIMIT } from '../../plugins/external/rate-limit';
import { objectionFiled, objectionView, publicNoticeView, voterImportResult, voterPage, voterView } from '../../schemas/election';
import { errorResponses } from '../../schemas/errors';
import { fileResponse, uploadContentBase64, uploadFilename } from '../../schemas/files';
import { idempotencyHeaders, idempotencyOf } from '../../schemas/idempotency';
import { listObjections, recordObjection } from '../../services/election/objections';
import { publicNotice, publicNoticePdf } from '../../services/election/public-notice';
import { addVoter, importVoterList, listVoters, removeVoter } from '../../services/election/voter-list';

const params = z.object({ electionId: z.string().uuid() });
const manage = { permission: 'elections.voters.manage' } as const;

/** The voter list: import, add, remove during registration; the published notice; objections and answers. */
const electionVoterRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;

  fastify.get(
    '/api/v1/elections/:electionId/voters',
    {
      config: { permission: 'elections.voters.read' },
      schema: {
        tags: ['elections'],
        summary: '选民名单（身份证号码脱敏）/ Voter list (ID numbers masked)',
        params,
        querystring: z
          .object({
            q: z.string().trim().max(50).optional(),
            includeRemoved: z.stringbool().default(false),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            offset: z.coerce.number().int().min(0).default(0),
          })
          .strict(),
        response: { 200: voterPage, ...errorResponses },
      },
    },
    async (request) => listVoters({ db, caller: callerOf(request), electionId: request.params.electionId, query: request.query }),
  );

  fastify.post(
    '/api/v1/elections/:electionId/voters',
    {
      config: manage,
      schema: {
        tags: ['elections'],
        summary: '增加选民（登记期间）/ Add a voter (registration)',
        params,
        body: voterEntryBody.meta({
          examples: [
            { name: '李明', idNumber: '11010519491231002X', address: '幸福社区 1 号楼', residentsGroup: '第一居民小组' },
          ],
        }),
        response: { 201: voterView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await addVoter({
          db,
          caller: callerOf(request),
          electionId: request.params.electionId,
          input: request.body,
          requestId: request.id,
        }),
      ),
  );

  fastify.post(
    '/api/v1/elections/:electionId/voters/import',
    {
      bodyLimit: 15 * 1024 * 1024,
      config: manage,
      schema: {
        tags: ['elections'],
        summary: '从 Excel/CSV 导入选民（登记期间）/ Import voters from Excel or CSV (registration)',
        description:
          'Columns name/姓名, idNumber/身份证号码 (as text), address/住址, residentsGroup/居民小组. All rows or none: any error → 400 with details.rowErrors. ' +
          'With an Idempotency-Key, a resend of the same upload answers the first import and imports nothing more.',
        params,
        headers: idempotencyHeaders,
        body: z
          .object({
            filename: uploadFilename.regex(/\.(xlsx|csv)$/i),
            contentBase64: uploadContentBase64,
          })
          .strict()
          .meta({
            examples: [
              { filename: 'voters.csv', contentBase64: Buffer.from('name,idNumber,address,residentsGroup\n').toString('base64') },
            ],
          }),
        response: { 200: voterImportResult, ...errorResponses },
      },
    },
    async (request) =>
      importVoterList({
        db,
        caller: callerOf(request),
        electionId: request.params.electionId,
        input: request.body,
        requestId: request.id,
        idempotency: idempotencyOf(request),
      }),
  );

  fastify.post(
    '/api/v1/elections/:electionId/voters/:entryId/remove',
    {
      config: manage,
      schema: {
        tags: ['elections'],
        summary: '移出选民（登记期间）/ Remove a voter (registration)',
        params: params.extend({ entryId: z.string().uuid() }),
        body: z
          .object({ reason: z.string().trim().min(2).max(500) })
          .strict()
          .meta({ examples: [{ reason: '已迁出本社区' }] }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      await removeVoter({
        db,
        caller: callerOf(request),
        electionId: request.params.electionId,
        entryId: request.params.entryId,
        reason: request.body.reason,
        requestId: request.id,
      });
      return { ok: true as const };
    },
  );

  fastify.get(
    '/api/v1/elections/:electionId/objections',
    {
      config: { permission: 'elections.voters.read' },
      schema: {
        tags: ['elections'],
        summary: '名单异议及处理 / Objections and answers',
        params,
        response: { 200: z.array(objectionView), ...errorResponses },
      },
    },
    async (request) => listObjections({ db, caller: callerOf(request), electionId: request.params.electionId }),
  );

  fastify.post(
    '/api/v1/elections/:electionId/objections',
    {
      config: { ...manage, admission: 'workflow' },
      schema: {
        tags: ['elections'],
        summary: '登记对选民名单的异议（EL-OBJECT）/ Record an objection to the list',
        description:
          'Accepted inside the 5-day window only (else 422 RULE_FAILED with EL-OBJECT); opens the answer task (kind election.objection-answer, EL-ANSWER: 3 days). ' +
          'With an Idempotency-Key, a resend answers the objection the first send recorded.',
        params,
        headers: idempotencyHeaders,
        body: objectionBody.meta({
          examples: [
            {
              kind: 'omission',
              objectorName: '赵六',
              grounds: '本人户籍在本社区，名单遗漏',
              person: { name: '赵六', idNumber: '11010519491231002X' },
            },
          ],
        }),
        response: { 201: objectionFiled, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await recordObjection({
          ...fastify.platform,
          caller: callerOf(request),
          electionId: request.params.electionId,
          body: request.body,
          requestId: request.id,
          idempotency: idempotencyOf(request),
        }),
      ),
  );

  fastify.get(
    '/api/v1/elections/:electionId/notice',
    {
      config: { public: true, rateLimit: PUBLIC_CHECK_RATE_LIMIT },
      schema: {
        tags: ['elections'],
        summary: '选民名单公告（公开）/ Published voter list and answers (public)',
        params,
        response: { 200: publicNoticeView, ...errorResponses },
      },
    },
    async (request) => publicNotice(db, request.params.electionId),
  );

  fastify.get(
    '/api/v1/elections/:electionId/notice.pdf',
    {
      config: { public: true, rateLimit: PUBLIC_CHECK_RATE_LIMIT },
      schema: {
        tags: ['elections'],
        summary: '选民名单公告（PDF，可打印）/ Printable notice (PDF, public)',
        params,
        response: { 200: fileResponse('PDF', ['application/pdf']), ...errorResponses },
      },
    },
    async (request, reply) => {
      const pdf = await publicNoticePdf(db, request.params.electionId);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent('选民名单公告.pdf')}`)
        .send(pdf);
    },
  );
};

export default electionVoterRoutes;
