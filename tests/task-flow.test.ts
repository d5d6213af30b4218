import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sendBackTaskUpdate, takeBackTaskUpdate } from '../workflows/lib/messages';
import { updateWorkflow } from '../api/services/temporal/workflow-door';
import { AppError } from '../domain/errors';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { CONVERSION_APPLICATION as application } from './support/fixtures';
import { conversionCounty, conversionVillage, uploadEvidence } from './support/village-conversion';

/**
 * 退回 (send the file back to an earlier step the procedure declares) and 取回 (take back my completion while the next
 * step is untouched), on 村改居 against real Temporal and PostgreSQL: allowed and refused, by role and organization.
 */
describe('退回 and 取回 on a 村改居', () => {
  let h: Harness;
  let county: Awaited<ReturnType<typeof conversionCounty>>;
  /** A second official of the same township (same role, not the author of its completions). */
  let townColleague: Session;
  /** The official of another township of the same county (another organization, same role). */
  let otherTownship: Session;
  const villages = new Map<string, Session>();

  beforeAll(async () => {
    h = await startHarness();
    county = await conversionCounty(h, { county: '回流县', town: '回流镇' });
    townColleague = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: county.town.id, role: 'TOWNSHIP_OFFICIAL' }])).username,
    );
    const otherTown = await makeOrganization(h.db, 'TOWNSHIP', county.county.id, '邻镇');
    otherTownship = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: otherTown.id, role: 'TOWNSHIP_OFFICIAL' }])).username,
    );
  });
  afterAll(async () => h?.close());

  const openTask = (caseId: string, kind: string) => h.db.task.findFirstOrThrow({ where: { caseId, kind, status: 'OPEN' } });

  async function complete(session: Session, caseId: string, kind: string, payload: unknown) {
    const task = await openTask(caseId, kind);
    const res = await session.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/complete`, payload: { payload } });
    expect(res.statusCode).toBe(200);
    return task.id;
  }

  async function prepare(caseId: string) {
    const village = villages.get(caseId)!;
    const task = await openTask(caseId, 'vc.prepare');
    return complete(village, caseId, 'vc.prepare', {
      application,
      noticePosting: '村务公开栏',
      restructuringRecord: '回流改制〔2025〕3号',
      evidence: await uploadEvidence(village, task.id),
      votesAgainst: 200,
      abstentions: 50,
    });
  }

  const propose = (caseId: string) =>
    complete(county.township, caseId, 'vc.township-review', { decision: 'propose', opinion: '提出' });
  const forward = (caseId: string) =>
    complete(county.reviewer, caseId, 'vc.civil-affairs-review', { decision: 'forward', opinion: '转报' });

  async function start(name: string) {
    const { session } = await conversionVillage(h, county.town.id, name);
    const res = await session.request({
      method: 'POST',
      url: '/api/v1/village-conversions',
      payload: { title: `${name}村改居` },
    });
    expect(res.statusCode).toBe(201);
    const caseId = res.json<{ id: string }>().id;
    villages.set(caseId, session);
    return caseId;
  }

  const sendBack = (session: Session, taskId: string, body: unknown) =>
    session.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/send-back`, payload: body as object });
  const takeBack = (session: Session, taskId: string) =>
    session.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/take-back` });

  /** What a refusal must leave unchanged: the case's tasks, rule decisions and successful audit rows. */
  async function snapshot(caseId: string) {
    const [tasks, decisions, audits] = await Promise.all([
      h.db.task.findMany({ where: { caseId }, select: { id: true, status: true, assigneeId: true }, orderBy: { id: 'asc' } }),
      h.db.ruleDecision.count({ where: { caseId } }),
      h.db.auditEvent.count({ where: { caseId, outcome: 'success' } }),
    ]);
    return { tasks, decisions, audits };
  }

  it('the county returns the file to the village committee: VC-RETURN recorded, the village step reopens with the reason, later steps are redone', async () => {
    const caseId = await start('南回村');
    await prepare(caseId);
    await propose(caseId);
    await forward(caseId);
    const decision = await openTask(caseId, 'vc.county-decision');
    const view = await county.approver.request({ url: `/api/v1/tasks/${decision.id}` });
    expect(view.json<{ returnTargets: { key: string }[] }>().returnTargets.map((t) => t.key)).toEqual([
      'vc.prepare',
      'vc.township-review',
      'vc.civil-affairs-review',
    ]);

    const res = await sendBack(county.approver, decision.id, { toStep: 'vc.prepare', reason: '村民会议记录缺少签到表' });
    expect(res.statusCode).toBe(200);
    const reopened = await openTask(caseId, 'vc.prepare');
    expect(res.json()).toEqual({ openTaskId: reopened.id });
    expect(reopened.context).toMatchObject({
      returned: { from: 'vc.county-decision', reason: '村民会议记录缺少签到表', by: expect.any(String) },
    });
    const returned = await h.db.task.findUniqueOrThrow({ where: { id: decision.id } });
    expect(returned.status).toBe('COMPLETED');
    expect(returned.result).toEqual({ decision: 'return', returnTo: 'vc.prepare', opinion: '村民会议记录缺少签到表' });
    const rule = await h.db.ruleDecision.findFirstOrThrow({ where: { caseId, ruleId: 'VC-RETURN' } });
    expect(rule).toMatchObject({ taskId: decision.id, passed: true });
    expect(rule.citation).toContain('二(五)1');
    expect(rule.values).toEqual({ from: 'vc.county-decision', to: 'vc.prepare', reason: '村民会议记录缺少签到表' });
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { caseId, action: 'task.sent-back' } });
    expect(audit).toMatchObject({ targetId: decision.id, reason: '村民会议记录缺少签到表', outcome: 'success' });
    expect(await h.db.task.count({ where: { caseId, status: 'OPEN' } })).toBe(1);

    // The later steps are done again: the township proposes, the bureau forwards, the county approves.
    await prepare(caseId);
    await propose(caseId);
    await forward(caseId);
    await complete(county.approver, caseId, 'vc.county-decision', {
      decision: 'approve',
      documentNumber: '回政字〔2026〕1号',
      decisionText: '同意改设。',
      newCommittee: { name: '南回社区居民委员会', area: '原村域', households: 300 },
    });
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('COMPLETED');
    const record = (await county.approver.request({ url: `/api/v1/cases/${caseId}` })).json<{
      history: { step: string; decision: string | null; opinion: string | null; returnTo: { 'zh-CN': string } | null }[];
    }>();
    expect(record.history).toContainEqual(
      expect.objectContaining({
        step: 'vc.county-decision',
        decision: 'return',
        opinion: '村民会议记录缺少签到表',
        returnTo: expect.objectContaining({ 'zh-CN': '村委会准备申请' }),
      }),
    );
  });

  it('the township returns the file to the village committee (allowed); a return the statute does not declare is refused 422 and changes nothing', async () => {
    const caseId = await start('西回村');
    await prepare(caseId);
    const review = await openTask(caseId, 'vc.township-review');
    const before = await snapshot(caseId);
    // Forward steps and steps the declaration does not list from here.
    for (const toStep of ['vc.civil-affairs-review', 'vc.county-decision', 'vc.township-review', 'closed', 'nonsense']) {
      const res = await sendBack(county.township, review.id, { toStep, reason: '理由' });
      expect(res.statusCode).toBe(422);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('RETURN_NOT_ALLOWED');
    }
    // A reason is required.
    const bare = await sendBack(county.township, review.id, { toStep: 'vc.prepare', reason: '  ' });
    expect(bare.statusCode).toBe(400);
    expect(await snapshot(caseId)).toEqual(before);
    expect(await h.db.auditEvent.count({ where: { caseId, action: 'task.send-back', outcome: 'refused' } })).toBe(5);

    const ok = await sendBack(county.township, review.id, { toStep: 'vc.prepare', reason: '请补充劳动力统计原始台账' });
    expect(ok.statusCode).toBe(200);
    expect((await openTask(caseId, 'vc.prepare')).context).toMatchObject({ returned: { reason: '请补充劳动力统计原始台账' } });
  });

  it('refuses a return by the wrong organization or role (404/403) and on a closed case (409), changing nothing', async () => {
    const caseId = await start('北回村');
    await prepare(caseId);
    const review = await openTask(caseId, 'vc.township-review');
    const before = await snapshot(caseId);
    const body = { toStep: 'vc.prepare', reason: '退回' };
    expect((await sendBack(otherTownship, review.id, body)).statusCode).toBe(404);
    expect((await sendBack(county.reviewer, review.id, body)).statusCode).toBe(404);
    expect((await sendBack(villages.get(caseId)!, review.id, body)).statusCode).toBe(404);
    // The county supervises the township's task (read-only): it may not return it.
    expect((await sendBack(county.approver, review.id, body)).statusCode).toBe(403);
    // Claimed by a colleague: the holder decides.
    expect((await townColleague.request({ method: 'POST', url: `/api/v1/tasks/${review.id}/claim` })).statusCode).toBe(200);
    const held = await sendBack(county.township, review.id, body);
    expect(held.statusCode).toBe(409);
    expect(held.json<{ error: { code: string } }>().error.code).toBe('TASK_CLAIMED');
    expect((await townColleague.request({ method: 'POST', url: `/api/v1/tasks/${review.id}/unclaim` })).statusCode).toBe(200);
    const after = await snapshot(caseId);
    expect(after.tasks).toEqual(before.tasks);
    expect(after.decisions).toBe(before.decisions);

    // Withdrawn by the village: the case is closed, its task cancelled.
    const withdraw = await villages.get(caseId)!.request({
      method: 'POST',
      url: `/api/v1/village-conversions/${caseId}/withdraw`,
      payload: { reason: '暂缓' },
    });
    expect(withdraw.statusCode).toBe(200);
    const closed = await sendBack(county.township, review.id, body);
    expect(closed.statusCode).toBe(409);
    expect(closed.json<{ error: { code: string } }>().error.code).toBe('TASK_NOT_OPEN');
    expect(await h.db.ruleDecision.count({ where: { caseId, ruleId: 'VC-RETURN' } })).toBe(0);
  });

  it('the township takes back its proposal while the bureau has not claimed it: the review reopens for the same official', async () => {
    const caseId = await start('东取村');
    await prepare(caseId);
    const proposed = await propose(caseId);
    const civil = await openTask(caseId, 'vc.civil-affairs-review');
    const record = (await county.township.request({ url: `/api/v1/cases/${caseId}` })).json<{
      tasks: { id: string; canTakeBack: boolean }[];
    }>();
    expect(record.tasks.find((t) => t.id === proposed)?.canTakeBack).toBe(true);
    // Only its author: a colleague of the same township and role is refused (403), and nothing changes.
    const before = await snapshot(caseId);
    const other = await takeBack(townColleague, proposed);
    expect(other.statusCode).toBe(403);
    expect(other.json<{ error: { code: string } }>().error.code).toBe('TAKE_BACK_NOT_YOURS');
    expect((await takeBack(otherTownship, proposed)).statusCode).toBe(404);
    expect((await takeBack(county.reviewer, proposed)).statusCode).toBe(404);
    expect(await snapshot(caseId)).toEqual(before);

    const res = await takeBack(county.township, proposed);
    expect(res.statusCode).toBe(200);
    const reopened = await openTask(caseId, 'vc.township-review');
    expect(res.json()).toEqual({ openTaskId: reopened.id });
    expect(reopened.assigneeId).toBe(county.users.township.id);
    expect(reopened.context).toMatchObject({ takenBack: { taskId: proposed } });
    expect((await h.db.task.findUniqueOrThrow({ where: { id: civil.id } })).status).toBe('CANCELLED');
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { caseId, action: 'task.taken-back' } });
    expect(audit).toMatchObject({ targetId: proposed, actorId: county.users.township.id, outcome: 'success' });
    expect(audit.data).toMatchObject({ withdrawn: civil.id });
    expect(await h.db.task.count({ where: { caseId, status: 'OPEN' } })).toBe(1);
    // The case's steps: the township's review is current again; the bureau's step was never reached (not "stopped").
    const steps = (await county.township.request({ url: `/api/v1/cases/${caseId}` })).json<{
      steps: { key: string; state: string }[];
    }>().steps;
    expect(steps.find((s) => s.key === 'vc.township-review')?.state).toBe('current');
    expect(steps.find((s) => s.key === 'vc.civil-affairs-review')?.state).toBe('not-reached');

    // The township proposes again; the file goes on.
    await propose(caseId);
    await forward(caseId);
    const history = (await county.township.request({ url: `/api/v1/cases/${caseId}` })).json<{
      history: { step: string; decision: string | null }[];
    }>().history;
    expect(history.map((e) => `${e.step}:${e.decision}`)).toEqual([
      'vc.prepare:null',
      'vc.township-review:propose',
      'vc.township-review:take-back',
      'vc.township-review:propose',
      'vc.civil-affairs-review:forward',
    ]);
  });

  it('refuses a take-back once the next step is claimed or completed (409 TAKE_BACK_NOT_ALLOWED), and of a step never completed', async () => {
    const caseId = await start('西取村');
    await prepare(caseId);
    const proposed = await propose(caseId);
    const civil = await openTask(caseId, 'vc.civil-affairs-review');
    expect((await county.reviewer.request({ method: 'POST', url: `/api/v1/tasks/${civil.id}/claim` })).statusCode).toBe(200);
    const before = await snapshot(caseId);
    const claimed = await takeBack(county.township, proposed);
    expect(claimed.statusCode).toBe(409);
    expect(claimed.json<{ error: { code: string } }>().error.code).toBe('TAKE_BACK_NOT_ALLOWED');
    expect(await snapshot(caseId)).toEqual(before);
    const forwarded = await forward(caseId);
    expect((await takeBack(county.township, proposed)).statusCode).toBe(409);
    // The open county decision was never completed: nothing to take back.
    const open = await openTask(caseId, 'vc.county-decision');
    expect((await takeBack(county.approver, open.id)).statusCode).toBe(409);
    // The reviewer's forward is still untouched: that one may be taken back.
    expect((await takeBack(county.reviewer, forwarded)).statusCode).toBe(200);
    expect(await h.db.auditEvent.count({ where: { caseId, action: 'task.take-back', outcome: 'refused' } })).toBe(3);
  });

  it('declares both routes for the authorization matrix: tasks.act, scoped by the task', () => {
    const routes = h.api.routeCatalog.filter((r) => r.url.endsWith('/send-back') || r.url.endsWith('/take-back'));
    expect(routes.map((r) => `${r.method} ${r.url} ${r.permission}`).sort()).toEqual([
      'POST /api/v1/tasks/:taskId/send-back tasks.act',
      'POST /api/v1/tasks/:taskId/take-back tasks.act',
    ]);
  });

  describe('the workflow decides again (its Update validators and handler), whatever the API checked', () => {
    it('refuses a return its declaration does not allow, and a take-back by another official, before anything is recorded', async () => {
      const caseId = await start('校验村');
      await prepare(caseId);
      const review = await openTask(caseId, 'vc.township-review');
      const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
      const actor = { userId: county.users.township.id, organizationId: county.town.id, displayName: '乡镇' };
      const before = await snapshot(caseId);
      await expect(
        updateWorkflow({
          temporal: h.temporal,
          workflowId: row.workflowId,
          update: sendBackTaskUpdate,
          args: [{ taskId: review.id, actor, toStep: 'vc.county-decision', reason: '越级' }],
        }),
      ).rejects.toMatchObject({ code: 'RETURN_NOT_ALLOWED' });
      await expect(
        updateWorkflow({
          temporal: h.temporal,
          workflowId: row.workflowId,
          update: sendBackTaskUpdate,
          args: [{ taskId: review.id, actor, toStep: 'vc.prepare', reason: '' }],
        }),
      ).rejects.toBeInstanceOf(AppError);
      const prepared = (await h.db.task.findFirstOrThrow({ where: { caseId, kind: 'vc.prepare', status: 'COMPLETED' } })).id;
      await expect(
        updateWorkflow({
          temporal: h.temporal,
          workflowId: row.workflowId,
          update: takeBackTaskUpdate,
          args: [{ taskId: prepared, actor }],
        }),
      ).rejects.toMatchObject({ code: 'TAKE_BACK_NOT_YOURS' });
      expect(await snapshot(caseId)).toEqual(before);
    });

    it('a take-back that loses the race to a claim (the row claimed after the API looked) is refused by the handler; the task stays with its holder', async () => {
      const caseId = await start('竞态村');
      await prepare(caseId);
      const proposed = await propose(caseId);
      const civil = await openTask(caseId, 'vc.civil-affairs-review');
      await h.db.task.update({ where: { id: civil.id }, data: { assigneeId: county.users.reviewer.id, claimedAt: new Date() } });
      const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
      const actor = { userId: county.users.township.id, organizationId: county.town.id, displayName: '乡镇' };
      await expect(
        updateWorkflow({
          temporal: h.temporal,
          workflowId: row.workflowId,
          update: takeBackTaskUpdate,
          args: [{ taskId: proposed, actor }],
        }),
      ).rejects.toMatchObject({ code: 'TAKE_BACK_NOT_ALLOWED' });
      expect(await h.db.task.findUniqueOrThrow({ where: { id: civil.id } })).toMatchObject({
        status: 'OPEN',
        assigneeId: county.users.reviewer.id,
      });
      expect(await h.db.auditEvent.count({ where: { caseId, action: 'task.taken-back' } })).toBe(0);
      // The workflow still takes the bureau's completion.
      await forward(caseId);
      expect(await openTask(caseId, 'vc.county-decision')).toBeTruthy();
    });
  });
});
