// The API process: listens on HOST:PORT, serves the web app, talks to PostgreSQL and Temporal.
import { loadConfig, requireDatabaseUrl, settings } from '../runtime/config';
import { createDb } from '../runtime/db';
import { checkDatabaseRole } from '../runtime/db-roles';
import { connectTemporalClient } from '../runtime/temporal-connection';
import { buildApi } from './build';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = createDb(requireDatabaseUrl(config));
  await checkDatabaseRole((sql) => db.$queryRawUnsafe(sql), {
    production: config.APP_MODE === 'production',
    warn: (line) => process.stderr.write(`${line}\n`),
  });
  const temporal = await connectTemporalClient(config);
  const fastify = await buildApi(
    {
      db,
      temporal,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      secureCookies: config.PUBLIC_URL?.startsWith('https://') ?? false,
    },
    settings.prettyLogs()
      ? {
          level: config.LOG_LEVEL,
          transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } },
        }
      : { level: config.LOG_LEVEL },
  );
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    fastify.log.info({ signal }, 'shutting down');
    await fastify.close();
    await temporal.connection.close();
    await db.$disconnect();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await fastify.listen({ host: config.HOST, port: config.PORT });
}

main().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
