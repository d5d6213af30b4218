import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import pg from 'pg';
import { adoptDatabase, ensureLoginRole } from './db-roles';
import { isPortOpen } from './net';
import { onShutdown, type ShutdownEntry } from './shutdown';
import { createDatabase, databaseUrlFor, dropDatabase } from './postgres-admin';
import { ensureTemporalCli } from './temporal-cli';
import { TEMPORAL_DYNAMIC_CONFIG } from './temporal-dev-server';
import { ensureTemporalServerBinaries, TEMPORAL_SERVER_VERSION, type TemporalServerBinaries } from './temporal-server-binaries';

const run = promisify(execFile);

/**
 * A production-shaped Temporal server for the harnesses (`--engine=cluster`): the four services of
 * TEMPORAL_SERVER_VERSION as separate OS processes (optionally two history and two matching processes), PostgreSQL
 * for persistence and visibility (postgres12 plugin), 4 history shards. Extra processes find each other through the
 * `cluster_membership` table; no seed list. Recipe and pitfalls: ../shared/notes/temporal-server.md.
 */

export type ClusterService = 'frontend' | 'history' | 'matching' | 'worker';

/**
 * The project's custom search attributes, registered on the cluster's `default` namespace as `start-dev
 * --search-attribute` would on the dev server (the real server registers none by itself). The project declares none
 * today: its harnesses query only Temporal's own attributes (TaskQueue, ExecutionStatus). A name added here must also
 * be given to the dev server's start.
 */
export const PROJECT_SEARCH_ATTRIBUTES: Record<string, SearchAttributeType> = {};
export type SearchAttributeType = 'Keyword' | 'Text' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList';

/**
 * Dynamic config of the cluster: the product's own (`TEMPORAL_DYNAMIC_CONFIG`, eager activity dispatch), and the
 * overrides of `temporal server start-dev` (CLI v1.5.1) that bear on what the harnesses measure, so that a difference
 * between the engines is the architecture, not a setting.
 * - `frontend.namespaceRPS.visibility` 100 (server default 10): the verifiers and scale-out count and describe
 *   workflows through visibility; at 10/s they would be throttled where the dev server is not.
 * - `frontend.persistenceMaxQPS` 10000 and `history.persistenceMaxQPS` 45000 (defaults 2000 and 9000): the dev
 *   server's ceilings. Neither binds at this machine's rates (tens to hundreds of workflows a second), but a benchmark
 *   should not meet a ceiling the other engine lacks.
 * Not taken over, and why:
 * - `system.forceSearchAttributesCacheRefreshOnRead` (dev: true) re-reads search attributes from the database on every
 *   use, a per-request cost no production server pays; this cluster registers its attributes before it is ready.
 * - `history.hostLevelCacheMaxSize` (dev: 8096, default 128000) shrinks the mutable-state cache to save memory on a
 *   laptop; a production history keeps the default.
 */
export const CLUSTER_DYNAMIC_CONFIG: Record<string, unknown> = {
  // What the product runs every engine with (runtime/temporal-dev-server.ts): eager activity dispatch.
  ...TEMPORAL_DYNAMIC_CONFIG,
  'frontend.namespaceRPS.visibility': 100,
  'frontend.persistenceMaxQPS': 10000,
  'history.persistenceMaxQPS': 45000,
};

/** The role Temporal connects to PostgreSQL as (cluster-wide, fixed password like the bench roles). */
export const TEMPORAL_DATABASE_ROLE = { name: 'cg_temporal', password: 'cg_temporal' };

/** History shards of a new cluster. Fixed once the database exists (pitfall 11); 4 is the note's tested figure. */
const HISTORY_SHARDS = 4;

/**
 * Port layout from a base: frontend gRPC base+233 (HTTP +243), history +234 and +236, matching +235 and +237, worker
 * +239, each membership port +700 above its gRPC port. With the default bases (17000, 18000, …) every port is below
 * the ephemeral range, so no random port of another server can take one.
 */
const GRPC_OFFSET: Record<ClusterService, number[]> = {
  frontend: [233],
  history: [234, 236],
  matching: [235, 237],
  worker: [239],
};
const HTTP_OFFSET = 243;
const MEMBERSHIP_OFFSET = 700;

/**
 * PostgreSQL connections each process may open (its persistence and its visibility pool), in proportion to its share
 * of the work. Every process has its own pools (pitfall 10): they are scaled so that the whole cluster stays within
 * `connectionBudget` (default 40 % of the server's max_connections less the superuser reserve), leaving the rest to
 * the API, the workers, the harness and whatever else shares the server.
 */
const POOL_WEIGHTS: Record<ClusterService, { persistence: number; visibility: number }> = {
  history: { persistence: 8, visibility: 2 },
  matching: { persistence: 4, visibility: 1 },
  frontend: { persistence: 4, visibility: 2 },
  worker: { persistence: 2, visibility: 1 },
};

export interface TemporalClusterOptions {
  /** Superuser URL of the PostgreSQL server that keeps Temporal's two databases. */
  adminUrl: string;
  /** Each process logs to `<logDir>/<service>-<n>.log`. */
  logDir: string;
  /** History processes (1 or 2; default 2). */
  history?: 1 | 2;
  /** Matching processes (1 or 2; default 2). */
  matching?: 1 | 2;
  /** Port base (see the layout above); default the first of 17000, 18000, … 26000 whose ports are all free. */
  portBase?: number;
  /** Prefix of the two databases (`<prefix>` and `<prefix>_visibility`); default one per cluster start. */
  databasePrefix?: string;
  /** Keep the databases at stop (default: drop them). */
  keepDatabases?: boolean;
  /** PostgreSQL connections the cluster may hold in all (default 40 % of max_connections less the reserve). */
  connectionBudget?: number;
  searchAttributes?: Record<string, SearchAttributeType>;
  /**
   * Register the cluster with the process's shutdown (runtime/shutdown.ts; default true): the entry point's SIGINT,
   * SIGTERM or SIGHUP stops it in order with everything else the process started.
   */
  stopOnSignals?: boolean;
  log?: (line: string) => void;
}

export interface ClusterProcess {
  service: ClusterService;
  /** 1 or 2 among the processes of its service. */
  index: number;
  grpcPort: number;
  logFile: string;
  child?: ChildProcess;
  /** Killed on purpose (chaos): not started again by `restart`, not waited for by `stop`. */
  killed?: boolean;
}

export interface TemporalCluster {
  /** Frontend gRPC address, what clients and workers connect to. */
  address: string;
  version: string;
  databases: { persistence: string; visibility: string };
  processes: ClusterProcess[];
  dynamicConfig: Record<string, unknown>;
  /** Pool sizes written to each process's config. */
  pools: Record<string, { persistence: number; visibility: number }>;
  /** The processes heartbeating in the `cluster_membership` table in the last 15 s, by service and membership port. */
  members: () => Promise<{ service: ClusterService; membershipPort: number }[]>;
  /** Process ids of the live server processes (for CPU and memory accounting). */
  pids: () => number[];
  /** SIGKILLs one history process (the last one alive) and leaves it dead; the others take over its shards. */
  killHistory: () => Promise<{ pid: number; index: number }>;
  /** Stops every live process (SIGTERM in order, or all at once by `signal`) and starts them again on the same data. */
  restart: (signal?: NodeJS.Signals) => Promise<void>;
  /** Stops worker → frontend → matching → history (SIGTERM, SIGKILL after 15 s), then drops the databases. Idempotent. */
  stop(): Promise<void>;
}

function yaml(value: unknown): string {
  // JSON is YAML: the server reads it as such, and no YAML writer is needed.
  return `${JSON.stringify(value, null, 2)}\n`;
}

function processesOf(history: number, matching: number): { service: ClusterService; index: number }[] {
  return [
    { service: 'history', index: 1 },
    ...(history > 1 ? [{ service: 'history' as const, index: 2 }] : []),
    { service: 'matching', index: 1 },
    ...(matching > 1 ? [{ service: 'matching' as const, index: 2 }] : []),
    { service: 'frontend', index: 1 },
    { service: 'worker', index: 1 },
  ];
}

async function portsFree(base: number): Promise<boolean> {
  const ports = Object.values(GRPC_OFFSET)
    .flat()
    .flatMap((o) => [base + o, base + o + MEMBERSHIP_OFFSET])
    .concat(base + HTTP_OFFSET);
  const open = await Promise.all(ports.map((p) => isPortOpen(p)));
  return !open.some(Boolean);
}

async function choosePortBase(requested: number | undefined): Promise<number> {
  if (requested !== undefined) {
    if (!(await portsFree(requested))) throw new Error(`Temporal cluster ports from ${requested} are in use`);
    return requested;
  }
  for (let base = 17000; base <= 26000; base += 1000) if (await portsFree(base)) return base;
  throw new Error('No free port range for a Temporal cluster (17000–26999)');
}

async function connectionLimit(adminUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrlFor(adminUrl, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ max: string; reserved: string }>(
      `SELECT current_setting('max_connections') AS max, current_setting('superuser_reserved_connections') AS reserved`,
    );
    return Number(rows[0]!.max) - Number(rows[0]!.reserved);
  } finally {
    await client.end();
  }
}

/** Pool sizes per process so that the sum over all processes stays within the budget. */
export function poolSizes(
  processes: { service: ClusterService }[],
  budget: number,
): Record<ClusterService, { persistence: number; visibility: number }> {
  const weight = processes.reduce((s, p) => s + POOL_WEIGHTS[p.service].persistence + POOL_WEIGHTS[p.service].visibility, 0);
  // Never above the server's own defaults (20 + 5 per process), never below 2 + 1 connections a process.
  const factor = Math.min(2.5, budget / weight);
  const sizes = {} as Record<ClusterService, { persistence: number; visibility: number }>;
  for (const service of Object.keys(POOL_WEIGHTS) as ClusterService[]) {
    sizes[service] = {
      persistence: Math.max(2, Math.floor(POOL_WEIGHTS[service].persistence * factor)),
      visibility: Math.max(1, Math.floor(POOL_WEIGHTS[service].visibility * factor)),
    };
  }
  return sizes;
}

function serverConfig(options: {
  base: number;
  own: { service: ClusterService; index: number };
  pg: URL;
  databases: { persistence: string; visibility: string };
  pools: { persistence: number; visibility: number };
  dynamicConfigFile: string;
}): unknown {
  const { base, own } = options;
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${options.pg.hostname}:${options.pg.port || '5432'}`,
      connectProtocol: 'tcp',
      user: TEMPORAL_DATABASE_ROLE.name,
      password: TEMPORAL_DATABASE_ROLE.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const rpc = (service: ClusterService, index: number) => {
    const grpcPort = base + GRPC_OFFSET[service][index - 1]!;
    return {
      grpcPort,
      membershipPort: grpcPort + MEMBERSHIP_OFFSET,
      bindOnLocalHost: true,
      ...(service === 'frontend' ? { httpPort: base + HTTP_OFFSET } : {}),
    };
  };
  const services = Object.fromEntries(
    (['frontend', 'history', 'matching', 'worker'] as const).map((s) => [s, { rpc: rpc(s, s === own.service ? own.index : 1) }]),
  );
  const frontend = `127.0.0.1:${base + GRPC_OFFSET.frontend[0]!}`;
  return {
    log: { stdout: true, level: 'info', format: 'json' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: HISTORY_SHARDS,
      datastores: {
        'postgres-default': store(options.databases.persistence, options.pools.persistence),
        'postgres-visibility': store(options.databases.visibility, options.pools.visibility),
      },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' } },
    services,
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: frontend,
          httpAddress: `127.0.0.1:${base + HTTP_OFFSET}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: options.dynamicConfigFile, pollInterval: '10s' },
  };
}

async function sqlTool(binaries: TemporalServerBinaries, pgUrl: URL, database: string, args: string[]): Promise<void> {
  await run(
    binaries.sqlTool,
    [
      ...['--ep', pgUrl.hostname, '-p', pgUrl.port || '5432', '-u', TEMPORAL_DATABASE_ROLE.name],
      ...['--pw', TEMPORAL_DATABASE_ROLE.password, '--pl', 'postgres12', '--db', database],
      ...args,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
}

/** The role, both databases (owned by the role), and their schemas at the binary's newest version. */
async function provisionDatabases(
  binaries: TemporalServerBinaries,
  adminUrl: string,
  databases: { persistence: string; visibility: string },
): Promise<void> {
  await ensureLoginRole(adminUrl, TEMPORAL_DATABASE_ROLE.name, TEMPORAL_DATABASE_ROLE.password);
  const pgUrl = new URL(adminUrl);
  await Promise.all(
    (
      [
        [databases.persistence, 'postgresql/v12/temporal'],
        [databases.visibility, 'postgresql/v12/visibility'],
      ] as const
    ).map(async ([database, schema]) => {
      await createDatabase(adminUrl, database);
      await adoptDatabase(adminUrl, database, TEMPORAL_DATABASE_ROLE.name);
      // The schema files are embedded in the tool (no source checkout needed).
      await sqlTool(binaries, pgUrl, database, ['setup-schema', '-v', '0.0']);
      await sqlTool(binaries, pgUrl, database, ['update-schema', '--schema-name', schema]);
    }),
  );
}

const liveClusters = new Set<TemporalCluster>();
let exitHookInstalled = false;
/** Last resort: a harness that exits without stopping its cluster (process.exit, an uncaught error) kills it. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const cluster of liveClusters) for (const p of cluster.processes) p.child?.kill('SIGKILL');
  });
}

/** The last lines of a process's log that say why it ended (fatal or error), for the error a failed start throws. */
function lastLogLines(file: string): string {
  try {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    return lines
      .filter((l) => /fatal|panic|"level":"error"/i.test(l))
      .slice(-3)
      .map((l) => l.slice(0, 600))
      .join('\n');
  } catch {
    return '(no log)';
  }
}

const STOP_ORDER: ClusterService[] = ['worker', 'frontend', 'matching', 'history'];

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
}

async function terminate(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const done = exited(child);
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await done;
  clearTimeout(timer);
}

/** Role numbers of `cluster_membership` (persistence.ServiceType). */
const MEMBERSHIP_ROLES: Record<number, ClusterService> = { 1: 'frontend', 2: 'history', 3: 'matching', 4: 'worker' };

/** Members that heartbeat after `since` (the table keeps UTC times without a zone). */
async function membersSince(persistenceUrl: string, since: Date): Promise<{ service: ClusterService; membershipPort: number }[]> {
  const client = new pg.Client({ connectionString: persistenceUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: number; rpc_port: number }>(
      `SELECT DISTINCT role, rpc_port FROM cluster_membership WHERE last_heartbeat >= ($1::timestamptz AT TIME ZONE 'UTC')`,
      [since.toISOString()],
    );
    return rows.map((r) => ({ service: MEMBERSHIP_ROLES[r.role] ?? 'frontend', membershipPort: r.rpc_port }));
  } finally {
    await client.end();
  }
}

/** Waits until the first process has written the cluster metadata record (at once when it exists). */
async function waitForClusterMetadata(
  persistenceUrl: string,
  deadline: number,
  stillRunning: () => string | undefined,
): Promise<void> {
  const client = new pg.Client({ connectionString: persistenceUrl });
  await client.connect();
  try {
    while (Date.now() < deadline) {
      const dead = stillRunning();
      if (dead) throw new Error(`Temporal cluster: ${dead} exited while starting`);
      if (((await client.query('SELECT 1 FROM cluster_metadata_info')).rowCount ?? 0) > 0) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('Temporal cluster: no cluster metadata written in time');
  } finally {
    await client.end();
  }
}

/** Waits until every process has joined the membership ring (heartbeat since it was started). */
async function waitForMembers(
  persistenceUrl: string,
  expected: ClusterProcess[],
  since: Date,
  deadline: number,
  stillRunning: () => string | undefined,
): Promise<void> {
  const ports = expected.map((p) => p.grpcPort + MEMBERSHIP_OFFSET);
  let missing = ports;
  while (Date.now() < deadline) {
    const dead = stillRunning();
    if (dead) throw new Error(`Temporal cluster: ${dead} exited while starting`);
    const joined = new Set((await membersSince(persistenceUrl, since).catch(() => [])).map((m) => m.membershipPort));
    missing = ports.filter((p) => !joined.has(p));
    if (missing.length === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Temporal cluster: no membership heartbeat from ports ${missing.join(', ')} in time`);
}

/**
 * Ready means a workflow start is accepted by history on every shard: `cluster health` says SERVING before history
 * owns its shards (pitfall 6). Starts (and terminates) probe workflows with 16 ids, which land on all 4 shards but
 * with a chance of 1 in 100, on a task queue no worker polls, until all are accepted.
 */
async function waitUntilReady(address: string, deadline: number, stillRunning: () => string | undefined): Promise<void> {
  let lastError: unknown;
  while (Date.now() < deadline) {
    const dead = stillRunning();
    if (dead) throw new Error(`Temporal cluster: ${dead} exited while starting`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        const client = new Client({ connection });
        const stamp = Date.now().toString(36);
        await Promise.all(
          Array.from({ length: 16 }, async (_, i) => {
            const handle = await client.workflow.start('cluster-readiness-probe', {
              taskQueue: 'cluster-readiness-probe',
              workflowId: `cluster-readiness-${stamp}-${i}`,
            });
            await handle.terminate('readiness probe');
          }),
        );
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`Temporal cluster at ${address} accepted no workflow start in time: ${String(lastError)}`);
}

/** Registers the `default` namespace (the real server has none, pitfall 5), retrying while the frontend comes up. */
async function registerDefaultNamespace(address: string, deadline: number): Promise<void> {
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await connection.workflowService.registerNamespace({
          namespace: 'default',
          workflowExecutionRetentionPeriod: msToTs('24h'),
        });
        return;
      } catch (error) {
        if (/already exists|AlreadyExists/i.test(String(error))) return;
        throw error;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`Temporal cluster at ${address}: namespace default not registered: ${String(lastError)}`);
}

async function registerSearchAttributes(address: string, attributes: Record<string, SearchAttributeType>): Promise<void> {
  if (Object.keys(attributes).length === 0) return;
  const cli = ensureTemporalCli();
  for (const [name, type] of Object.entries(attributes)) {
    await run(cli, [
      'operator',
      'search-attribute',
      'create',
      '--address',
      address,
      '--namespace',
      'default',
      '--name',
      name,
      '--type',
      type,
    ]);
  }
}

/**
 * Provisions the binaries (building them once), creates the role and two fresh databases with their schemas, writes a
 * config per process and the dynamic config, starts the processes, registers the `default` namespace and the search
 * attributes, and returns once a workflow start goes through history.
 */
export async function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalCluster> {
  const log = options.log ?? (() => undefined);
  const began = Date.now();
  const binaries = ensureTemporalServerBinaries(log);
  const base = await choosePortBase(options.portBase);
  const prefix = options.databasePrefix ?? `cg_temporal_${Date.now().toString(36)}`;
  const databases = { persistence: prefix, visibility: `${prefix}_visibility` };
  const plan = processesOf(options.history ?? 2, options.matching ?? 2);
  const budget = options.connectionBudget ?? Math.floor((await connectionLimit(options.adminUrl)) * 0.4);
  const pools = poolSizes(plan, budget);
  const pgUrl = new URL(options.adminUrl);

  fs.mkdirSync(options.logDir, { recursive: true });
  const configDir = path.join(options.logDir, 'config');
  fs.mkdirSync(configDir, { recursive: true });
  const dynamicConfigFile = path.join(configDir, 'dynamicconfig.yaml');
  fs.writeFileSync(
    dynamicConfigFile,
    yaml(Object.fromEntries(Object.entries(CLUSTER_DYNAMIC_CONFIG).map(([k, value]) => [k, [{ value, constraints: {} }]]))),
  );
  // The validator exits 0 even for unknown keys and wrong types; it only prints warnings (pitfall 7).
  const validation = await run(binaries.server, ['validate-dynamic-config', dynamicConfigFile]);
  if (/warning/i.test(validation.stdout + validation.stderr))
    throw new Error(`Temporal dynamic config ${dynamicConfigFile} is not valid:\n${validation.stdout}${validation.stderr}`);

  let dropped = false;
  const dropDatabases = async () => {
    if (dropped || options.keepDatabases) return;
    dropped = true;
    await dropDatabase(options.adminUrl, databases.persistence);
    await dropDatabase(options.adminUrl, databases.visibility);
  };
  try {
    await provisionDatabases(binaries, options.adminUrl, databases);
  } catch (error) {
    await dropDatabases().catch(() => undefined);
    throw error;
  }
  log(`Temporal ${TEMPORAL_SERVER_VERSION} databases ${databases.persistence}, ${databases.visibility} ready`);

  const processes: ClusterProcess[] = plan.map((own) => {
    const configFile = path.join(configDir, `${own.service}-${own.index}.yaml`);
    fs.writeFileSync(
      configFile,
      yaml(serverConfig({ base, own, pg: pgUrl, databases, pools: pools[own.service], dynamicConfigFile })),
    );
    return {
      ...own,
      grpcPort: base + GRPC_OFFSET[own.service][own.index - 1]!,
      logFile: path.join(options.logDir, `${own.service}-${own.index}.log`),
    };
  });

  const spawnProcess = (p: ClusterProcess) => {
    const configFile = path.join(configDir, `${p.service}-${p.index}.yaml`);
    const out = fs.openSync(p.logFile, 'a');
    try {
      p.child = spawn(binaries.server, ['--config-file', configFile, '--allow-no-auth', 'start', '--service', p.service], {
        stdio: ['ignore', out, out],
      });
    } finally {
      fs.closeSync(out);
    }
  };
  const deadProcess = () =>
    processes
      .filter((p) => !p.killed && p.child && (p.child.exitCode !== null || p.child.signalCode !== null))
      .map(
        (p) =>
          `${p.service} ${p.index} (exit ${p.child!.exitCode ?? p.child!.signalCode}; ${p.logFile}: ${lastLogLines(p.logFile)})`,
      )[0];
  const address = `127.0.0.1:${base + GRPC_OFFSET.frontend[0]!}`;
  const persistenceUrl = databaseUrlFor(options.adminUrl, databases.persistence);
  const startAll = async () => {
    const since = new Date();
    // One process first: on a new database every process would write the cluster metadata at once, and all but one
    // exit with "Failed to apply cluster metadata". The others start once the record exists.
    const [first, ...rest] = processes.filter((p) => !p.killed);
    // Forget the processes a restart stopped: only those started now can fail this start.
    for (const p of processes) if (!p.killed) p.child = undefined;
    spawnProcess(first!);
    await waitForClusterMetadata(persistenceUrl, Date.now() + 120_000, deadProcess);
    for (const p of rest) spawnProcess(p);
    await waitForMembers(
      persistenceUrl,
      processes.filter((p) => !p.killed),
      since,
      Date.now() + 120_000,
      deadProcess,
    );
    await registerDefaultNamespace(address, Date.now() + 120_000);
    await waitUntilReady(address, Date.now() + 180_000, deadProcess);
  };

  let stopping: Promise<void> | undefined;
  const stopProcesses = async (signal: NodeJS.Signals = 'SIGTERM') => {
    for (const service of STOP_ORDER)
      await Promise.all(processes.filter((p) => p.service === service).map((p) => terminate(p.child, signal)));
  };
  let shutdownEntry: ShutdownEntry | undefined;
  const cluster: TemporalCluster = {
    address,
    version: TEMPORAL_SERVER_VERSION,
    databases,
    processes,
    dynamicConfig: CLUSTER_DYNAMIC_CONFIG,
    pools: Object.fromEntries(plan.map((p) => [`${p.service}-${p.index}`, pools[p.service]])),
    members: () => membersSince(persistenceUrl, new Date(Date.now() - 15_000)),
    pids: () =>
      processes.filter((p) => p.child?.pid && p.child.exitCode === null && p.child.signalCode === null).map((p) => p.child!.pid!),
    killHistory: async () => {
      const victim = processes.filter((p) => p.service === 'history' && !p.killed).pop();
      if (!victim?.child?.pid) throw new Error('no live history process to kill');
      if (processes.filter((p) => p.service === 'history' && !p.killed).length < 2)
        throw new Error('only one history process is alive: killing it would stop the cluster');
      victim.killed = true;
      const pid = victim.child.pid;
      await terminate(victim.child, 'SIGKILL');
      log(`SIGKILL history ${victim.index} (pid ${pid}); the other history process takes over its shards`);
      return { pid, index: victim.index };
    },
    restart: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (stopping) throw new Error('the Temporal cluster is stopped');
      await stopProcesses(signal);
      await startAll();
    },
    stop() {
      stopping ??= (async () => {
        await stopProcesses();
        liveClusters.delete(cluster);
        shutdownEntry?.release();
        await dropDatabases();
        log('Temporal cluster stopped');
      })();
      return stopping;
    },
  };
  liveClusters.add(cluster);
  installExitHook();
  if (options.stopOnSignals ?? true) {
    shutdownEntry = onShutdown('Temporal cluster', () => cluster.stop());
  }
  try {
    await startAll();
    await registerSearchAttributes(address, options.searchAttributes ?? PROJECT_SEARCH_ATTRIBUTES);
  } catch (error) {
    await cluster.stop().catch(() => undefined);
    throw error;
  }
  log(
    `Temporal cluster ${TEMPORAL_SERVER_VERSION} at ${address} ready in ${Math.round((Date.now() - began) / 1000)} s: ` +
      `${processes.map((p) => `${p.service}-${p.index}:${p.grpcPort}`).join(', ')}; logs in ${options.logDir}`,
  );
  return cluster;
}
