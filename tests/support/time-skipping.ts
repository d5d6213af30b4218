import { spawn } from 'node:child_process';
import { Connection, InternalConnectionOptionsSymbol, type InternalConnectionOptions } from '@temporalio/client/lib/connection';
import { msToTs, tsToMs } from '@temporalio/common/lib/time';
import { freePort } from '../../runtime/net';
import { ensureTemporalTestServer } from '../../runtime/temporal-test-server';
import { startHarness, type Harness, type HarnessOptions } from './harness';

export interface TimeSkippingHarness extends Harness {
  /** Moves the test server's clock forward (workflow time: timers due meanwhile fire), e.g. `skip('5 days')`. */
  skip(duration: string | number): Promise<void>;
  /** The test server's clock: what `Date.now()` is in workflow code. */
  now(): Promise<Date>;
}

/**
 * A harness (own database, worker, API) on a time-skipping Temporal test server of this test file's own, so that
 * statutory periods (days, weeks) run in seconds: the test moves the clock with `skip`. The server is Temporal's Java
 * test server from the tools cache (`npm run provision:temporal-test-server`; provisioned here when missing).
 * Workflow code sees the skipped clock; activities, the API and PostgreSQL keep the machine's.
 *
 * The server is started here rather than by `TestWorkflowEnvironment.createTimeSkipping({ server: { executable:
 * { type: 'existing-path' } } })`, whose SDK core gives it a fixed 5 s to listen: on a loaded machine the JVM needs
 * more. The test-service calls (`unlockTimeSkippingWithSleep`, `getCurrentTime`) are the ones that environment makes.
 */
export async function startTimeSkippingHarness(
  options: Omit<HarnessOptions, 'temporalAddress'> = {},
): Promise<TimeSkippingHarness> {
  const server = await startTestServer();
  let harness: Harness;
  let testService: NonNullable<Connection['testService']>;
  let connection: Connection | undefined;
  try {
    const withTestService: InternalConnectionOptions = {
      address: server.address,
      [InternalConnectionOptionsSymbol]: { supportsTestService: true },
    };
    connection = await Connection.connect(withTestService);
    testService = connection.testService!;
    harness = await startHarness({ ...options, temporalAddress: server.address });
  } catch (error) {
    await connection?.close();
    await server.stop();
    throw error;
  }
  return {
    ...harness,
    skip: async (duration) => void (await testService.unlockTimeSkippingWithSleep({ duration: msToTs(duration) })),
    now: async () => new Date(tsToMs((await testService.getCurrentTime({})).time)),
    async close() {
      await harness.close();
      await connection.close();
      await server.stop();
    },
  };
}

/** Runs the Java test server (time skipping off until a test skips) and waits until it answers, for up to a minute. */
async function startTestServer(): Promise<{ address: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(ensureTemporalTestServer(), [String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  const address = `127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Temporal test server exited with code ${child.exitCode}`);
    try {
      const probe = await Connection.connect({ address, connectTimeout: 1_000 });
      await probe.close();
      return { address, stop };
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`Temporal test server at ${address} not ready after 60 s`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * Moves the workflow clock a day at a time until `done()` holds (periods end on holiday-calendar days), giving the
 * activities a timer started a second each time to write what it decided; fails after `maxDays`.
 */
export async function skipDaysUntil(h: TimeSkippingHarness, done: () => Promise<boolean>, maxDays = 40): Promise<void> {
  const settled = async () => {
    for (let i = 0; i < 5; i++) {
      if (await done()) return true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return false;
  };
  for (let day = 0; day < maxDays; day++) {
    if (await settled()) return;
    await h.skip('1 day');
  }
  if (!(await settled())) throw new Error(`not done after skipping ${maxDays} days`);
}
