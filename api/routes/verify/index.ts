import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PUBLIC_CHECK_RATE_LIMIT } from '../../plugins/external/rate-limit';
import { errorResponses } from '../../schemas/errors';
import { compareCopyBody, compareCopyResult, verifiedDocumentView, verifyCodeParams } from '../../schemas/official-documents';
import { compareCopy, verifiedDocument } from '../../services/official-documents/verify';

const publicAccess = { public: true, rateLimit: PUBLIC_CHECK_RATE_LIMIT } as const;

/** Verification of issued 公文 by the code printed under their QR code: public, rate-limited, no personal data. */
const verifyRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;
  fastify.get(
    '/api/v1/public/verify/:code',
    {
      config: publicAccess,
      schema: {
        tags: ['documents'],
        summary: '公文核验（公开）/ Verify an issued document (public)',
        description: 'Issuer, 发文字号, date and SHA-256 of the document a verification code names. No login; rate-limited.',
        params: verifyCodeParams,
        response: { 200: verifiedDocumentView, ...errorResponses },
      },
    },
    async (request) => verifiedDocument(db, request.params.code),
  );
  fastify.post(
    '/api/v1/public/verify/:code',
    {
      config: publicAccess,
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags: ['documents'],
        summary: '核对副本（公开）/ Compare a copy with the issued document (public)',
        description: 'Whether the uploaded bytes are the issued document byte for byte (SHA-256). Nothing is stored.',
        params: verifyCodeParams,
        body: compareCopyBody,
        response: { 200: compareCopyResult, 413: errorResponses[400], ...errorResponses },
      },
    },
    async (request) => compareCopy(db, request.params.code, request.body.contentBase64),
  );
};

export default verifyRoutes;
