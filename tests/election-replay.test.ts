import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';

const EventType = temporal.api.enums.v1.EventType;

/**
 * The history of an election run on the workflow code before issue 19 (commit c79e91e; RELIABILITY_SHORTENED_CALENDAR
 * on): the township's set-up, a migrant application sent as the Update `submitMigrantApplication` (a child
 * migrant-eligibility, approved), the list's publication, an objection sent as the Update `fileObjection` and
 * answered after the window closed, up to the candidates' step. Elections of that version still running when this one
 * is deployed must replay: the old Update handlers stay, and each new command is behind a `patched()` marker
 * ('independent-applications', 'registration-closed-in-db', 'objections-answered-in-db').
 */
const HISTORY = join(__dirname, 'support', 'election-before-issue-19.history.bin');

describe('elections started before issue 19 replay on this version', () => {
  it('an election with an application Update and its child, and an objection Update, replays without nondeterminism', async () => {
    const history = temporal.api.history.v1.History.decode(readFileSync(HISTORY));
    const events = history.events;
    const updates = events
      .filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
      .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name);
    expect(updates).toEqual(expect.arrayContaining(['submitMigrantApplication', 'fileObjection']));
    expect(events.filter((e) => e.eventType === EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)).toHaveLength(1);

    const bundle = process.env.TEST_WORKFLOW_BUNDLE;
    if (!bundle) throw new Error('Temporal test environment missing (global setup did not run)');
    await Worker.runReplayHistory({ workflowBundle: { codePath: bundle } }, history, 'election-before-issue-19');
  });
});
