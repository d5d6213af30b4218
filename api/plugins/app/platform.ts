import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Client } from '@temporalio/client';
import type { Db } from '../../../runtime/db';

/** What the API runs on: the database, the Temporal client and the task queue its workflows use. */
export interface Platform {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** True when cookies must be Secure (served behind TLS). */
  secureCookies: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}

export default fp(
  async function platform(fastify: FastifyInstance, options: Platform) {
    fastify.decorate('platform', options);
  },
  { name: 'platform' },
);
