import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';

describe('smoke procedure: start → task → Update → close, against real Temporal and PostgreSQL', () => {
  let h: Harness;
  let official: Session;
  let colleague: Session;
  let colleagueName: string;
  let officialName: string;

  beforeAll(async () => {
    h = await startHarness();
    const county = await makeOrganization(h.db, 'COUNTY');
    const township = await makeOrganization(h.db, 'TOWNSHIP', county.id);
    const a = await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }]);
    const b = await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }]);
    colleagueName = b.displayName;
    officialName = a.displayName;
    official = await signIn(h.api, a.username);
    colleague = await signIn(h.api, b.username);
  });
  afterAll(async () => h?.close());

  async function startCase(title: string) {
    const started = await official.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title } });
    expect(started.statusCode).toBe(201);
    const caseRow = started.json<{ id: string; number: string }>();
    // The response arrives only after the workflow settled: its task is already in PostgreSQL.
    const tasks = await h.db.task.findMany({ where: { caseId: caseRow.id } });
    expect(tasks).toHaveLength(1);
    return { caseRow, task: tasks[0]! };
  }

  it('opens the task in PostgreSQL before answering and closes the case when the task is completed', async () => {
    const { caseRow, task } = await startCase('完整路径');
    expect(caseRow.number).toMatch(/^SMK-\d{4}-\d{6}$/);
    expect(task).toMatchObject({ kind: 'smoke.confirm', status: 'OPEN', candidateRole: 'TOWNSHIP_OFFICIAL' });

    const done = await official.request({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/complete`,
      payload: { payload: { decision: 'approve', comment: '同意' } },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ taskId: task.id, caseStatus: 'closed' });

    const after = await h.db.case.findUniqueOrThrow({ where: { id: caseRow.id }, include: { tasks: true } });
    expect(after.status).toBe('COMPLETED');
    expect(after.tasks[0]).toMatchObject({ status: 'COMPLETED', result: { decision: 'approve', comment: '同意' } });
    const actions = (await h.db.auditEvent.findMany({ where: { caseId: caseRow.id }, orderBy: { seq: 'asc' } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['case.opened', 'task.opened', 'task.completed', 'case.closed']);
  });

  it('refuses an invalid payload with 400 and field errors, and changes nothing', async () => {
    const { task } = await startCase('无效表单');
    const bad = await official.request({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/complete`,
      payload: { payload: { decision: 'maybe', extra: 1 } },
    });
    expect(bad.statusCode).toBe(400);
    const body = bad.json<{ error: { code: string; fields: { path: string; message: { 'zh-CN': string; en: string } }[] } }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields.map((f) => f.path).sort()).toEqual(['payload.decision', 'payload.extra']);
    expect(body.error.fields[0]!.message['zh-CN']).toBeTruthy();
    const unchanged = await h.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(unchanged.status).toBe('OPEN');
    const refused = await h.db.auditEvent.findFirst({ where: { targetId: task.id, outcome: 'refused' } });
    expect(refused?.reason).toBe('invalid-payload');
  });

  it('lets exactly one of two officials complete a task; the other gets 409 naming who did', async () => {
    const { caseRow, task } = await startCase('并发办结');
    const url = `/api/v1/tasks/${task.id}/complete`;
    const [first, second] = await Promise.all([
      official.request({ method: 'POST', url, payload: { payload: { decision: 'approve' } } }),
      colleague.request({ method: 'POST', url, payload: { payload: { decision: 'reject' } } }),
    ]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect(loser.json<{ error: { code: string } }>().error.code).toBe('TASK_ALREADY_COMPLETED');
    const completions = await h.db.auditEvent.count({ where: { caseId: caseRow.id, action: 'task.completed' } });
    expect(completions).toBe(1);
    const winnerName = second.statusCode === 200 ? colleagueName : officialName;
    expect(loser.json<{ error: { message: { 'zh-CN': string } } }>().error.message['zh-CN']).toContain(winnerName);
  });

  it('keeps a waiting task through a worker restart and completes it afterwards', async () => {
    const { caseRow, task } = await startCase('重启工作进程');
    await h.stopWorker();
    await h.startWorker();
    const done = await official.request({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/complete`,
      payload: { payload: { decision: 'reject' } },
    });
    expect(done.statusCode).toBe(200);
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseRow.id } })).status).toBe('REJECTED');
  });

  it('answers 404 for a task of another organization', async () => {
    const { task } = await startCase('他人任务');
    const otherOrg = await makeOrganization(h.db, 'TOWNSHIP');
    const stranger = await makeUser(h.db, [{ organizationId: otherOrg.id, role: 'TOWNSHIP_OFFICIAL' }]);
    const s = await signIn(h.api, stranger.username);
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/complete`,
      payload: { payload: { decision: 'approve' } },
    });
    expect(res.statusCode).toBe(404);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('OPEN');
  });
});
