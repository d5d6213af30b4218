import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import {
  listServiceCentresQuery,
  saveServiceCentreBody,
  serviceCentreHistoryView,
  serviceCentreParams,
  serviceCentreView,
} from '../../schemas/service-centres';
import {
  getServiceCentre,
  listServiceCentres,
  saveServiceCentre,
  serviceCentreHistory,
} from '../../services/community-profiles/service-centres';

const tags = ['community-profiles'];

/** Township and county community service centres (issue 22, 二(三)1): one record per area and year. */
const serviceCentreRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;

  fastify.get(
    '/api/v1/service-centres',
    {
      config: { permission: 'service-centres.read' },
      schema: {
        tags,
        summary: '乡镇（街道）、县社区服务中心（本级及下级）/ Service centres in my scope',
        querystring: listServiceCentresQuery,
        response: { 200: z.array(serviceCentreView), ...errorResponses },
      },
    },
    async (request) => listServiceCentres({ db, caller: callerOf(request), ...request.query }),
  );

  fastify.get(
    '/api/v1/service-centres/:organizationId/:year',
    {
      config: { permission: 'service-centres.read' },
      schema: {
        tags,
        summary: '某地区年度社区服务中心 / An area’s service centre of a year',
        description: 'record is null when none is kept yet; mayKeep says whether the caller keeps it.',
        params: serviceCentreParams,
        response: { 200: serviceCentreView, ...errorResponses },
      },
    },
    async (request) => getServiceCentre({ db, caller: callerOf(request), ...request.params }),
  );

  fastify.get(
    '/api/v1/service-centres/:organizationId/:year/history',
    {
      config: { permission: 'service-centres.read' },
      schema: {
        tags,
        summary: '服务中心修改记录 / Who changed the service centre, when',
        params: serviceCentreParams,
        response: { 200: serviceCentreHistoryView, ...errorResponses },
      },
    },
    async (request) => serviceCentreHistory({ db, caller: callerOf(request), ...request.params }),
  );

  fastify.put(
    '/api/v1/service-centres/:organizationId/:year',
    {
      config: { permission: 'service-centres.keep' },
      schema: {
        tags,
        summary: '保存年度社区服务中心 / Save an area’s service centre of a year',
        description:
          'Only the area’s own officials: a township’s TOWNSHIP_OFFICIAL, a county’s civil-affairs reviewer. ' +
          'expectedVersion (0 for a new record) older than the stored one → 409 CONFLICT.',
        params: serviceCentreParams,
        body: saveServiceCentreBody,
        response: { 200: serviceCentreView, ...errorResponses },
      },
    },
    async (request) => {
      const { expectedVersion, ...figures } = request.body;
      return saveServiceCentre({
        db,
        caller: callerOf(request),
        input: { ...request.params, figures, expectedVersion },
        requestId: request.id,
      });
    },
  );
};

export default serviceCentreRoutes;
