import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { settings } from '../../../runtime/config';

/**
 * Security headers on every response, with a Content-Security-Policy that allows only this origin's scripts.
 * Styles allow 'unsafe-inline' because Ant Design injects its CSS-in-JS at run time; scripts never do.
 */
export default fp(
  async function securityHeaders(fastify: FastifyInstance) {
    await fastify.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      hsts: settings.publicUrlIsHttps() ? { maxAge: 15552000 } : false,
    });
  },
  { name: 'security-headers' },
);
