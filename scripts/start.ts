// `npm start`: runs the whole product on one machine with one log stream.
// - PostgreSQL: DATABASE_URL (+ MIGRATION_DATABASE_URL), or an embedded server with its data under .data/postgres,
//   where an owner role migrates and the API and the worker connect as the restricted application role
// - Temporal: TEMPORAL_ADDRESS, or the Temporal CLI dev server with its SQLite file under .data/temporal
// - migrations, the demo seed (APP_MODE=demo, empty database only), the web build if missing
// - a worker process and an API process (which serves the web app)
// Ctrl-C, SIGTERM or SIGHUP stops everything in reverse order and leaves no processes behind (runtime/shutdown.ts);
// data stays for the next start.
// `npm run backup` signals this process (SIGUSR2) to stop the servers, archive their files and start them again.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { childEnvironment, loadConfig, settings } from '../runtime/config';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '../runtime/embedded-postgres';
import { dataDir, repoRoot } from '../runtime/paths';
import { provisionDatabase } from '../runtime/db-provision';
import { DEFAULT_APP_ROLE, DEFAULT_OWNER_ROLE, grantApplicationRights, roleOf } from '../runtime/db-roles';
import { startTemporalDevServer, type TemporalDevServer } from '../runtime/temporal-dev-server';
import { applyMigrations } from '../prisma/engine';
import { createBackup } from '../runtime/backup';
import { readBackupRequest, startPidFile, writeBackupResult, type BackupResult } from '../runtime/backup-control';
import { exitAfterStopping, installShutdown, isStopping, onShutdown, spawnTracked, stopTracked } from '../runtime/shutdown';
import { seedDemoIfEmpty } from './demo-seed';

const DATABASE_NAME = 'community_governance';
/** `npm run dev`: API and worker restart on change, and Vite serves the web app with hot reload. */
const devMode = process.argv.includes('--dev');
const colors = { start: 36, postgres: 34, temporal: 35, worker: 33, api: 32, web: 37 } as const;

function logger(name: keyof typeof colors) {
  const prefix = process.stdout.isTTY ? `\x1b[${colors[name]}m[${name}]\x1b[0m` : `[${name}]`;
  return (line: string) => process.stdout.write(`${prefix} ${line}\n`);
}
const log = logger('start');

function pipeLines(child: ChildProcess, write: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      lines.filter(Boolean).forEach(write);
    });
  }
}

function spawnNodeProcess(name: 'worker' | 'api' | 'web', entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const args = devMode ? ['--import', 'tsx', '--watch', entry] : ['--import', 'tsx', entry];
  const child = spawnTracked(name, process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  pipeLines(child, logger(name));
  return child;
}

function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(repoRoot, 'web', 'dist', 'index.html'))) return;
  log('building the web app (first start)…');
  const result = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('web build failed');
}

async function main(): Promise<void> {
  installShutdown({ log, signalExitCode: 0, stoppedNote: () => `; data kept in ${dataDir}` });
  const config = loadConfig();
  fs.mkdirSync(dataDir, { recursive: true });
  let postgres: EmbeddedPostgresServer | undefined;
  let temporal: TemporalDevServer | undefined;
  let worker: ChildProcess | undefined;
  let api: ChildProcess | undefined;
  let web: ChildProcess | undefined;
  /** While a backup has the servers stopped, their exits are expected. */
  let paused = false;

  const stopServices = async () => {
    await Promise.all([stopTracked(api), stopTracked(worker), stopTracked(web)]);
    await temporal?.stop();
    await postgres?.stop();
  };

  const startServices = async () => {
    // The API and the worker connect as the application role (DATABASE_URL); migrations run as the owner role.
    let databaseUrl = config.DATABASE_URL;
    let applied: string[];
    if (!databaseUrl) {
      postgres = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, 'postgres'),
        port: settings.embeddedPostgresPort(),
        persistent: true,
        onLog: logger('postgres'),
      });
      log(`embedded PostgreSQL on port ${postgres.port} (data: ${path.join(dataDir, 'postgres')})`);
      // Fresh passwords at every start: only this process and its children know them.
      const password = () => randomBytes(18).toString('base64url');
      const provisioned = await provisionDatabase(
        postgres.adminUrl,
        DATABASE_NAME,
        { owner: { name: DEFAULT_OWNER_ROLE, password: password() }, app: { name: DEFAULT_APP_ROLE, password: password() } },
        { log },
      );
      databaseUrl = provisioned.appUrl;
      applied = provisioned.applied;
      log(`database roles: migrations as ${DEFAULT_OWNER_ROLE}, API and worker as ${DEFAULT_APP_ROLE}`);
    } else {
      const migrationUrl = config.MIGRATION_DATABASE_URL ?? databaseUrl;
      ({ applied } = await applyMigrations(migrationUrl, { log }));
      if (roleOf(migrationUrl) !== roleOf(databaseUrl)) await grantApplicationRights(migrationUrl, roleOf(databaseUrl));
    }
    log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
    if (config.APP_MODE === 'demo') await seedDemoIfEmpty(databaseUrl, log);

    let temporalAddress = config.TEMPORAL_ADDRESS;
    if (!temporalAddress) {
      temporal = await startTemporalDevServer({
        dbFile: path.join(dataDir, 'temporal', 'temporal.sqlite'),
        ...settings.temporalDevPorts(),
        onLog: logger('temporal'),
      });
      temporalAddress = temporal.address;
      log(`Temporal dev server at ${temporal.address} (data: ${path.join(dataDir, 'temporal')})`);
    }
    if (!devMode) ensureWebBuilt();

    // The owner's URL stays here: the API and the worker get only the application role's.
    const env = childEnvironment({
      DATABASE_URL: databaseUrl,
      MIGRATION_DATABASE_URL: undefined,
      TEMPORAL_ADDRESS: temporalAddress,
      LOG_FORMAT: 'pretty',
    });
    worker = spawnNodeProcess('worker', 'scripts/worker.ts', env);
    api = spawnNodeProcess('api', 'api/server.ts', env);
    for (const [name, child] of [
      ['worker', worker],
      ['api', api],
    ] as const) {
      child.once('exit', (code, signal) => {
        if (isStopping() || paused) return;
        log(`${name} exited (${signal ?? code}); stopping everything`);
        void exitAfterStopping(1);
      });
    }
    await waitForHttp(`http://${config.HOST}:${config.PORT}/readyz`, 120_000);
  };

  // `npm run backup` while the product runs: stop the servers, archive their files together, start them again.
  process.on('SIGUSR2', () => {
    if (paused || isStopping()) return;
    paused = true;
    void (async () => {
      const request = readBackupRequest();
      let result: BackupResult;
      try {
        log('backup: stopping the API, the worker, Temporal and PostgreSQL for a consistent copy…');
        await stopServices();
        const archive = await createBackup({ dataDir, outDir: request.outDir });
        log(`backup: written to ${archive}; starting again…`);
        result = { id: request.id, archive };
      } catch (error) {
        result = { id: request.id, error: error instanceof Error ? error.message : String(error) };
        log(`backup failed: ${result.error}`);
      }
      try {
        await startServices();
        log('backup: running again');
      } catch (error) {
        log(`failed to start again after the backup: ${error instanceof Error ? error.message : String(error)}`);
        paused = false;
        writeBackupResult(result);
        return exitAfterStopping(1);
      }
      paused = false;
      writeBackupResult(result);
    })();
  });

  try {
    fs.writeFileSync(startPidFile, String(process.pid));
    // Registered first, so removed last: `npm run backup` and `restore` see this process until everything is stopped.
    const removePidFile = () => fs.rmSync(startPidFile, { force: true });
    onShutdown('pid file', removePidFile, { kill: removePidFile });
    await startServices();
    const apiUrl = `http://${config.HOST}:${config.PORT}`;
    let appUrl = apiUrl;
    if (devMode) {
      web = spawnTracked(
        'web',
        process.execPath,
        [require.resolve('vite/bin/vite.js'), '--config', 'web/vite.config.ts', '--port', '5173', '--strictPort'],
        {
          cwd: repoRoot,
          env: childEnvironment({ API_URL: apiUrl }),
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      pipeLines(web, logger('web'));
      appUrl = 'http://127.0.0.1:5173';
    }
    log('──────────────────────────────────────────────');
    log(`应用 / App:          ${appUrl}`);
    log(`API 文档 / API docs:  ${apiUrl}/api/docs`);
    if (temporal?.uiUrl) log(`Temporal Web UI:     ${temporal.uiUrl}`);
    log('按 Ctrl-C 停止 / press Ctrl-C to stop');
    log('──────────────────────────────────────────────');
  } catch (error) {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await exitAfterStopping(1);
  }
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

void main();
