import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../domain/errors';
import { repoRoot } from '../../../runtime/paths';
import { settings } from '../../../runtime/config';

/** The built web app; WEB_DIST_DIR points elsewhere (tests that build their own copy). */
export const webDistDir = settings.webDistDir() ?? path.join(repoRoot, 'web', 'dist');

/**
 * Serves the built web app (web/dist). Unknown non-API GET paths get index.html so client-side routes work;
 * API paths keep their JSON 404.
 */
export default fp(
  async function webApp(fastify: FastifyInstance) {
    const built = fs.existsSync(path.join(webDistDir, 'index.html'));
    if (built) await fastify.register(fastifyStatic, { root: webDistDir, wildcard: false, index: 'index.html' });
    else fastify.log.warn(`web app not built (${webDistDir}); run npm run build:web`);
    fastify.setNotFoundHandler((request, reply) => {
      const isPage =
        built && request.method === 'GET' && !request.url.startsWith('/api/') && !!request.headers.accept?.includes('text/html');
      if (isPage) return reply.type('text/html').sendFile('index.html');
      throw new AppError('ROUTE_NOT_FOUND');
    });
  },
  { name: 'web-app', dependencies: ['error-handler'] },
);
