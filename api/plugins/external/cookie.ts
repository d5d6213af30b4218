import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';

/** Cookie parsing and setting (the session cookie). */
export default fp(
  async function cookies(fastify: FastifyInstance) {
    await fastify.register(cookie);
  },
  { name: 'cookie' },
);
