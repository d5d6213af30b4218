import path from 'node:path';
import { beforeAll, describe, it } from '@jest/globals';
import { Runtime, Worker } from '@temporalio/worker';
import { errorsOnlyLogger } from '../runtime/errors-only-logger';
import { readHistory } from './support/histories';

/**
 * Histories recorded by the code before the `timing` test knobs left the workflow inputs (tests/fixtures/histories):
 * each execution was started with `timing` in its input and ran its shortened clock (reminder, due, escalation or
 * the item's period). The workflows of today must replay them command for command.
 */
const histories = path.join(__dirname, 'fixtures', 'histories');

function replay(file: string): Promise<void> {
  const history = readHistory(path.join(histories, file));
  return Worker.runReplayHistory({ workflowBundle: { codePath: process.env.TEST_WORKFLOW_BUNDLE! } }, history);
}

describe('executions started with timing in their input replay as they ran', () => {
  beforeAll(() => void Runtime.install({ logger: errorsOnlyLogger((m) => process.stderr.write(`[temporal] ${m}\n`)) }));

  it('replays a smoke case started with a shortened clock (reminder, due, escalation, completion)', async () => {
    await replay('smoke-with-timing.json');
  });
  it('replays a 村改居 started with a shortened step clock (the township review escalated, then proposed)', async () => {
    await replay('village-conversion-with-timing.json');
  });
  it('replays a service admission started with a shortened period (admitted, re-review, expired)', async () => {
    await replay('service-admission-with-timing.json');
  });
  it('replays a community report started with a shortened answer clock (escalated, answered late)', async () => {
    await replay('service-item-report-with-timing.json');
  });
});
