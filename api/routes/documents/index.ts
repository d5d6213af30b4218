import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import { fileResponse } from '../../schemas/files';
import { DOCUMENT_MIME_TYPES } from '../../../domain/documents';
import { readDocument } from '../../services/cases/case-record';

const documentRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/api/v1/documents/:documentId/content',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['cases'],
        summary: '下载材料 / Download a document',
        params: z.object({ documentId: z.string().uuid() }),
        response: { 200: fileResponse('The file bytes', DOCUMENT_MIME_TYPES), ...errorResponses },
      },
    },
    async (request, reply) => {
      const doc = await readDocument({
        db: fastify.platform.db,
        caller: callerOf(request),
        documentId: request.params.documentId,
      });
      return reply
        .header('content-type', doc.mimeType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(doc.bytes);
    },
  );
};

export default documentRoutes;
