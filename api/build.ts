import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import app, { type AppOptions } from './app';
import { settings } from '../runtime/config';

/** Fastify instance options shared by the server and tests: request ids, body limit, proxy trust. */
export function serverOptions(logger: FastifyServerOptions['logger']): FastifyServerOptions {
  return {
    logger,
    genReqId: () => randomUUID(),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: 1024 * 1024,
    trustProxy: settings.trustProxy(),
    routerOptions: { ignoreTrailingSlash: true },
    // Registering the app loads every route module; on a busy host (several processes starting at once on 2 cores)
    // that took longer than Fastify's 10 s default and the API refused to start.
    pluginTimeout: 60_000,
  };
}

export async function buildApi(options: AppOptions, logger: FastifyServerOptions['logger'] = false) {
  const fastify = Fastify(serverOptions(logger));
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await fastify.register(app, options);
  return fastify;
}
