// The API process: listens on HOST:PORT, serves the web app, talks to PostgreSQL and Temporal.
import { loadConfig, requireDatabaseUrl, settings } from '../runtime/config';
import { createDb } from '../runtime/db';
import { checkDatabaseRole } from '../runtime/db-roles';
import { connectTemporalClient } from '../runtime/temporal-connection';
import { exitAfterStopping, installShutdown, onShutdown } from '../runtime/shutdown';
import { buildApi } from './build';

/** "stopping…" and "stopped" in the log's own format: plain lines when pretty, else pino-like JSON lines. */
const log = (line: string) =>
  process.stdout.write(
    settings.prettyLogs() ? `${line}\n` : `${JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg: line })}\n`,
  );

async function main(): Promise<void> {
  installShutdown({ log, signalExitCode: 0 });
  const config = loadConfig();
  const db = createDb(requireDatabaseUrl(config));
  onShutdown('database pool', () => db.$disconnect());
  await checkDatabaseRole((sql) => db.$queryRawUnsafe(sql), {
    production: config.APP_MODE === 'production',
    warn: (line) => process.stderr.write(`${line}\n`),
  });
  const temporal = await connectTemporalClient(config);
  onShutdown('Temporal connection', () => temporal.connection.close());
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
  // Stops accepting connections and answers the requests in flight before the connections close.
  onShutdown('HTTP server', () => fastify.close());
  await fastify.listen({ host: config.HOST, port: config.PORT });
}

main().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return exitAfterStopping(1);
});
