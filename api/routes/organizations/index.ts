import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORG_KINDS } from '../../../domain/organizations';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import {
  createOrganizationBody,
  importOrganizationsBody,
  importResult,
  organizationView,
  updateOrganizationBody,
} from '../../schemas/organizations';
import { importOrganizations } from '../../services/organizations/import-organizations';
import {
  addOrganization,
  findOrganizationInScope,
  listOrganizations,
  updateOrganization,
} from '../../services/organizations/manage-organizations';

const params = z.object({ organizationId: z.string().uuid() });
const view = ({ id, code, name, nameEn, kind, parentId }: z.infer<typeof organizationView>) => ({
  id,
  code,
  name,
  nameEn,
  kind,
  parentId,
});

const organizationRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;

  fastify.get(
    '/api/v1/organizations',
    {
      config: { permission: 'organizations.read' },
      schema: {
        tags: ['organizations'],
        summary: '组织列表（本级及下级）/ Organizations in my scope',
        querystring: z.object({ kind: z.enum(ORG_KINDS).optional(), q: z.string().trim().max(100).optional() }).strict(),
        response: { 200: z.array(organizationView), ...errorResponses },
      },
    },
    async (request) => (await listOrganizations({ db, caller: callerOf(request), filter: request.query })).map(view),
  );

  fastify.get(
    '/api/v1/organizations/:organizationId',
    {
      config: { permission: 'organizations.read' },
      schema: {
        tags: ['organizations'],
        summary: '组织 / Organization',
        params,
        response: { 200: organizationView, ...errorResponses },
      },
    },
    async (request) =>
      view(await findOrganizationInScope({ db, caller: callerOf(request), organizationId: request.params.organizationId })),
  );

  fastify.post(
    '/api/v1/organizations',
    {
      config: { permission: 'organizations.manage' },
      schema: {
        tags: ['organizations'],
        summary: '新建组织 / Create an organization',
        body: createOrganizationBody,
        response: { 201: organizationView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(view(await addOrganization({ db, caller: callerOf(request), input: request.body, requestId: request.id }))),
  );

  fastify.patch(
    '/api/v1/organizations/:organizationId',
    {
      config: { permission: 'organizations.manage' },
      schema: {
        tags: ['organizations'],
        summary: '修改组织 / Update an organization',
        params,
        body: updateOrganizationBody,
        response: { 200: organizationView, ...errorResponses },
      },
    },
    async (request) =>
      view(
        await updateOrganization({
          db,
          caller: callerOf(request),
          organizationId: request.params.organizationId,
          input: request.body,
          requestId: request.id,
        }),
      ),
  );

  fastify.post(
    '/api/v1/organizations/import',
    {
      bodyLimit: 15 * 1024 * 1024,
      config: { permission: 'organizations.manage' },
      schema: {
        tags: ['organizations'],
        summary: '从 Excel/CSV 导入组织 / Import organizations from Excel or CSV',
        description: 'Columns: code, name, nameEn, kind, parentCode. All rows or none: any error → 400 with details.rowErrors.',
        body: importOrganizationsBody,
        response: { 200: importResult, ...errorResponses },
      },
    },
    async (request) => importOrganizations({ db, caller: callerOf(request), input: request.body, requestId: request.id }),
  );
};

export default organizationRoutes;
