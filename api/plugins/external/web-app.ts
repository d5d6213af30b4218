import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../domain/errors';
import { repoRoot } from '../../../runtime/paths';
import { settings } from '../../../runtime/config';

/** The built web app; WEB_DIST_DIR points elsewhere (tests that build their own copy). */
export const webDistDir = settings.webDistDir() ?? path.join(repoRoot, 'web', 'dist');

/** Vite names every file under assets/ by a hash of its content: a changed file is a new URL. */
const HASHED_ASSETS = `${path.sep}assets${path.sep}`;

/**
 * Cache-Control of a file of the web app: a year (immutable) for the hashed assets, and for everything else
 * (index.html, which names the current assets) no-cache: the browser revalidates it on every load (ETag).
 * Vary: the same URL is sent brotli, gzip or plain, by the request's Accept-Encoding.
 */
export function setWebAppHeaders(res: SetHeadersResponse, filePath: string): void {
  res.setHeader('cache-control', filePath.includes(HASHED_ASSETS) ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.setHeader('vary', 'accept-encoding');
}

/**
 * Serves the built web app (web/dist). Unknown non-API GET paths get index.html so client-side routes work;
 * API paths keep their JSON 404. The build writes each text file also brotli- and gzip-compressed (.br, .gz:
 * vite-plugin-compression2 in web/vite.config.ts); preCompressed serves the smallest one the browser accepts, with no
 * compression work per request.
 */
export default fp(
  async function webApp(fastify: FastifyInstance) {
    const built = fs.existsSync(path.join(webDistDir, 'index.html'));
    if (built)
      await fastify.register(fastifyStatic, {
        root: webDistDir,
        wildcard: false,
        index: 'index.html',
        preCompressed: true,
        cacheControl: false,
        setHeaders: setWebAppHeaders,
      });
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
