import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import authPlugin from './plugins/app/auth';
import errorHandler from './plugins/app/error-handler';
import platformPlugin, { type Platform } from './plugins/app/platform';
import zodValidation from './plugins/app/zod-validation';
import cookiePlugin from './plugins/external/cookie';
import rateLimits from './plugins/external/rate-limit';
import securityHeaders from './plugins/external/security-headers';
import metrics from './plugins/app/metrics';
import admission from './plugins/app/admission';
import openapi from './plugins/external/swagger';
import webApp from './plugins/external/web-app';
import adminRoutes from './routes/admin';
import signerRoutes from './routes/admin/signers';
import webhookRoutes from './routes/webhooks';
import authRoutes from './routes/auth';
import calendarRoutes from './routes/calendar';
import communityProfileRoutes from './routes/community-profiles';
import caseRoutes from './routes/cases';
import documentRoutes from './routes/documents';
import electionRoutes from './routes/election';
import notificationRoutes from './routes/notifications';
import savedFilterRoutes from './routes/saved-filters';
import healthRoutes from './routes/health';
import meRoutes from './routes/me';
import organizationRoutes from './routes/organizations';
import ownersMeetingRoutes from './routes/owners-meeting';
import serviceAdmissionRoutes from './routes/service-admission';
import smokeCaseRoutes from './routes/smoke-cases';
import taskRoutes from './routes/tasks';
import taskCountRoutes from './routes/task-counts';
import taskFlowRoutes from './routes/task-flow';
import officeRoutes from './routes/oa';
import userRoutes from './routes/users';
import villageConversionRoutes from './routes/village-conversion';
import villageConversionProcedureRoutes from './routes/village-conversion/procedure';
import verifyRoutes from './routes/verify';
import publicServiceRoutes from './routes/public';

export type AppOptions = Platform;

/** The whole API as one plugin: testable with `app.inject`, listened on by api/server.ts. */
async function app(fastify: FastifyInstance, options: AppOptions): Promise<void> {
  const api = fastify.withTypeProvider<ZodTypeProvider>();
  await api.register(platformPlugin, options);
  await api.register(errorHandler);
  await api.register(securityHeaders);
  await api.register(metrics);
  // Before the session is read: a request shed for load has touched nothing.
  await api.register(admission);
  await api.register(zodValidation);
  await api.register(cookiePlugin);
  await api.register(rateLimits);
  await api.register(authPlugin);
  await api.register(openapi);

  await api.register(healthRoutes);
  await api.register(authRoutes);
  await api.register(meRoutes);
  await api.register(organizationRoutes);
  await api.register(userRoutes);
  await api.register(adminRoutes);
  await api.register(signerRoutes);
  await api.register(webhookRoutes);
  await api.register(taskRoutes);
  await api.register(taskCountRoutes);
  await api.register(taskFlowRoutes);
  await api.register(officeRoutes);
  await api.register(savedFilterRoutes);
  await api.register(caseRoutes);
  await api.register(documentRoutes);
  await api.register(notificationRoutes);
  await api.register(communityProfileRoutes);
  await api.register(calendarRoutes);
  await api.register(villageConversionRoutes);
  await api.register(villageConversionProcedureRoutes);
  await api.register(publicServiceRoutes);
  await api.register(ownersMeetingRoutes);
  await api.register(serviceAdmissionRoutes);
  await api.register(electionRoutes);
  await api.register(smokeCaseRoutes);
  await api.register(verifyRoutes);

  await api.register(webApp);
}

/** Not encapsulated, so the root instance sees what the app declares (e.g. `routeCatalog`). */
export default fp(app, { name: 'community-governance-app' });
