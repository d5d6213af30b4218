import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, chinaDateOf } from '../domain/clock';
import { urgeTask } from '../api/services/oa/urge';
import type { Caller } from '../api/plugins/app/auth';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeProvinceToCounty, makeUser, signIn, type Session } from './support/factories';

type ErrorBody = { error: { code: string; message: { 'zh-CN': string; en: string }; details?: Record<string, unknown> } };

/**
 * Issue 20 items 1, 5, 6, 7: the office lists (已办, 我发起, 抄送我) and their counts; 催办 by the initiator or an
 * organization above, once per task, urger and China day; 督办 cards with the escalation and a supervisor's
 * reassignment; 传阅 in scope with read receipts; 常用意见 personal and organization-wide. Each role × organization,
 * with refusals audited.
 */
describe('office features: lists, 催办, 督办, 传阅, 常用意见', () => {
  let h: Harness;
  let countyId: string;
  let townshipId: string;
  let villageId: string;
  let otherCountyId: string;
  const users: Record<string, { id: string; session: Session }> = {};

  beforeAll(async () => {
    h = await startHarness();
    const { province, county } = await makeProvinceToCounty(h.db);
    countyId = county.id;
    townshipId = (await makeOrganization(h.db, 'TOWNSHIP', countyId)).id;
    villageId = (await makeOrganization(h.db, 'VILLAGE', townshipId)).id;
    const communityId = (await makeOrganization(h.db, 'COMMUNITY', townshipId)).id;
    otherCountyId = (await makeOrganization(h.db, 'COUNTY', (await makeOrganization(h.db, 'CITY', province.id)).id)).id;
    const otherProvince = await makeOrganization(h.db, 'PROVINCE');
    const specs: [string, string, Parameters<typeof makeUser>[1][number]['role']][] = [
      ['county', countyId, 'COUNTY_APPROVER'],
      ['t1', townshipId, 'TOWNSHIP_OFFICIAL'],
      ['t2', townshipId, 'TOWNSHIP_OFFICIAL'],
      ['village', villageId, 'VILLAGE_COMMITTEE_OFFICIAL'],
      ['outsider', otherCountyId, 'COUNTY_APPROVER'],
      ['resident', communityId, 'APPLICANT'],
      ['admin', province.id, 'SYSTEM_ADMIN'],
      ['foreignAdmin', otherProvince.id, 'SYSTEM_ADMIN'],
    ];
    for (const [name, org, role] of specs) {
      const u = await makeUser(h.db, [{ organizationId: org, role }]);
      users[name] = { id: u.id, session: await signIn(h.api, u.username) };
    }
  }, 60_000);
  afterAll(async () => h?.close());

  const s = (name: string) => users[name]!.session;

  async function newCase(session: Session, title: string) {
    const res = await session.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title } });
    expect(res.statusCode).toBe(201);
    const caseId = res.json<{ id: string }>().id;
    return { caseId, taskId: (await h.db.task.findFirstOrThrow({ where: { caseId } })).id };
  }

  async function refusals(action: string | undefined, requestId: string) {
    return h.db.auditEvent.findMany({ where: { requestId, outcome: 'refused', ...(action ? { action } : {}) } });
  }

  const counts = async (session: Session) =>
    (await session.request({ url: '/api/v1/task-counts' })).json<{
      mine: number;
      claimable: number;
      done: number;
      started: number;
      circulatedUnread: number;
    }>();

  it('lists 已办 with my opinion and 我发起 for me only, and counts them for the menu', async () => {
    const before = await counts(s('t1'));
    const { caseId, taskId } = await newCase(s('t1'), '已办列表');
    await s('t1').request({ method: 'POST', url: `/api/v1/tasks/${taskId}/claim` });
    const done = await s('t1').request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/complete`,
      payload: { payload: { decision: 'approve', comment: '材料齐全，同意。' } },
    });
    expect(done.statusCode).toBe(200);

    const mine = (await s('t1').request({ url: '/api/v1/worklists/done' })).json<
      { taskId: string; opinion: string; decision: string }[]
    >();
    expect(mine.find((d) => d.taskId === taskId)).toMatchObject({ opinion: '材料齐全，同意。', decision: 'approve' });
    const started = (await s('t1').request({ url: '/api/v1/worklists/started' })).json<{ caseId: string }[]>();
    expect(started.map((c) => c.caseId)).toContain(caseId);
    // Another official of the same organization did not complete it nor open the case.
    expect(
      (await s('t2').request({ url: '/api/v1/worklists/done' })).json<{ taskId: string }[]>().map((d) => d.taskId),
    ).not.toContain(taskId);
    expect(
      (await s('t2').request({ url: '/api/v1/worklists/started' })).json<{ caseId: string }[]>().map((c) => c.caseId),
    ).not.toContain(caseId);
    const after = await counts(s('t1'));
    expect(after.done).toBe(before.done + 1);
    expect(after.started).toBe(before.started + 1);
  }, 60_000);

  it('lets the initiator and an organization above urge an open task once per China day, notifies the holder, and refuses others (audited)', async () => {
    const { caseId, taskId } = await newCase(s('t1'), '催办测试');
    const urge = (name: string, reason = '请尽快办理。') =>
      s(name).request({ method: 'POST', url: `/api/v1/tasks/${taskId}/urge`, payload: { reason } });

    const byCounty = await urge('county', '已超期三天，请于今日办结。');
    expect(byCounty.statusCode).toBe(201);
    // Unclaimed: everyone holding the task's role in its organization is told.
    const notice = await h.db.notification.findFirstOrThrow({ where: { taskId, kind: 'task.urged' } });
    expect(notice).toMatchObject({ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL', userId: null });
    expect(await h.db.auditEvent.count({ where: { caseId, action: 'task.urged', outcome: 'success' } })).toBe(1);

    // The limit: one urge per task, urger and China day.
    const again = await urge('county');
    expect(again.statusCode).toBe(429);
    expect(again.json<ErrorBody>().error.code).toBe('URGE_LIMIT_REACHED');
    expect(again.json<ErrorBody>().error.message['zh-CN']).toContain('每天');
    expect(await h.db.taskUrge.count({ where: { taskId } })).toBe(1);
    expect(await refusals('POST /api/v1/tasks/:taskId/urge', again.headers['x-request-id'] as string)).toHaveLength(1);

    // The initiator urges too (their own limit).
    const byInitiator = await urge('t1');
    expect(byInitiator.statusCode).toBe(201);
    expect((await h.db.taskUrge.findFirstOrThrow({ where: { taskId, urgedById: users.t1!.id } })).capacity).toBe('initiator');

    // A colleague of the task's own organization is neither: 403, audited; below or outside: 404.
    const colleague = await urge('t2');
    expect(colleague.statusCode).toBe(403);
    expect(colleague.json<ErrorBody>().error.details?.reason).toBe('not-initiator-or-supervisor');
    expect(await refusals(undefined, colleague.headers['x-request-id'] as string)).toHaveLength(1);
    expect((await urge('village')).statusCode).toBe(404);
    expect((await urge('outsider')).statusCode).toBe(404);
    expect(
      (await s('county').request({ method: 'POST', url: `/api/v1/tasks/${taskId}/urge`, payload: { reason: '' } })).statusCode,
    ).toBe(400);
    expect(await h.db.taskUrge.count({ where: { taskId } })).toBe(2);

    // The next China day the county may urge again; a claimed task's holder is the one told.
    await s('t2').request({ method: 'POST', url: `/api/v1/tasks/${taskId}/claim` });
    const caller = (await s('county').request({ url: '/api/v1/me' })).json<{ membership: { id: string } }>();
    expect(caller.membership).toBeTruthy();
    const countyCaller: Caller = {
      userId: users.county!.id,
      username: 'county',
      displayName: '县审批人',
      sessionId: '',
      csrfToken: '',
      mustChangePassword: false,
      membership: {
        id: caller.membership.id,
        organizationId: countyId,
        organizationName: '县',
        organizationKind: 'COUNTY',
        organizationPath: (await h.db.organization.findUniqueOrThrow({ where: { id: countyId } })).path,
        role: 'COUNTY_APPROVER',
      },
      memberships: [],
    };
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    const next = await urgeTask({
      db: h.db,
      caller: countyCaller,
      taskId,
      reason: '次日再催。',
      requestId: 'urge-next-day',
      now: tomorrow,
    });
    expect(next.chinaDate).toBe(addDays(chinaDateOf(new Date()), 1));
    const second = await h.db.notification.findMany({ where: { taskId, kind: 'task.urged' }, orderBy: { createdAt: 'asc' } });
    expect(second.at(-1)).toMatchObject({ userId: users.t2!.id });

    // Closed tasks are not urged; the case record's 流转记录 shows each urge with who, which organization, why.
    const history = (await s('t1').request({ url: `/api/v1/cases/${caseId}` })).json<{
      history: { step: string; opinion: string; actorName: string; organizationName: string }[];
    }>().history;
    expect(history.filter((e) => e.step === 'urged').map((e) => e.opinion)).toEqual(
      expect.arrayContaining(['已超期三天，请于今日办结。', '请尽快办理。']),
    );
    const urges = (await s('t1').request({ url: `/api/v1/tasks/${taskId}/urges` })).json<{ capacity: string }[]>();
    expect(urges.map((u) => u.capacity).sort()).toEqual(['initiator', 'supervisor', 'supervisor']);
  }, 60_000);

  it('shows the county yellow and red cards of its subtree with the escalation, and lets it reassign when the holder is away', async () => {
    const yellow = await newCase(s('t1'), '黄牌任务');
    const red = await newCase(s('t1'), '红牌任务');
    const past = new Date(Date.now() - 3 * 24 * 3_600_000);
    const escalatedAt = new Date(Date.now() - 3_600_000);
    await h.db.task.update({ where: { id: yellow.taskId }, data: { dueAt: past } });
    await h.db.task.update({ where: { id: red.taskId }, data: { dueAt: past, escalatedAt, escalatedToOrgId: countyId } });

    const cards = (await s('county').request({ url: '/api/v1/supervision/cards' })).json<{
      items: { id: string; card: string; escalatedToOrgName: string | null; escalatedAt: string | null }[];
    }>();
    const byId = new Map(cards.items.map((c) => [c.id, c]));
    expect(byId.get(yellow.taskId)).toMatchObject({ card: 'yellow', escalatedAt: null });
    const county = await h.db.organization.findUniqueOrThrow({ where: { id: countyId } });
    expect(byId.get(red.taskId)).toMatchObject({
      card: 'red',
      escalatedToOrgName: county.name,
      escalatedAt: escalatedAt.toISOString(),
    });
    // Another county sees none of them; a resident has no supervision view.
    const foreign = (await s('outsider').request({ url: '/api/v1/supervision/cards' })).json<{ items: { id: string }[] }>();
    expect(foreign.items.map((c) => c.id)).not.toContain(red.taskId);
    expect((await s('resident').request({ url: '/api/v1/supervision/cards' })).statusCode).toBe(403);

    // The holder is away: the county reassigns to a colleague of the task's organization and role.
    await s('t2').request({ method: 'POST', url: `/api/v1/tasks/${red.taskId}/claim` });
    const reassign = (name: string, userId: string) =>
      s(name).request({
        method: 'POST',
        url: `/api/v1/tasks/${red.taskId}/reassign`,
        payload: { userId, reason: '原办理人休假。' },
      });
    const notEligible = await reassign('county', users.village!.id);
    expect(notEligible.statusCode).toBe(400);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: red.taskId } })).assigneeId).toBe(users.t2!.id);
    expect((await reassign('t1', users.t1!.id)).statusCode).toBe(400); // its own organization: use Assign
    expect((await reassign('outsider', users.t1!.id)).statusCode).toBe(404);
    expect((await reassign('resident', users.t1!.id)).statusCode).toBe(403);
    const ok = await reassign('county', users.t1!.id);
    expect(ok.statusCode).toBe(200);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: red.taskId } })).assigneeId).toBe(users.t1!.id);
    const row = await h.db.auditEvent.findFirstOrThrow({ where: { targetId: red.taskId, action: 'task.reassigned' } });
    expect(row.data).toMatchObject({ from: users.t2!.id, to: users.t1!.id, reason: '原办理人休假。' });
  }, 60_000);

  it('circulates a case in scope with a purpose; the recipient reads it from 抄送我 and the first opening is the receipt', async () => {
    const { caseId } = await newCase(s('t1'), '传阅测试');
    // Before: the village below cannot read the township's case.
    expect((await s('village').request({ url: `/api/v1/cases/${caseId}` })).statusCode).toBe(404);
    const circulate = (payload: object, name = 't1') =>
      s(name).request({ method: 'POST', url: `/api/v1/cases/${caseId}/circulations`, payload });

    const outOfScope = await circulate({ purpose: '请阅知。', userIds: [users.outsider!.id] });
    expect(outOfScope.statusCode).toBe(400);
    expect(await refusals(undefined, outOfScope.headers['x-request-id'] as string)).toHaveLength(1);
    expect((await circulate({ purpose: '请阅知。', organizationIds: [otherCountyId] })).statusCode).toBe(400);
    expect((await circulate({ purpose: '请阅知。' })).statusCode).toBe(400);
    expect((await circulate({ purpose: '请阅知。', userIds: [users.t2!.id] }, 'resident')).statusCode).toBe(403);
    expect((await circulate({ purpose: '请阅知。', userIds: [users.t2!.id] }, 'outsider')).statusCode).toBe(404);
    expect(await h.db.caseCirculation.count({ where: { caseId } })).toBe(0);

    const before = await counts(s('village'));
    const sent = await circulate({
      purpose: '请村委会阅知并做好准备。',
      userIds: [users.village!.id],
      organizationIds: [countyId],
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json<{ ids: string[] }>().ids).toHaveLength(2);
    expect(await h.db.notification.count({ where: { caseId, kind: 'case.circulated' } })).toBe(2);
    expect((await counts(s('village'))).circulatedUnread).toBe(before.circulatedUnread + 1);

    const inbox = (await s('village').request({ url: '/api/v1/worklists/circulated' })).json<
      { caseId: string; purpose: string; openedAt: string | null }[]
    >();
    expect(inbox.find((c) => c.caseId === caseId)).toMatchObject({ purpose: '请村委会阅知并做好准备。', openedAt: null });
    // The recipient may now read the case, and opening it records the receipt once.
    expect((await s('village').request({ url: `/api/v1/cases/${caseId}` })).statusCode).toBe(200);
    const first = await s('village').request({ method: 'POST', url: `/api/v1/cases/${caseId}/circulations/opened` });
    expect(first.json<{ recorded: number }>().recorded).toBe(1);
    const receipt = await h.db.circulationReceipt.findFirstOrThrow({ where: { userId: users.village!.id } });
    const repeat = await s('village').request({ method: 'POST', url: `/api/v1/cases/${caseId}/circulations/opened` });
    expect(repeat.json<{ recorded: number }>().recorded).toBe(0);
    expect((await h.db.circulationReceipt.findFirstOrThrow({ where: { userId: users.village!.id } })).firstOpenedAt).toEqual(
      receipt.firstOpenedAt,
    );
    expect((await counts(s('village'))).circulatedUnread).toBe(before.circulatedUnread);
    // Not addressed and not readable: 404.
    expect((await s('outsider').request({ method: 'POST', url: `/api/v1/cases/${caseId}/circulations/opened` })).statusCode).toBe(
      404,
    );

    // The sender sees who read it and when.
    const list = (await s('t1').request({ url: `/api/v1/cases/${caseId}/circulations` })).json<
      { recipient: { kind: string }; receipts: { reader: string; firstOpenedAt: string }[] }[]
    >();
    const toVillage = list.find((c) => c.recipient.kind === 'user')!;
    expect(toVillage.receipts).toHaveLength(1);
    expect(toVillage.receipts[0]!.firstOpenedAt).toBe(receipt.firstOpenedAt.toISOString());
    expect(list.find((c) => c.recipient.kind === 'organization')!.receipts).toHaveLength(0);
    expect(await h.db.auditEvent.count({ where: { caseId, action: 'case.circulated' } })).toBe(1);
    expect(await h.db.auditEvent.count({ where: { caseId, action: 'case.circulation-read' } })).toBe(1);
  }, 60_000);

  it('lets a colleague act on my tasks for a delegated period (China dates), audited as on my behalf, and not before or after', async () => {
    const { taskId } = await newCase(s('t1'), '期间委托');
    expect((await s('t1').request({ method: 'POST', url: `/api/v1/tasks/${taskId}/claim` })).statusCode).toBe(200);
    const today = chinaDateOf(new Date());
    const delegate = (payload: object, name = 't1') => s(name).request({ method: 'POST', url: '/api/v1/delegations', payload });

    // Refusals: the past, an end before the start, someone of another role, someone outside the scope.
    const base = { delegateId: users.t2!.id, startsOn: today, endsOn: addDays(today, 3), reason: '外出学习。' };
    expect((await delegate({ ...base, startsOn: addDays(today, -1) })).statusCode).toBe(400);
    expect((await delegate({ ...base, endsOn: addDays(today, -1) })).statusCode).toBe(400);
    expect((await delegate({ ...base, delegateId: users.village!.id })).statusCode).toBe(400);
    expect((await delegate({ ...base, delegateId: users.outsider!.id })).statusCode).toBe(404);
    // A future period gives nothing today.
    const later = await delegate({ ...base, startsOn: addDays(today, 1) });
    expect(later.statusCode).toBe(201);
    const before = await s('t2').request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/complete`,
      payload: { payload: { decision: 'approve' } },
    });
    expect(before.statusCode).toBe(409);
    expect(before.json<ErrorBody>().error.code).toBe('TASK_CLAIMED');

    const now = await delegate(base);
    expect(now.statusCode).toBe(201);
    // The delegate's own session picks the delegation up: the task is in their 待办 and they may complete it.
    const mine = (await s('t2').request({ url: '/api/v1/tasks?view=mine' })).json<{ items: { id: string }[] }>();
    expect(mine.items.map((t) => t.id)).toContain(taskId);
    const done = await s('t2').request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/complete`,
      payload: { payload: { decision: 'approve', comment: '代为办理。' } },
    });
    expect(done.statusCode).toBe(200);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: taskId } })).completedById).toBe(users.t2!.id);
    const row = await h.db.auditEvent.findFirstOrThrow({ where: { targetId: taskId, action: 'task.on-behalf' } });
    expect(row).toMatchObject({ actorId: users.t2!.id });
    expect(row.data).toMatchObject({ onBehalfOf: users.t1!.id, operation: 'complete' });

    // Revoked: the next task the delegator holds is theirs alone again.
    await s('t1').request({ method: 'DELETE', url: `/api/v1/delegations/${now.json<{ id: string }>().id}` });
    await s('t1').request({ method: 'DELETE', url: `/api/v1/delegations/${later.json<{ id: string }>().id}` });
    const next = await newCase(s('t1'), '委托撤销后');
    await s('t1').request({ method: 'POST', url: `/api/v1/tasks/${next.taskId}/claim` });
    const after = await s('t2').request({
      method: 'POST',
      url: `/api/v1/tasks/${next.taskId}/complete`,
      payload: { payload: { decision: 'approve' } },
    });
    expect(after.statusCode).toBe(409);
    expect(
      (await s('t2').request({ method: 'DELETE', url: `/api/v1/delegations/${now.json<{ id: string }>().id}` })).statusCode,
    ).toBe(404);
    const listed = (await s('t2').request({ url: '/api/v1/delegations' })).json<
      { direction: string; revokedAt: string | null }[]
    >();
    expect(listed.filter((d) => d.direction === 'received').every((d) => d.revokedAt !== null)).toBe(true);
  }, 60_000);

  it('keeps personal phrases to their owner and organization-wide phrases to the organization administrator', async () => {
    const add = (name: string, payload: object) => s(name).request({ method: 'POST', url: '/api/v1/opinion-phrases', payload });
    const personal = await add('t1', { text: '同意，请按程序办理。' });
    expect(personal.statusCode).toBe(201);
    const personalId = personal.json<{ id: string }>().id;
    const seenBy = async (name: string) =>
      (await s(name).request({ url: '/api/v1/opinion-phrases' })).json<
        { id: string; text: string; scope: string; editable: boolean }[]
      >();
    expect((await seenBy('t1')).map((p) => p.id)).toContain(personalId);
    expect((await seenBy('t2')).map((p) => p.id)).not.toContain(personalId);
    const foreignEdit = await s('t2').request({
      method: 'PATCH',
      url: `/api/v1/opinion-phrases/${personalId}`,
      payload: { text: '改' },
    });
    expect(foreignEdit.statusCode).toBe(404);
    expect(await refusals(undefined, foreignEdit.headers['x-request-id'] as string)).toHaveLength(1);

    // Only the administrator keeps the organization's phrases.
    const notAdmin = await add('t1', { text: '单位意见', scope: 'organization' });
    expect(notAdmin.statusCode).toBe(403);
    expect(await refusals(undefined, notAdmin.headers['x-request-id'] as string)).toHaveLength(1);
    expect((await add('foreignAdmin', { text: '外省', scope: 'organization', organizationId: townshipId })).statusCode).toBe(404);
    const orgPhrase = await add('admin', { text: '经审核，材料齐全。', scope: 'organization', organizationId: townshipId });
    expect(orgPhrase.statusCode).toBe(201);
    const orgId = orgPhrase.json<{ id: string }>().id;
    for (const name of ['t1', 't2']) {
      expect((await seenBy(name)).find((p) => p.id === orgId)).toMatchObject({ scope: 'organization', editable: false });
    }
    expect((await seenBy('county')).map((p) => p.id)).not.toContain(orgId);
    expect((await s('t1').request({ method: 'DELETE', url: `/api/v1/opinion-phrases/${orgId}` })).statusCode).toBe(403);
    expect(
      (
        await s('admin').request({
          method: 'PATCH',
          url: `/api/v1/opinion-phrases/${orgId}`,
          payload: { text: '经审核，同意。' },
        })
      ).json<{
        text: string;
      }>().text,
    ).toBe('经审核，同意。');
    expect((await s('t1').request({ method: 'DELETE', url: `/api/v1/opinion-phrases/${personalId}` })).statusCode).toBe(204);
    expect((await s('admin').request({ method: 'DELETE', url: `/api/v1/opinion-phrases/${orgId}` })).statusCode).toBe(204);
    expect(await h.db.opinionPhrase.count({ where: { id: { in: [personalId, orgId] } } })).toBe(0);
    expect(await h.db.auditEvent.count({ where: { targetType: 'opinion-phrase', targetId: orgId, outcome: 'success' } })).toBe(3);
  }, 60_000);
});
