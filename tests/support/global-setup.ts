import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startEmbeddedPostgres } from '../../runtime/embedded-postgres';
import { startTemporalDevServer } from '../../runtime/temporal-dev-server';
import { dropDatabase } from '../../runtime/postgres-admin';
import { provisionDatabase } from '../../runtime/db-provision';
import { TEST_DATABASE_ROLES } from './test-database';
import { repoRoot } from '../../runtime/paths';
import { WORKFLOW_PRELOAD_MODULES } from '../../runtime/workflow-preload';

/**
 * Provisions what every test file shares: a PostgreSQL server (TEST_DATABASE_URL, or an embedded one) holding a
 * template database, migrated as the owner role, that each test file copies (the API and the worker of the tests
 * connect as the application role, as in production: tests/support/test-database.ts), a Temporal dev server (in memory) from the same binary
 * `npm start` uses, and the workflow bundle built once.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-test-'));
  fs.chmodSync(workDir, 0o755); // the embedded server runs as the `postgres` user when we are root
  const state: Record<string, unknown> = { workDir };

  // Browser tests (tests/browser) need the built web app, which the API serves from web/dist: build it when missing.
  // NODE_ENV=production: jest sets "test", which would give a different build (antd, for one, then uses fixed ids).
  if (!process.env.WEB_DIST_DIR && !fs.existsSync(path.join(repoRoot, 'web', 'dist', 'index.html'))) {
    execFileSync('npm', ['run', '--silent', 'build:web'], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }

  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'pg'), persistent: false });
    serverUrl = pg.adminUrl;
    state.stopPostgres = () => pg.stop();
  }
  const templateDb = `cg_tpl_${runId}`;
  // Roles are cluster-wide: created (or brought up to date) once here; grants live in the template and are copied.
  await provisionDatabase(serverUrl, templateDb, TEST_DATABASE_ROLES);

  const temporal = process.env.TEST_TEMPORAL_ADDRESS ? undefined : await startTemporalDevServer({});
  state.stopTemporal = temporal ? () => temporal.stop() : undefined;

  const bundle = await bundleWorkflowCode({
    workflowsPath: path.join(repoRoot, 'workflows', 'index.ts'),
    workflowInterceptorModules: [path.join(repoRoot, 'workflows', 'lib', 'metrics-interceptor.ts')],
    // As the worker bundles: the pure domain modules shared by every execution (frozen), so the tests run that way.
    preloadModules: WORKFLOW_PRELOAD_MODULES,
    logger: quietLogger,
  });
  const bundlePath = path.join(workDir, 'workflow-bundle.js');
  fs.writeFileSync(bundlePath, bundle.code);

  process.env.TEST_PG_SERVER_URL = serverUrl;
  process.env.TEST_TEMPLATE_DB = templateDb;
  process.env.TEST_TEMPORAL_ADDRESS ??= temporal?.address;
  process.env.TEST_WORKFLOW_BUNDLE = bundlePath;
  // Tests are not load tests: the admission gate keeps a fixed limit (32) there instead of adapting to latency, which on
  // a busy machine would shed the few concurrent requests some tests send. tests/load-shedding.test.ts sets its own.
  process.env.API_WORKFLOW_TARGET_MS ??= '0';
  state.dropTemplate = () => dropDatabase(serverUrl, templateDb);
  (globalThis as Record<string, unknown>).__CG_TEST__ = state;
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (m: string) => process.stderr.write(`[bundle] ${m}\n`),
  error: (m: string) => process.stderr.write(`[bundle] ${m}\n`),
};
