import path from 'node:path';
import { beforeAll, describe, it } from '@jest/globals';
import { Runtime, Worker } from '@temporalio/worker';
import { errorsOnlyLogger } from '../runtime/errors-only-logger';
import { readHistory } from './support/histories';

/**
 * A 村改居 recorded by the code before 退回/取回 became Updates of every procedure (commit 01bf682): the township
 * returned the file through its form, then the civil-affairs bureau, then the county (to the township), and the county
 * approved. Executions running on that code must replay command for command on today's workflow.
 */
const histories = path.join(__dirname, 'fixtures', 'histories');

describe('村改居 executions started before the 退回/取回 Updates replay as they ran', () => {
  beforeAll(() => void Runtime.install({ logger: errorsOnlyLogger((m) => process.stderr.write(`[temporal] ${m}\n`)) }));

  it('replays a case whose reviews returned the file through their forms (township, civil affairs, county), then approved', async () => {
    const history = readHistory(path.join(histories, 'village-conversion-form-returns.json'));
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.TEST_WORKFLOW_BUNDLE! } }, history);
  });
});
