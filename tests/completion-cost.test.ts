import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Context } from '@temporalio/activity';
import { temporal } from '@temporalio/proto';
import pg from 'pg';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/**
 * What one task completion costs the engine and the database (issue 19, item 4), read from the workflow's history
 * and from the statements the worker sends. The durability rule stays: the step's writes are scheduled by the
 * workflow task that accepted the Update, so nothing reaches PostgreSQL before the decision is in the history.
 */
describe('the cost of one task completion', () => {
  let h: Harness;
  let official: Session;
  /** SQL the worker's activities sent, by activity type (the activity's context follows its queries). */
  const statements: { activity: string; sql: string }[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, on the prototype
  const originalQuery = pg.Client.prototype.query;

  beforeAll(async () => {
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const config = args[0] as string | { text?: string };
      const sql = typeof config === 'string' ? config : (config?.text ?? '');
      let activity: string | undefined;
      try {
        activity = Context.current().info.activityType;
      } catch {
        activity = undefined; // not inside an activity (the API, the harness)
      }
      if (activity) statements.push({ activity, sql });
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof pg.Client.prototype.query;
    h = await startHarness();
    const county = await makeOrganization(h.db, 'COUNTY');
    const township = await makeOrganization(h.db, 'TOWNSHIP', county.id);
    const user = await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }]);
    official = await signIn(h.api, user.username);
  });
  afterAll(async () => {
    pg.Client.prototype.query = originalQuery;
    await h?.close();
  });

  /** Starts a smoke case, then completes its task; returns the history events the completion added. */
  async function completeOne(title: string): Promise<{ events: HistoryEvent[]; taskId: string }> {
    const started = await official.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title } });
    expect(started.statusCode).toBe(201);
    const caseRow = await h.db.case.findUniqueOrThrow({ where: { id: started.json<{ id: string }>().id } });
    const task = await h.db.task.findFirstOrThrow({ where: { caseId: caseRow.id } });
    const handle = h.temporal.workflow.getHandle(caseRow.workflowId);
    const before = (await handle.fetchHistory()).events!.length;
    statements.length = 0;
    const done = await official.request({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/complete`,
      payload: { payload: { decision: 'approve' } },
    });
    expect(done.statusCode).toBe(200);
    return { events: (await handle.fetchHistory()).events!.slice(before), taskId: task.id };
  }

  it('takes two workflow tasks and one activity, dispatched eagerly: the Update accepted first, answered after the commit', async () => {
    const { events } = await completeOne('完成的代价');
    const types = events.map((e) => e.eventType);
    const at = (type: temporal.api.enums.v1.EventType) => types.indexOf(type);
    expect(types.filter((t) => t === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)).toHaveLength(2);
    const scheduled = events.filter((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    expect(scheduled.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name)).toEqual(['applyWrites']);
    // Durability: the workflow task that accepted the Update scheduled the writes; the answer follows their commit.
    expect(at(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)).toBeGreaterThan(-1);
    expect(at(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)).toBeLessThan(
      at(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED),
    );
    expect(at(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)).toBeLessThan(
      at(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED),
    );
    expect(events).toHaveLength(13);
    // Eager dispatch: the activities came back in the answers to the workflow tasks that scheduled them, so none
    // went through the task queue's matching (its activity side saw no task added); the workflow side did.
    const stats = async (taskQueueType: temporal.api.enums.v1.TaskQueueType) =>
      (
        await h.temporal.connection.workflowService.describeTaskQueue({
          namespace: 'default',
          taskQueue: { name: h.taskQueue },
          taskQueueType,
          reportStats: true,
        })
      ).stats;
    expect((await stats(temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW))?.tasksAddRate ?? 0).toBeGreaterThan(0);
    expect((await stats(temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY))?.tasksAddRate ?? 0).toBe(0);
  });

  it('commits the step in one transaction of nine statements: no savepoint per write, one read of the audit chain for all its rows', async () => {
    const { taskId } = await completeOne('一次读取审计链');
    const step = statements.filter((s) => s.activity === 'applyWrites').map((s) => s.sql.trim());
    expect(step.filter((sql) => /^BEGIN/i.test(sql))).toHaveLength(1);
    expect(step.filter((sql) => /^COMMIT/i.test(sql))).toHaveLength(1);
    // Each write runs in the step's transaction itself, not in a SAVEPOINT of it (the old code sent 15 statements).
    expect(step.filter((sql) => /SAVEPOINT/i.test(sql))).toEqual([]);
    expect(step.filter((sql) => /pg_advisory_xact_lock/.test(sql))).toHaveLength(1);
    // The task's completion and the case's close: two audit rows, one read of the chain's last row.
    expect(step.filter((sql) => /INSERT INTO audit_event/.test(sql))).toHaveLength(2);
    expect(step.filter((sql) => /SELECT chain_seq, hash FROM audit_event/.test(sql))).toHaveLength(1);
    // The close's events for other systems (issue 21) cost one read when nobody subscribes: the case and the
    // subscriptions that want case.decided or case.closed, together.
    expect(step.filter((sql) => /FROM webhook_subscription/.test(sql))).toHaveLength(1);
    // BEGIN, the task's row, the chain's lock, its last row, the audit row, the case's row, the audit row, the
    // subscriptions, COMMIT.
    expect(step).toHaveLength(9);
    const task = await h.db.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task.status).toBe('COMPLETED');
    const rows = await h.db.auditEvent.findMany({ where: { caseId: task.caseId }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual(['case.opened', 'task.opened', 'task.completed', 'case.closed']);
    // The second row of the step follows the first in its chain, as a fresh read would have found it.
    const [completed, closed] = rows.slice(2);
    expect(closed!.chain).toBe(completed!.chain);
    expect(closed!.chainSeq).toBe(completed!.chainSeq + 1n);
    expect(closed!.prevHash).toBe(completed!.hash);
  });
});
