import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isValidIsoDate } from '../../../domain/clock';
import { callerOf } from '../../plugins/app/auth';
import { errorResponses } from '../../schemas/errors';
import { declareCalendarYear, calendarStatus } from '../../services/calendar/calendar-admin';

const isoDate = z.string().refine(isValidIsoDate, { message: 'YYYY-MM-DD' });

const calendarRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { db } = fastify.platform;
  fastify.get(
    '/api/v1/calendar',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['calendar'],
        summary: '节假日日历状态 / Holiday calendar status',
        response: {
          200: z.object({
            packagedYears: z.array(z.number().int()),
            declaredYears: z.array(z.number().int()),
            overrides: z.array(z.object({ date: z.string(), workday: z.boolean(), name: z.string().nullable() })),
          }),
          ...errorResponses,
        },
      },
    },
    async () => calendarStatus(db),
  );
  fastify.put(
    '/api/v1/calendar/years/:year',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: '声明某年的节假日与调休 / Declare a year’s holidays and swapped working days',
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: z
          .object({
            holidays: z.array(z.object({ date: isoDate, name: z.string().max(50).optional() })).max(60),
            workdays: z.array(z.object({ date: isoDate, name: z.string().max(50).optional() })).max(30),
          })
          .strict()
          .meta({
            examples: [{ holidays: [{ date: '2027-10-01', name: '国庆节' }], workdays: [{ date: '2027-09-26', name: '调休' }] }],
          }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await declareCalendarYear({
        db,
        caller: callerOf(request),
        year: request.params.year,
        input: request.body,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );
};

export default calendarRoutes;
