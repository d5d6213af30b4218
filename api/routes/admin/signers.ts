import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import { setSignerBody, signerParams, signerView } from '../../schemas/official-documents';
import { readSigner, setSigner } from '../../services/official-documents/signers';

/** An issuing organization's seal and signing certificate (administrators, their own subtree). */
const signerRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;
  fastify.get(
    '/api/v1/admin/organizations/:organizationId/signer',
    {
      config: { permission: 'organizations.manage' },
      schema: {
        tags: ['admin'],
        summary: '查看电子印章与签名证书 / Read an organization’s seal and signing certificate',
        params: signerParams,
        response: { 200: signerView, ...errorResponses },
      },
    },
    async (request) => readSigner({ db, caller: callerOf(request), organizationId: request.params.organizationId }),
  );
  fastify.put(
    '/api/v1/admin/organizations/:organizationId/signer',
    {
      config: { permission: 'organizations.manage' },
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['admin'],
        summary: '上传电子印章与签名证书 / Upload an organization’s seal and signing certificate',
        description: 'PKCS#12 (one key and its certificate, valid today) with its passphrase, and a seal image (PNG).',
        params: signerParams,
        body: setSignerBody,
        response: { 200: signerView, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
      },
    },
    async (request) =>
      setSigner({
        db,
        caller: callerOf(request),
        organizationId: request.params.organizationId,
        ...request.body,
        requestId: request.id,
      }),
  );
};

export default signerRoutes;
