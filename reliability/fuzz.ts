// `npm run fuzz [-- --quick]`: Schemathesis, an independent OpenAPI fuzzer (from PyPI, installed into .venv/fuzz),
// against /api/openapi.json of a fresh environment (new database, migrations, demo seed, Temporal dev server, the
// real worker and API processes): once anonymously, then with a session of each demo role (cookie + CSRF header).
// Checks: no 5xx, and every response as documented (status code, content type, body schema). A 503 the API gives as
// "try again" (SERVICE_UNAVAILABLE with Retry-After: PostgreSQL or Temporal said "not now") is sent again once after
// its Retry-After, as a client would (./transient-retry-proxy.ts): only a repeated 503, or any other 5xx, fails.
// Options: --quick (few examples, fuzzing phase only; what CI runs), --seed <n> (default 2026). The full mode fails
// when it sent fewer than 10,000 requests in all.
// Prints a JSON summary on stdout; exits non-zero on any failure. Schemathesis' own output goes to .data/fuzz/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startBenchEnvironment, type BenchEnvironment } from '../bench/environment';
import { buildApi } from '../api/build';
import { roleHasPermission } from '../api/authz/permissions';
import { createDb } from '../runtime/db';
import { repoRoot } from '../runtime/paths';
import { exitAfterStopping, installShutdown, spawnTracked } from '../runtime/shutdown';
import { DEMO_PASSWORD, DEMO_USERS } from '../scripts/demo-seed';
import { harnessArgs, logger } from './environment';
import { startTransientRetryProxy, type TransientRetryProxy } from './transient-retry-proxy';

const SCHEMATHESIS_VERSION = '4.32.5';
/**
 * Hypothesis (Schemathesis' generator) pinned below 6.138: from then on it parses a lambda's whole source file to
 * describe it, and on Python 3.11 `ast.parse` of Schemathesis' largest module fails ("AST constructor recursion depth
 * mismatch"), which errored the coverage phase of one operation per identity in the full mode.
 */
const HYPOTHESIS_VERSION = '6.136.9';
const { quick, option } = harnessArgs();
const seed = Number(option('--seed') ?? 2026);

/**
 * Every identity: the schema's examples and generated cases for every operation (those it may not call check the
 * refusal path). Full mode adds the coverage phase (boundary and invalid values of every parameter and body field)
 * on the operations the identity may call — the public ones for the anonymous run. The stateful phase is left out:
 * the document declares no OpenAPI links to chain operations by.
 */
const run = quick ? { maxExamples: 1, coverage: false } : { maxExamples: 5, coverage: true };
/** The full mode must send at least this many requests in all (the bar); fewer fails the run. */
const FULL_MODE_MIN_REQUESTS = 10_000;

/** The checks: no 5xx; status code, Content-Type and body as the OpenAPI document declares for that operation. */
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];

/** Operations not fuzzed, each with the reason. */
const EXCLUDED_PATHS: Record<string, string> = {
  '/api/v1/auth/logout': 'ends the session the run is using, so every later request would test only the 401 path',
};

const outputDir = path.join(repoRoot, '.data', 'fuzz');
const venvDir = path.join(repoRoot, '.venv', 'fuzz');
const schemathesis = path.join(venvDir, 'bin', 'schemathesis');
const log = logger('fuzz');

function check(command: string, commandArgs: string[]): void {
  const result = spawnSync(command, commandArgs, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0)
    throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.status ?? result.error?.message})`);
}

/** Schemathesis at the pinned version in its own virtual environment (created once, reused after). */
function installSchemathesis(): void {
  const installed = spawnSync(schemathesis, ['--version'], { encoding: 'utf8' });
  const hypothesis = spawnSync(path.join(venvDir, 'bin', 'python'), ['-c', 'import hypothesis; print(hypothesis.__version__)'], {
    encoding: 'utf8',
  });
  if (installed.stdout?.includes(SCHEMATHESIS_VERSION) && hypothesis.stdout?.trim() === HYPOTHESIS_VERSION) return;
  log(
    `installing schemathesis ${SCHEMATHESIS_VERSION} (hypothesis ${HYPOTHESIS_VERSION}) into ${path.relative(repoRoot, venvDir)}`,
  );
  check('python3', ['-m', 'venv', venvDir]);
  check(path.join(venvDir, 'bin', 'pip'), [
    'install',
    '--quiet',
    '--disable-pip-version-check',
    `schemathesis==${SCHEMATHESIS_VERSION}`,
    `hypothesis==${HYPOTHESIS_VERSION}`,
  ]);
}

interface Identity {
  name: string;
  headers: string[];
  /** Operations this identity may call ("POST /api/v1/users"): the coverage phase's targets. */
  permitted: string[];
}

/** Signs in through the API, as the web app does: the session cookie and the CSRF token for writes. */
async function signIn(apiUrl: string, username: string, attempt = 1): Promise<string[]> {
  const res = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status >= 500 && attempt < 3) {
    log(`login ${username}: ${res.status}, trying again`);
    return signIn(apiUrl, username, attempt + 1);
  }
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return [`Cookie: ${cookie}`, `x-csrf-token: ${csrfToken}`];
}

/** The API's own route catalogue (each /api/v1 route's permission), as Schemathesis names operations. */
async function routeCatalog(env: BenchEnvironment) {
  const db = createDb(env.databaseUrl, { poolSize: 1 });
  const temporal = new Client({ connection: Connection.lazy({ address: env.temporalAddress }) });
  const api = await buildApi({ db, temporal, taskQueue: env.taskQueue, secureCookies: false });
  try {
    await api.ready();
    return api.routeCatalog.map((r) => ({ ...r, name: `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}` }));
  } finally {
    await api.close();
    await db.$disconnect();
    await temporal.connection.close();
  }
}

/** Requests the API answered, and those with a 5xx, from its own Prometheus counter (excluding /metrics itself). */
async function requestCounts(apiUrl: string): Promise<{ requests: number; serverErrors: number }> {
  const text = await (await fetch(`${apiUrl}/metrics`)).text();
  let requests = 0;
  let serverErrors = 0;
  for (const match of text.matchAll(/^cg_api_http_requests_total\{([^}]*)\} (\d+)$/gm)) {
    const labels = match[1]!;
    if (labels.includes('route="/metrics"')) continue;
    const count = Number(match[2]);
    requests += count;
    if (/status="5\d\d"/.test(labels)) serverErrors += count;
  }
  return { requests, serverErrors };
}

interface Failure {
  code: string;
  title: string;
  count: number;
  operations: string[];
}

interface RunResult {
  identity: string;
  testCases: number;
  requests: number;
  /** 5xx answers the fuzzer was left with: the API's own count, less the transient 503s retried (their retry counts). */
  serverErrors: number;
  /** 503 SERVICE_UNAVAILABLE answers sent again after their Retry-After. */
  transientRetries: number;
  failures: Failure[];
  errors: number;
  exitCode: number | null;
  /** The run's own requests ended its session (e.g. the administrator reset its own password): fewer requests were authenticated. */
  sessionLost: boolean;
}

interface Report {
  test_cases: { generated: number };
  failures: Failure[];
  errors: unknown[];
}

/** One `schemathesis run`; its output and JSON report go to .data/fuzz/<identity>-<pass>.{txt,json}. */
async function schemathesisRun(
  apiUrl: string,
  identity: Identity,
  pass: string,
  passArgs: string[],
): Promise<{ exitCode: number | null; report: Report }> {
  const report = path.join(outputDir, `${identity.name}-${pass}.json`);
  const output = path.join(outputDir, `${identity.name}-${pass}.txt`);
  fs.rmSync(report, { force: true });
  const commandArgs = [
    'run',
    `${apiUrl}/api/openapi.json`,
    '--checks',
    CHECKS.join(','),
    ...Object.keys(EXCLUDED_PATHS).flatMap((p) => ['--exclude-path', p]),
    ...passArgs,
    '--seed',
    String(seed),
    '--workers',
    '4',
    '--request-timeout',
    '60',
    '--generation-database',
    'none',
    '--no-color',
    '--report',
    'json',
    '--report-json-path',
    report,
    ...identity.headers.flatMap((h) => ['--header', h]),
  ];
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const out = fs.openSync(output, 'w');
    const child = spawnTracked('schemathesis', schemathesis, commandArgs, { cwd: outputDir, stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('exit', (code) => {
      fs.closeSync(out);
      resolve(code);
    });
  });
  if (!fs.existsSync(report))
    return { exitCode, report: { test_cases: { generated: 0 }, failures: [], errors: [`no report (${output})`] } };
  return { exitCode, report: JSON.parse(fs.readFileSync(report, 'utf8')) as Report };
}

/** A report whose only errors are Schemathesis' own runtime errors (no failure found, no check run against the API). */
function onlyToolErrors(report: Report): boolean {
  return (
    report.failures.length === 0 &&
    report.errors.length > 0 &&
    report.errors.every((e) => typeof e === 'object' && e !== null && (e as { title?: unknown }).title === 'Runtime Error')
  );
}

/** Fuzzes the API at `apiUrl` through `proxy` (its transient 503s retried once) as one identity. */
async function fuzz(apiUrl: string, proxy: TransientRetryProxy, identity: Identity): Promise<RunResult> {
  const passes: [string, string[]][] = [
    ['generated', ['--phases', 'examples,fuzzing', '--max-examples', String(run.maxExamples)]],
  ];
  if (run.coverage && identity.permitted.length > 0) {
    passes.push(['coverage', ['--phases', 'coverage', ...identity.permitted.flatMap((name) => ['--include-name', name])]]);
  }
  const before = await requestCounts(apiUrl);
  const retriedBefore = proxy.retried();
  const runs = [];
  for (const [pass, passArgs] of passes) {
    let result = await schemathesisRun(proxy.url, identity, pass, passArgs);
    if (onlyToolErrors(result.report)) {
      // Schemathesis itself broke (e.g. Hypothesis' FlakyFailure from CPython's "AST constructor recursion depth
      // mismatch" while it built a strategy): nothing was learnt about the API. The pass runs once more; its 5xx are
      // still counted by the API's own counters, and a second tool failure fails the run.
      log(`${identity.name}: schemathesis reported only its own runtime errors in the ${pass} pass; running it again once`);
      fs.renameSync(
        path.join(outputDir, `${identity.name}-${pass}.txt`),
        path.join(outputDir, `${identity.name}-${pass}-tool-error.txt`),
      );
      result = await schemathesisRun(proxy.url, identity, pass, passArgs);
    }
    runs.push(result);
  }
  const after = await requestCounts(apiUrl);
  const transientRetries = proxy.retried() - retriedBefore;
  const headers = Object.fromEntries(
    identity.headers.map((h) => [h.slice(0, h.indexOf(':')), h.slice(h.indexOf(':') + 1).trim()]),
  );
  const sessionLost = identity.headers.length > 0 && (await fetch(`${apiUrl}/api/v1/me`, { headers })).status === 401;
  return {
    identity: identity.name,
    testCases: runs.reduce((n, r) => n + r.report.test_cases.generated, 0),
    requests: after.requests - before.requests,
    serverErrors: after.serverErrors - before.serverErrors - transientRetries,
    transientRetries,
    failures: runs.flatMap((r) =>
      r.report.failures.map(({ code, title, count, operations }) => ({ code, title, count, operations })),
    ),
    errors: runs.reduce((n, r) => n + r.report.errors.length, 0),
    exitCode: runs.map((r) => r.exitCode).find((code) => code !== 0) ?? 0,
    sessionLost,
  };
}

async function main(): Promise<void> {
  installShutdown({ log });
  installSchemathesis();
  fs.mkdirSync(outputDir, { recursive: true });
  // Public endpoints are rate limited per minute; the fuzzer should reach their handlers, not the limiter. Likewise the
  // workflow requests' admission keeps a fixed limit (32) instead of adapting to latency, which on a busy machine could
  // shed the fuzzer's four workers' requests.
  const env = await startBenchEnvironment(log, {
    env: { PUBLIC_RATE_LIMIT_MAX: '1000000', API_WORKFLOW_TARGET_MS: '0' },
  });
  const proxy = await startTransientRetryProxy(env.apiUrl, log);
  const started = Date.now();
  const results: RunResult[] = [];
  try {
    // One demo account per role, all signed in before any fuzzing (the login throttle counts the fuzzer's failed
    // sign-ins). The administrator goes last of them: its run may disable, reset or remove others' accounts. The
    // anonymous run comes at the end.
    const roles = DEMO_USERS.filter((u, i) => DEMO_USERS.findIndex((v) => v.role === u.role) === i);
    const ordered = [...roles.filter((u) => u.role !== 'SYSTEM_ADMIN'), ...roles.filter((u) => u.role === 'SYSTEM_ADMIN')];
    const catalog = (await routeCatalog(env)).filter((r) => !(r.url in EXCLUDED_PATHS));
    const identities: Identity[] = [];
    for (const user of ordered) {
      const permitted = catalog.filter((r) => r.public || roleHasPermission(user.role, r.permission!)).map((r) => r.name);
      identities.push({ name: user.username, headers: await signIn(env.apiUrl, user.username), permitted });
    }
    identities.push({ name: 'anonymous', headers: [], permitted: catalog.filter((r) => r.public).map((r) => r.name) });
    for (const identity of identities) {
      const result = await fuzz(env.apiUrl, proxy, identity);
      results.push(result);
      log(
        `${identity.name}: ${result.requests} requests, ${result.serverErrors} 5xx, ${result.transientRetries} transient 503s retried, ${result.failures.length} failure kinds${result.sessionLost ? ', session ended during the run' : ''}`,
      );
    }
  } finally {
    await proxy.close();
    await env.close();
  }
  const failures = results.flatMap((r) => r.failures.map((f) => ({ identity: r.identity, ...f })));
  const summary = {
    mode: quick ? 'quick' : 'full',
    schemathesis: SCHEMATHESIS_VERSION,
    hypothesis: HYPOTHESIS_VERSION,
    seed,
    generatedCasesPerOperation: run.maxExamples,
    coveragePhase: run.coverage,
    checks: CHECKS,
    excluded: EXCLUDED_PATHS,
    identities: results.length,
    testCases: results.reduce((n, r) => n + r.testCases, 0),
    requests: results.reduce((n, r) => n + r.requests, 0),
    serverErrors: results.reduce((n, r) => n + r.serverErrors, 0),
    transientRetries: results.reduce((n, r) => n + r.transientRetries, 0),
    schemaViolations: failures.filter((f) => f.code !== 'ST101').reduce((n, f) => n + f.count, 0),
    failures,
    runs: results.map(({ failures: _failures, ...r }) => r),
    minutes: Math.round((Date.now() - started) / 6000) / 10,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  const enough = quick || summary.requests >= FULL_MODE_MIN_REQUESTS;
  if (!enough) log(`only ${summary.requests} requests; the full mode needs at least ${FULL_MODE_MIN_REQUESTS}`);
  const ok =
    enough && summary.serverErrors === 0 && failures.length === 0 && results.every((r) => r.exitCode === 0 && r.errors === 0);
  if (!ok) {
    log(`FAILED — see ${path.relative(repoRoot, outputDir)}/<identity>-<pass>.txt for each failure and how to reproduce it`);
    process.exitCode = 1;
  }
}

main().then(
  () => exitAfterStopping(Number(process.exitCode ?? 0)),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return exitAfterStopping(1);
  },
);
