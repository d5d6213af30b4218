import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { toolsCacheDir } from './paths';
import { childEnvironment } from './config';

/**
 * The Temporal server release the cluster engine runs (frontend, history, matching and worker as separate processes).
 * v1.32.1 is the newest tag whose go.mod `go` line the machine's Go (1.26.8) accepts; v1.32.2 needs go ≥ 1.26.10 and is
 * refused at once (../shared/notes/temporal-server.md, pitfall 1).
 */
export const TEMPORAL_SERVER_VERSION = 'v1.32.1';
const GO_PACKAGES = ['go.temporal.io/server/cmd/server', 'go.temporal.io/server/cmd/tools/sql'];

export interface TemporalServerBinaries {
  /** `temporal-server`: one binary for all four services (`start --service history`, …). */
  server: string;
  /** `temporal-sql-tool`: creates and migrates the PostgreSQL schemas; the schema files are embedded in it. */
  sqlTool: string;
}

function installDir(): string {
  return path.join(toolsCacheDir, `temporal-server-${TEMPORAL_SERVER_VERSION}`);
}

function binariesIn(dir: string): TemporalServerBinaries {
  return { server: path.join(dir, 'temporal-server'), sqlTool: path.join(dir, 'temporal-sql-tool') };
}

/** The cached binaries of TEMPORAL_SERVER_VERSION, or undefined when they were never provisioned. */
export function findTemporalServerBinaries(): TemporalServerBinaries | undefined {
  const binaries = binariesIn(installDir());
  return fs.existsSync(binaries.server) && fs.existsSync(binaries.sqlTool) ? binaries : undefined;
}

/** Go: on PATH, else where the official tarball installs it. */
function goBinary(): string | undefined {
  const result = spawnSync('sh', ['-c', 'command -v go'], { encoding: 'utf8' });
  const found = result.stdout.trim();
  if (result.status === 0 && found) return found;
  return fs.existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined;
}

/**
 * Finds the server and SQL tool in the tools cache, building them from the Go module proxy when missing:
 * `go install go.temporal.io/server/cmd/{server,tools/sql}@TEMPORAL_SERVER_VERSION` with CGO off, at the lowest CPU
 * priority (about 6 min on 2 idle cores, 12 on a busy machine, 2.5 GB peak RSS, about 4 GB of Go caches). The build
 * goes to a staging directory that is renamed into place only when both binaries exist, so an interrupted build
 * leaves no half-provisioned cache and the next run builds again; a complete cache is never rebuilt.
 */
export function ensureTemporalServerBinaries(
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): TemporalServerBinaries {
  const found = findTemporalServerBinaries();
  if (found) return found;
  const go = goBinary();
  if (!go) throw new Error('Building the Temporal server needs Go (on PATH or /usr/local/go/bin); none found.');
  const target = installDir();
  const staging = `${target}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  log(
    `Building the Temporal server ${TEMPORAL_SERVER_VERSION} and temporal-sql-tool from the Go module proxy into ${target} ` +
      '(first run only; about 6–12 minutes)…',
  );
  const began = Date.now();
  const built = spawnSync('nice', ['-n', '19', go, 'install', ...GO_PACKAGES.map((p) => `${p}@${TEMPORAL_SERVER_VERSION}`)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    // GOTOOLCHAIN=local: never download another Go behind the caller's back (a newer tag would need one).
    env: childEnvironment({ GOBIN: staging, CGO_ENABLED: '0', GOTOOLCHAIN: 'local' }),
  });
  if (built.status !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`go install of the Temporal server ${TEMPORAL_SERVER_VERSION} failed (exit ${built.status ?? built.signal})`);
  }
  fs.renameSync(path.join(staging, 'server'), path.join(staging, 'temporal-server'));
  fs.renameSync(path.join(staging, 'sql'), path.join(staging, 'temporal-sql-tool'));
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(staging, target);
  log(`Temporal server ${TEMPORAL_SERVER_VERSION} built in ${Math.round((Date.now() - began) / 1000)} s`);
  return binariesIn(target);
}
