import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import { fileResponse } from '../../schemas/files';
import {
  communityIndicatorsView,
  communityProfileView,
  confirmProfileBody,
  importProfilesBody,
  importProfilesResult,
  indicatorsQuery,
  listProfilesQuery,
  profileHistoryView,
  profileParams,
  saveProfileBody,
} from '../../schemas/community-profiles';
import { exportProfiles, importProfiles, profileTemplate } from '../../services/community-profiles/excel';
import { indicatorsReport } from '../../services/community-profiles/indicators-pdf';
import { indicatorsWorkbook } from '../../services/community-profiles/indicators-excel';
import { communityIndicators } from '../../services/community-profiles/indicators';
import {
  confirmProfile,
  getProfile,
  listProfiles,
  profileHistory,
  saveProfile,
} from '../../services/community-profiles/profiles';
import serviceCentreRoutes from './service-centres';

const tags = ['community-profiles'];
const XLSX = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;
const attachment = (filename: string) => `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** Community profiles (issue 22) and the dashboard of the source policy's targets computed from them. */
const communityProfileRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;
  await fastify.register(serviceCentreRoutes);

  fastify.get(
    '/api/v1/community-profiles',
    {
      config: { permission: 'community-profiles.read' },
      schema: {
        tags,
        summary: '社区概况列表（本级及下级）/ Community profiles in my scope',
        querystring: listProfilesQuery,
        response: { 200: z.array(communityProfileView), ...errorResponses },
      },
    },
    async (request) => listProfiles({ db, caller: callerOf(request), filter: request.query }),
  );

  fastify.get(
    '/api/v1/community-profiles/template.xlsx',
    {
      config: { permission: 'community-profiles.read' },
      schema: {
        tags,
        summary: '社区概况导入模板 / Import template (Excel)',
        response: { 200: fileResponse('XLSX workbook', XLSX), ...errorResponses },
      },
    },
    async (_request, reply) => {
      const file = await profileTemplate();
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachment(file.filename))
        .send(file.bytes);
    },
  );

  fastify.get(
    '/api/v1/community-profiles/export.xlsx',
    {
      config: { permission: 'community-profiles.read' },
      schema: {
        tags,
        summary: '导出社区概况 / Export profiles in my scope (Excel, the import layout)',
        querystring: z.object({ year: listProfilesQuery.shape.year }).strict(),
        response: { 200: fileResponse('XLSX workbook', XLSX), ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await exportProfiles({ db, caller: callerOf(request), year: request.query.year });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachment(file.filename))
        .send(file.bytes);
    },
  );

  fastify.post(
    '/api/v1/community-profiles/import',
    {
      bodyLimit: 15 * 1024 * 1024,
      config: { permission: 'community-profiles.keep' },
      schema: {
        tags,
        summary: '从 Excel 导入社区概况 / Import profiles from Excel',
        description:
          'The template’s three sheets (profiles, members, estates), joined by community code and year. All rows or none: ' +
          'any error → 400 with details.rowErrors (sheet, row, column, field, message in Chinese and English).',
        body: importProfilesBody,
        response: { 200: importProfilesResult, ...errorResponses },
      },
    },
    async (request) => importProfiles({ db, caller: callerOf(request), input: request.body, requestId: request.id }),
  );

  fastify.get(
    '/api/v1/community-profiles/:communityOrgId/:year',
    {
      config: { permission: 'community-profiles.read' },
      schema: {
        tags,
        summary: '社区年度概况 / A community’s profile of a year',
        params: profileParams,
        response: { 200: communityProfileView, ...errorResponses },
      },
    },
    async (request) => getProfile({ db, caller: callerOf(request), ...request.params }),
  );

  fastify.get(
    '/api/v1/community-profiles/:communityOrgId/:year/history',
    {
      config: { permission: 'community-profiles.read' },
      schema: {
        tags,
        summary: '概况修改记录 / Who changed the profile, when (from the audit trail)',
        params: profileParams,
        response: { 200: profileHistoryView, ...errorResponses },
      },
    },
    async (request) => profileHistory({ db, caller: callerOf(request), ...request.params }),
  );

  fastify.put(
    '/api/v1/community-profiles/:communityOrgId/:year',
    {
      config: { permission: 'community-profiles.keep' },
      schema: {
        tags,
        summary: '保存社区年度概况 / Save a community’s profile of a year',
        description:
          'Only the community’s own residents’ committee. A change sends the profile back to DRAFT (to be confirmed again).',
        params: profileParams,
        body: saveProfileBody,
        response: { 200: communityProfileView, ...errorResponses },
      },
    },
    async (request) => {
      const { expectedVersion, ...figures } = request.body;
      return saveProfile({
        db,
        caller: callerOf(request),
        input: { ...request.params, figures, expectedVersion },
        requestId: request.id,
      });
    },
  );

  fastify.post(
    '/api/v1/community-profiles/:communityOrgId/:year/confirm',
    {
      config: { permission: 'community-profiles.confirm' },
      schema: {
        tags,
        summary: '乡镇（街道）确认概况 / The township confirms the profile',
        params: profileParams,
        body: confirmProfileBody,
        response: { 200: communityProfileView, ...errorResponses },
      },
    },
    async (request) =>
      confirmProfile({ db, caller: callerOf(request), input: { ...request.params, ...request.body }, requestId: request.id }),
  );

  fastify.get(
    '/api/v1/community-indicators',
    {
      config: { permission: 'community-indicators.read' },
      schema: {
        tags,
        summary: '社区建设目标看板 / Dashboard of the source policy’s targets',
        description:
          'Every CT-* rule per community from its profile of the year, aggregated over the area and each area below it, the trend over five years, and the election figures.',
        querystring: indicatorsQuery,
        response: { 200: communityIndicatorsView, ...errorResponses },
      },
    },
    async (request) => communityIndicators({ db, caller: callerOf(request), ...request.query }),
  );

  fastify.get(
    '/api/v1/community-indicators/export.xlsx',
    {
      config: { permission: 'community-indicators.read' },
      schema: {
        tags,
        summary: '导出目标看板 / Dashboard as Excel',
        querystring: indicatorsQuery,
        response: { 200: fileResponse('XLSX workbook', XLSX), ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await indicatorsWorkbook(await communityIndicators({ db, caller: callerOf(request), ...request.query }));
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachment(file.filename))
        .send(file.bytes);
    },
  );

  fastify.get(
    '/api/v1/community-indicators/report.pdf',
    {
      config: { permission: 'community-indicators.read' },
      schema: {
        tags,
        summary: '目标情况报告（可打印 PDF）/ Printable report of the dashboard (PDF)',
        querystring: indicatorsQuery,
        response: { 200: fileResponse('PDF report', ['application/pdf']), ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await indicatorsReport(await communityIndicators({ db, caller: callerOf(request), ...request.query }));
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(file.bytes);
    },
  );
};

export default communityProfileRoutes;
