import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/**
 * A smoke case started and completed on the code before the start took one step (bench/trace-start.ts
 * --save-history on cfd5f55): its first task resolved the deadline with a scheduled activity, in three workflow tasks,
 * with a marker for each of 'durable-activities', 'batched-writes' and 'timing-left-the-input'.
 */
const BEFORE = join(__dirname, 'support', 'smoke-before-one-step-start.history.bin');

const ofType = (events: HistoryEvent[], type: temporal.api.enums.v1.EventType) => events.filter((e) => e.eventType === type);
const patchIds = (events: HistoryEvent[]) =>
  ofType(events, EventType.EVENT_TYPE_MARKER_RECORDED)
    .filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
    .map((e) => {
      const payload = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
      return payload ? (JSON.parse(Buffer.from(payload).toString()) as { id: string }).id : '?';
    });

describe('a case start settles in two workflow tasks and one scheduled activity', () => {
  let h: Harness;
  let official: Session;

  beforeAll(async () => {
    h = await startHarness();
    const county = await makeOrganization(h.db, 'COUNTY');
    const township = await makeOrganization(h.db, 'TOWNSHIP', county.id);
    const user = await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }]);
    official = await signIn(h.api, user.username);
  });
  afterAll(async () => h?.close());

  it('answers after two workflow tasks: the calendar read inside the first (local activity), the first task written by the one scheduled activity, one patch marker', async () => {
    const started = await official.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: '一步发起' } });
    expect(started.statusCode).toBe(201);
    const caseId = started.json<{ id: string }>().id;
    // The answer came after the first task's commit.
    expect(await h.db.task.count({ where: { caseId } })).toBe(1);

    const events = (await h.temporal.workflow.getHandle(`smoke-${caseId}`).fetchHistory()).events ?? [];
    const settled = events.findIndex((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);
    expect(settled).toBeGreaterThan(0);
    const start = events.slice(0, settled + 1);
    // Before: three workflow tasks, resolveDeadline and applyWrites scheduled, three patch markers (25 events).
    expect(ofType(start, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)).toHaveLength(2);
    expect(
      ofType(start, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED).map(
        (e) => e.activityTaskScheduledEventAttributes?.activityType?.name,
      ),
    ).toEqual(['applyWrites']);
    expect(patchIds(start)).toEqual(['one-step-start']);
    const localActivities = ofType(start, EventType.EVENT_TYPE_MARKER_RECORDED).filter(
      (e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity',
    );
    expect(localActivities).toHaveLength(1);
    expect(start.length).toBeLessThanOrEqual(17);
  });

  it('a smoke case started before (three workflow tasks, three patch markers) replays on this code', async () => {
    const history = temporal.api.history.v1.History.decode(readFileSync(BEFORE));
    const events = history.events ?? [];
    // The fixture is what it says: the old shape, started and completed.
    expect(patchIds(events)).toEqual(['durable-activities', 'batched-writes', 'timing-left-the-input']);
    expect(
      ofType(events, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED).map(
        (e) => e.activityTaskScheduledEventAttributes?.activityType?.name,
      ),
    ).toEqual(expect.arrayContaining(['resolveDeadline', 'applyWrites']));
    expect(ofType(events, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED)).toHaveLength(1);
    const bundle = process.env.TEST_WORKFLOW_BUNDLE;
    if (!bundle) throw new Error('Temporal test environment missing (global setup did not run)');
    await Worker.runReplayHistory({ workflowBundle: { codePath: bundle } }, history, 'smoke-before-one-step-start');
  });
});
