import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureTemporalTestServer } from '../../runtime/temporal-test-server';
import { quietTemporalRuntime, startHarness, type Harness, type HarnessOptions } from './harness';

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
 */
export async function startTimeSkippingHarness(
  options: Omit<HarnessOptions, 'temporalAddress'> = {},
): Promise<TimeSkippingHarness> {
  quietTemporalRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: ensureTemporalTestServer() } },
  });
  let harness: Harness;
  try {
    harness = await startHarness({ ...options, temporalAddress: env.address });
  } catch (error) {
    await env.teardown();
    throw error;
  }
  return {
    ...harness,
    skip: (duration) => env.sleep(duration),
    now: async () => new Date(await env.currentTimeMs()),
    async close() {
      await harness.close();
      await env.teardown();
    },
  };
}
