import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { toolsCacheDir } from './paths';
import { childEnvironment, settings } from './config';

/**
 * The Temporal CLI release this project builds when no binary is configured. v1.5.1 is the newest tag whose go.mod
 * has no `replace` directive, which `go install module@version` refuses (see README, "Temporal offline").
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const GO_MODULE = 'github.com/temporalio/cli/cmd/temporal';

function cachedBinaryPath(): string {
  return path.join(toolsCacheDir, `temporal-${TEMPORAL_CLI_VERSION}`, 'temporal');
}

function onPath(name: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : undefined;
}

/** Where the Temporal CLI is, without building it: TEMPORAL_CLI, then PATH, then the tools cache. */
export function findTemporalCli(): string | undefined {
  const configured = settings.temporalCli();
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`TEMPORAL_CLI=${configured} does not exist`);
    return configured;
  }
  return onPath('temporal') ?? (fs.existsSync(cachedBinaryPath()) ? cachedBinaryPath() : undefined);
}

/**
 * Finds the Temporal CLI, building it from the official Go module into the tools cache when it is missing.
 * The build needs only the Go module proxy (reachable from offline mirrors); it takes minutes the first time.
 */
export function ensureTemporalCli(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  const found = findTemporalCli();
  if (found) return found;
  const target = cachedBinaryPath();
  const goBin = onPath('go');
  if (!goBin) {
    throw new Error(
      'No Temporal CLI found (TEMPORAL_CLI, PATH or the tools cache) and no Go toolchain to build it. ' +
        `Install Go, or put a 'temporal' binary on PATH, or set TEMPORAL_ADDRESS to an existing server.`,
    );
  }
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} from ${GO_MODULE} into ${path.dirname(target)} (first run only)…`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  execFileSync(goBin, ['install', `${GO_MODULE}@${TEMPORAL_CLI_VERSION}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: childEnvironment({ GOBIN: path.dirname(target) }),
  });
  if (!fs.existsSync(target)) throw new Error(`go install finished but ${target} is missing`);
  return target;
}
