import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { startCase } from '../api/services/cases/start-case';
import { openCase } from '../runtime/open-case';
import type { Caller } from '../api/plugins/app/auth';
import { AppError } from '../domain/errors';
import { PROCEDURES } from '../domain/procedures';
import { resumePendingStarts } from '../runtime/pending-starts';
import type { SmokeProcedureInput } from '../workflows/smoke/messages';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { startHarness, type Harness } from './support/harness';

describe('case starts through an outbox: an API that dies between opening a case and starting it loses nothing', () => {
  let h: Harness;
  let official: Session;
  let caller: Caller;

  beforeAll(async () => {
    h = await startHarness();
    const township = await makeOrganization(h.db, 'TOWNSHIP');
    const user = await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }]);
    official = await signIn(h.api, user.username);
    const membership = await h.db.membership.findFirstOrThrow({ where: { userId: user.id } });
    caller = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      membership: { id: membership.id, organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' },
    } as unknown as Caller;
  });
  afterAll(async () => h?.close());

  const smokeStart = (temporal: Client, title: string) => ({
    db: h.db,
    temporal,
    taskQueue: h.taskQueue,
    procedure: 'smoke' as const,
    organizationId: caller.membership!.organizationId,
    title,
    caller,
    requestId: `test-${title}`,
    ruleSetVersion: 'smoke-1',
    workflowArgs: (caseId: string): [SmokeProcedureInput] => [
      { caseId, organizationId: caller.membership!.organizationId, role: 'TOWNSHIP_OFFICIAL' },
    ],
  });

  async function waitForTask(caseId: string) {
    for (let i = 0; i < 100; i++) {
      const tasks = await h.db.task.findMany({ where: { caseId } });
      if (tasks.length > 0) return tasks;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no task for case ${caseId}`);
  }

  it('a normal start leaves no outbox row behind', async () => {
    const res = await official.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: '正常开始' } });
    expect(res.statusCode).toBe(201);
    expect(await h.db.pendingWorkflowStart.count({ where: { caseId: res.json<{ id: string }>().id } })).toBe(0);
  });

  it('a case opened by an API that died before starting its workflow is started by the reconciler, once', async () => {
    // Exactly what a process killed after the commit leaves: the case, its audit row and the outbox row; no workflow.
    const { created, start } = await openCase(smokeStart(h.temporal, '中断的开始'));
    expect(await h.db.pendingWorkflowStart.count({ where: { caseId: created.id } })).toBe(1);
    await expect(h.temporal.workflow.getHandle(start.workflowId).describe()).rejects.toThrow();
    // Too recent for the reconciler's default grace period (the API may still be at it).
    expect(await resumePendingStarts(h.db, h.temporal)).toBe(0);

    expect(await resumePendingStarts(h.db, h.temporal, 0)).toBe(1);
    const tasks = await waitForTask(created.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ kind: 'smoke.confirm', status: 'OPEN' });
    expect(await h.db.pendingWorkflowStart.count({ where: { caseId: created.id } })).toBe(0);
    const audit = await h.db.auditEvent.findMany({ where: { caseId: created.id }, orderBy: { seq: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['case.opened', 'case.start-resumed', 'task.opened']);

    // The case then runs like any other: its task completes and closes it.
    const done = await official.request({
      method: 'POST',
      url: `/api/v1/tasks/${tasks[0]!.id}/complete`,
      payload: { payload: { decision: 'approve', comment: '补启动后完成' } },
    });
    expect(done.statusCode).toBe(200);
    expect((await h.db.case.findUniqueOrThrow({ where: { id: created.id } })).status).toBe('COMPLETED');
    expect(await resumePendingStarts(h.db, h.temporal, 0)).toBe(0);
  });

  it('an outbox row left behind by a start that did happen starts nothing again', async () => {
    // Running workflow: the row goes, the workflow keeps its one task.
    const running = await startCase(smokeStart(h.temporal, '已启动（运行中）'));
    const start = await h.db.case.findUniqueOrThrow({ where: { id: running.id } });
    await h.db.pendingWorkflowStart.create({
      data: {
        caseId: running.id,
        workflowType: PROCEDURES.smoke.workflowType,
        workflowId: start.workflowId,
        taskQueue: h.taskQueue,
        args: [],
      },
    });
    expect(await resumePendingStarts(h.db, h.temporal, 0)).toBe(1);
    expect(await h.db.pendingWorkflowStart.count({ where: { caseId: running.id } })).toBe(0);
    expect(await h.db.task.count({ where: { caseId: running.id } })).toBe(1);
    const description = await h.temporal.workflow.getHandle(start.workflowId).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.runId).toBe((await h.temporal.workflow.getHandle(start.workflowId).describe()).runId);

    // Closed case: the row goes and no workflow is started again.
    const [task] = await h.db.task.findMany({ where: { caseId: running.id } });
    await official.request({
      method: 'POST',
      url: `/api/v1/tasks/${task!.id}/complete`,
      payload: { payload: { decision: 'reject', comment: '结束' } },
    });
    await h.db.pendingWorkflowStart.create({
      data: {
        caseId: running.id,
        workflowType: PROCEDURES.smoke.workflowType,
        workflowId: start.workflowId,
        taskQueue: h.taskQueue,
        args: [],
      },
    });
    expect(await resumePendingStarts(h.db, h.temporal, 0)).toBe(0);
    expect(await h.db.pendingWorkflowStart.count({ where: { caseId: running.id } })).toBe(0);
    expect((await h.temporal.workflow.getHandle(start.workflowId).describe()).status.name).toBe('COMPLETED');
  });

  it('when Temporal refuses the start, the case is FAILED, audited, its outbox row gone, and the caller gets 503', async () => {
    const unreachable = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 }) });
    const error = await startCase(smokeStart(unreachable, '无法启动')).catch((e: unknown) => e);
    await unreachable.connection.close();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SERVICE_UNAVAILABLE');
    const caseId = (error as AppError).details?.caseId as string;
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('FAILED');
    expect(await h.db.pendingWorkflowStart.count({ where: { caseId } })).toBe(0);
    const audit = await h.db.auditEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['case.opened', 'case.start-failed']);
  });

  /** A client on the real Temporal server whose start fails with a gRPC INTERNAL error; describe too when asked. */
  function failingClient(describeFails: boolean) {
    const internal = () => Object.assign(new Error('13 INTERNAL: injected'), { code: 13, details: 'injected' });
    return new Client({
      connection: h.temporal.connection,
      namespace: h.temporal.options.namespace,
      interceptors: {
        workflow: [
          {
            startUpdateWithStart: () => Promise.reject(internal()),
            ...(describeFails ? { describe: () => Promise.reject(internal()) } : {}),
          },
        ],
      },
    });
  }

  it('a failed start is decided only by Temporal\'s "not found": an unknown error leaves the case open for the reconciler', async () => {
    const error = await startCase(smokeStart(failingClient(true), '状态不明')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SERVICE_UNAVAILABLE');
    const caseId = (error as AppError).details?.caseId as string;
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('OPEN');
    expect(await h.db.pendingWorkflowStart.count({ where: { caseId } })).toBe(1);
    expect((await h.db.auditEvent.findMany({ where: { caseId } })).map((a) => a.action)).toEqual(['case.opened']);
    // The reconciler then starts it like any start an API left unfinished.
    expect(await resumePendingStarts(h.db, h.temporal, 0)).toBeGreaterThanOrEqual(1);
    expect(await waitForTask(caseId)).toHaveLength(1);
  });

  it('a failed start whose workflow Temporal does not know is FAILED, audited and answered 503', async () => {
    const error = await startCase(smokeStart(failingClient(false), '确认未启动')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SERVICE_UNAVAILABLE');
    const caseId = (error as AppError).details?.caseId as string;
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('FAILED');
    expect(await h.db.pendingWorkflowStart.count({ where: { caseId } })).toBe(0);
  });
});
