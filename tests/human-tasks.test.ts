import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startCase } from '../api/services/cases/start-case';
import type { Caller } from '../api/plugins/app/auth';
import type { SmokeProcedureInput } from '../workflows/smoke/messages';
import { startHarness, type Harness } from './support/harness';
import { skipDaysUntil, startTimeSkippingHarness, type TimeSkippingHarness } from './support/time-skipping';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';

const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

describe('human tasks: inbox, operations, evidence, clock', () => {
  let h: Harness;
  let townshipId: string;
  let countyId: string;
  let a: Session;
  let b: Session;
  let aId: string;
  let bId: string;
  let county: Session;

  beforeAll(async () => {
    h = await startHarness();
    countyId = (await makeOrganization(h.db, 'COUNTY')).id;
    townshipId = (await makeOrganization(h.db, 'TOWNSHIP', countyId)).id;
    const ua = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
    const ub = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
    const uc = await makeUser(h.db, [{ organizationId: countyId, role: 'COUNTY_APPROVER' }]);
    [aId, bId] = [ua.id, ub.id];
    [a, b, county] = await Promise.all([signIn(h.api, ua.username), signIn(h.api, ub.username), signIn(h.api, uc.username)]);
  });
  afterAll(async () => h?.close());

  async function newTask(session: Session, title: string) {
    const res = await session.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title } });
    expect(res.statusCode).toBe(201);
    const caseId = res.json<{ id: string }>().id;
    return { caseId, taskId: (await h.db.task.findFirstOrThrow({ where: { caseId } })).id };
  }

  it('gives exactly one owner to simultaneous claims, and shows the holder to the loser', async () => {
    const { taskId } = await newTask(a, '同时认领');
    const [ra, rb] = await Promise.all([
      a.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/claim` }),
      b.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/claim` }),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 409]);
    const task = await h.db.task.findUniqueOrThrow({ where: { id: taskId } });
    expect([aId, bId]).toContain(task.assigneeId);
    expect(await h.db.auditEvent.count({ where: { targetId: taskId, action: 'task.claimed' } })).toBe(1);
    // The one who lost cannot complete it either.
    const loser = ra.statusCode === 409 ? a : b;
    const res = await loser.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/complete`,
      payload: { payload: { decision: 'approve' } },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('TASK_CLAIMED');
  });

  it('filters the inbox by view, text and overdue, pages with a cursor, and shares saved filters in the organization', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await newTask(a, `筛选测试 ${i}`));
    await h.db.task.update({ where: { id: made[0]!.taskId }, data: { dueAt: new Date(Date.now() - 60_000) } });
    const unclaimed = await b.request({ url: '/api/v1/tasks?view=unclaimed&q=筛选测试&limit=2' });
    const page1 = unclaimed.json<{ items: { id: string }[]; nextCursor: string }>();
    expect(page1.items).toHaveLength(2);
    const page2 = (await b.request({ url: `/api/v1/tasks?view=unclaimed&q=筛选测试&limit=2&cursor=${page1.nextCursor}` })).json<{
      items: { id: string }[];
      nextCursor: string | null;
    }>();
    const page3 = (await b.request({ url: `/api/v1/tasks?view=unclaimed&q=筛选测试&limit=2&cursor=${page2.nextCursor}` })).json<{
      items: { id: string }[];
      nextCursor: string | null;
    }>();
    const ids = [...page1.items, ...page2.items, ...page3.items].map((t) => t.id);
    expect(new Set(ids)).toEqual(new Set(made.map((m) => m.taskId)));
    expect(page3.nextCursor).toBeNull();

    const overdue = (await b.request({ url: '/api/v1/tasks?view=unclaimed&overdue=true' })).json<{
      items: { id: string; warning: string }[];
    }>();
    expect(overdue.items.map((t) => t.id)).toEqual([made[0]!.taskId]);
    expect(overdue.items[0]!.warning).toBe('yellow');

    // The county supervises the township's tasks (organization view), but cannot act on them.
    const supervised = (
      await county.request({ url: `/api/v1/tasks?view=organization&organizationId=${townshipId}&q=筛选测试` })
    ).json<{ items: unknown[] }>();
    expect(supervised.items).toHaveLength(5);
    expect((await county.request({ method: 'POST', url: `/api/v1/tasks/${made[1]!.taskId}/claim` })).statusCode).toBe(403);

    const saved = await a.request({
      method: 'POST',
      url: '/api/v1/saved-filters',
      payload: { name: '逾期', filter: { view: 'unclaimed', overdue: 'true' }, shared: true },
    });
    expect(saved.statusCode).toBe(201);
    const seenByColleague = (await b.request({ url: '/api/v1/saved-filters' })).json<{ id: string; mine: boolean }[]>();
    const shared = seenByColleague.find((f) => f.id === saved.json<{ id: string }>().id);
    expect(shared?.mine).toBe(false);
    const viaSaved = (await b.request({ url: `/api/v1/tasks?savedFilterId=${shared!.id}` })).json<{ items: { id: string }[] }>();
    expect(viaSaved.items.map((t) => t.id)).toEqual([made[0]!.taskId]);
    expect((await county.request({ url: `/api/v1/tasks?savedFilterId=${shared!.id}` })).statusCode).toBe(404);
  });

  it('assigns to a colleague, delegates and returns, and refuses someone outside the organization', async () => {
    const { taskId } = await newTask(a, '分派');
    expect(
      (await a.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/assign`, payload: { userId: bId } })).statusCode,
    ).toBe(200);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: taskId } })).assigneeId).toBe(bId);
    const outsider = await makeUser(h.db, [{ organizationId: countyId, role: 'TOWNSHIP_OFFICIAL' }]);
    expect(
      (await b.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/delegate`, payload: { userId: outsider.id } })).statusCode,
    ).toBe(400);
    expect(
      (await b.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/delegate`, payload: { userId: aId } })).statusCode,
    ).toBe(200);
    expect((await a.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/return` })).statusCode).toBe(200);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: taskId } })).assigneeId).toBe(bId);
    const bell = (await b.request({ url: '/api/v1/notifications' })).json<{
      unread: number;
      items: { kind: string; taskId: string }[];
    }>();
    expect(bell.items.filter((n) => n.taskId === taskId && n.kind === 'task.assigned').length).toBeGreaterThanOrEqual(2);
    expect(bell.unread).toBeGreaterThan(0);
    await b.request({ method: 'POST', url: '/api/v1/notifications/read', payload: { ids: 'all' } });
    expect((await b.request({ url: '/api/v1/notifications' })).json<{ unread: number }>().unread).toBe(0);
  });

  it('attaches evidence checked by content and size, comments, and shows both on the case record', async () => {
    const { caseId, taskId } = await newTask(a, '材料');
    const ok = await a.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/documents`,
      payload: { filename: '证明.pdf', mimeType: 'application/pdf', contentBase64: PDF.toString('base64') },
    });
    expect(ok.statusCode).toBe(201);
    const fake = await a.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/documents`,
      payload: {
        filename: 'evil.pdf',
        mimeType: 'application/pdf',
        contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64'),
      },
    });
    expect(fake.statusCode).toBe(415);
    const exe = await a.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/documents`,
      payload: { filename: 'x.exe', mimeType: 'application/x-msdownload', contentBase64: 'TVqQ' },
    });
    expect(exe.statusCode).toBe(400);
    expect(
      (await a.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/comments`, payload: { body: '已核对原件' } })).statusCode,
    ).toBe(201);
    const record = (await a.request({ url: `/api/v1/cases/${caseId}` })).json<{
      documents: { id: string; sha256: string }[];
      comments: { body: string }[];
      steps: { key: string; state: string }[];
      timeline: { action: string }[];
    }>();
    expect(record.documents).toHaveLength(1);
    expect(record.comments.map((c) => c.body)).toEqual(['已核对原件']);
    expect(record.steps.find((s) => s.state === 'current')?.key).toBe('smoke.confirm');
    expect(record.timeline.map((e) => e.action)).toEqual(
      expect.arrayContaining(['case.opened', 'task.opened', 'document.attached', 'task.commented']),
    );
    const download = await a.request({ url: `/api/v1/documents/${record.documents[0]!.id}/content` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await county.request({ url: `/api/v1/documents/${record.documents[0]!.id}/content` })).statusCode).toBe(200); // supervising county
    const stranger = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: (await makeOrganization(h.db, 'COUNTY')).id, role: 'COUNTY_APPROVER' }])).username,
    );
    expect((await stranger.request({ url: `/api/v1/cases/${caseId}` })).statusCode).toBe(404);
  });

  it('completes several tasks of one kind in bulk', async () => {
    const t1 = await newTask(a, '批量1');
    const t2 = await newTask(a, '批量2');
    const res = await a.request({
      method: 'POST',
      url: '/api/v1/tasks/bulk',
      payload: { action: 'complete', taskIds: [t1.taskId, t2.taskId], payload: { decision: 'approve' } },
    });
    expect(res.json<{ results: { ok: boolean }[] }>().results.map((r) => r.ok)).toEqual([true, true]);
    expect(await h.db.case.count({ where: { id: { in: [t1.caseId, t2.caseId] }, status: 'COMPLETED' } })).toBe(2);
  });
});

/** The task clock on the statute's periods, run on Temporal's time-skipping test server (days pass in seconds). */
describe('human tasks: the task clock, on the time-skipping test server', () => {
  let h: TimeSkippingHarness;
  let townshipId: string;
  let countyId: string;
  let a: Session;
  let aId: string;
  let county: Session;

  beforeAll(async () => {
    h = await startTimeSkippingHarness();
    countyId = (await makeOrganization(h.db, 'COUNTY')).id;
    townshipId = (await makeOrganization(h.db, 'TOWNSHIP', countyId)).id;
    const ua = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
    const uc = await makeUser(h.db, [{ organizationId: countyId, role: 'COUNTY_APPROVER' }]);
    aId = ua.id;
    [a, county] = await Promise.all([signIn(h.api, ua.username), signIn(h.api, uc.username)]);
  });
  afterAll(async () => h?.close());

  /** A smoke case of the township: its one task is due in 3 working days, reminded a day before, escalated a day after. */
  function startSmokeCase(title: string, input: Record<string, unknown> = {}) {
    const caller = { userId: aId, membership: { organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' } } as unknown as Caller;
    return startCase({
      db: h.db,
      temporal: h.temporal,
      taskQueue: h.taskQueue,
      procedure: 'smoke',
      organizationId: townshipId,
      title,
      caller,
      requestId: 'test',
      ruleSetVersion: 'smoke-1',
      workflowArgs: (caseId): [SmokeProcedureInput] => [
        { caseId, organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL', ...input },
      ],
    });
  }

  it('reminds before the due date, warns at it, and escalates to the supervising organization after the grace period', async () => {
    const row = await startSmokeCase('限时办结');
    const opened = await h.db.task.findFirstOrThrow({ where: { caseId: row.id } });
    await skipDaysUntil(h, async () => !!(await h.db.task.findUniqueOrThrow({ where: { id: opened.id } })).escalatedAt, 10);
    const task = await h.db.task.findUniqueOrThrow({ where: { id: opened.id } });
    expect(task.remindedAt).not.toBeNull();
    expect(task.escalatedAt).not.toBeNull();
    expect(task.escalatedToOrgId).toBe(countyId);
    const actions = (await h.db.auditEvent.findMany({ where: { targetId: task.id }, orderBy: { seq: 'asc' } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['task.opened', 'task.reminder', 'task.due', 'task.escalated']);
    const countyBell = (await county.request({ url: '/api/v1/notifications' })).json<{
      items: { kind: string; taskId: string }[];
    }>();
    expect(countyBell.items.some((n) => n.kind === 'task.escalated' && n.taskId === task.id)).toBe(true);
    const red = (await a.request({ url: '/api/v1/tasks?view=unclaimed&q=限时办结' })).json<{ items: { warning: string }[] }>();
    expect(red.items[0]!.warning).toBe('red');
    // Completing stops the clock and still works.
    expect(
      (
        await a.request({
          method: 'POST',
          url: `/api/v1/tasks/${task.id}/complete`,
          payload: { payload: { decision: 'approve' } },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('keeps a task’s 3 working days when its start sends timing: nothing in a workflow’s input can shorten a period', async () => {
    // What tests used to pass (SmokeProcedureInput.timing): a new execution ignores it and runs the 3 working days.
    const row = await startSmokeCase('不可缩短', { timing: { dueInMs: 1500, remindBeforeMs: 1000, escalateAfterMs: 1000 } });
    const task = await h.db.task.findFirstOrThrow({ where: { caseId: row.id } });
    expect(task.dueAt!.getTime()).toBeGreaterThan((await h.now()).getTime() + 2 * 86_400_000);
    await h.skip('1 hour');
    await new Promise((r) => setTimeout(r, 1_000));
    const after = await h.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect([after.remindedAt, after.escalatedAt]).toEqual([null, null]);
  });
});
