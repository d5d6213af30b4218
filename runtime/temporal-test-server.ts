import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, toolsCacheDir } from './paths';

/**
 * Temporal's time-skipping test server (io.temporal:temporal-test-server, part of the Java SDK), for tests of
 * statutory periods. `TestWorkflowEnvironment.createTimeSkipping()` would download a native build from
 * temporal.download, which offline machines and CI cannot reach; Maven Central can be reached, so this fetches the
 * Java server with its dependencies and writes a wrapper the SDK runs as `<wrapper> <port> [args]`.
 * 1.38.0 is the newest version Maven Central serves (the SDK's own default is decided by temporal.download online).
 */
export const TEMPORAL_TEST_SERVER_VERSION = '1.38.0';
const POM = path.join(repoRoot, 'scripts', 'temporal-test-server.pom.xml');

function installDir(): string {
  return path.join(toolsCacheDir, `temporal-test-server-${TEMPORAL_TEST_SERVER_VERSION}`);
}

function wrapperPath(): string {
  return path.join(installDir(), 'temporal-test-server');
}

function onPath(name: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : undefined;
}

/** The wrapper executable when it was provisioned, else undefined. */
export function findTemporalTestServer(): string | undefined {
  return fs.existsSync(wrapperPath()) ? wrapperPath() : undefined;
}

/**
 * Finds the test server's wrapper, provisioning it into the tools cache when missing: `mvn dependency:copy-dependencies`
 * on scripts/temporal-test-server.pom.xml, then a shell wrapper running io.temporal.testserver.TestServer on Java.
 */
export function ensureTemporalTestServer(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  const found = findTemporalTestServer();
  if (found) return found;
  const mvn = onPath('mvn');
  const java = onPath('java');
  if (!mvn || !java) {
    throw new Error(
      'The time-skipping test server needs Java (17 or later) and Maven to be provisioned; ' +
        `missing: ${[!java && 'java', !mvn && 'mvn'].filter(Boolean).join(', ')}.`,
    );
  }
  const target = installDir();
  const staging = `${target}.partial-${process.pid}`;
  log(`Fetching io.temporal:temporal-test-server:${TEMPORAL_TEST_SERVER_VERSION} from Maven into ${target} (first run only)…`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  execFileSync(
    mvn,
    [
      '-q',
      '-B',
      '-f',
      POM,
      `-Dtemporal.test-server.version=${TEMPORAL_TEST_SERVER_VERSION}`,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${path.join(staging, 'lib')}`,
      '-DincludeScope=runtime',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  // The SDK starts the server as `<executable> <port> [extra args]`; TestServer's main takes exactly that.
  fs.writeFileSync(
    path.join(staging, 'temporal-test-server'),
    [
      '#!/bin/sh',
      `# Temporal time-skipping test server ${TEMPORAL_TEST_SERVER_VERSION}; written by runtime/temporal-test-server.ts.`,
      'dir=$(dirname "$0")',
      `exec "${java}" -XX:+UseSerialGC -cp "$dir/lib/*" io.temporal.testserver.TestServer "$@"`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  // Another process may have finished first; either copy is complete.
  if (fs.existsSync(target)) fs.rmSync(staging, { recursive: true, force: true });
  else fs.renameSync(staging, target);
  return wrapperPath();
}
