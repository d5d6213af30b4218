import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, chinaDateOf } from '../domain/clock';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeProvinceToCounty, makeUser, signIn, type Session } from './support/factories';

type ErrorBody = {
  error: {
    code: string;
    message: { 'zh-CN': string; en: string };
    fields?: { path: string; code: string }[];
    details?: Record<string, unknown>;
  };
};

/**
 * Who decides (issue 17, items 1, 2, 4): a task is delegated and assigned only to a colleague who holds its role in
 * its organization, and the delegate's access ends with the task; an account with an administrator's password does
 * nothing until it is changed; a supervisor reads (never acts on) the open tasks of the subtree, and a resident has no
 * supervision view.
 */
describe('task access: delegation, must-change password, supervision', () => {
  let h: Harness;
  let countyId: string;
  let townshipId: string;
  let communityId: string;
  let approver: Session;
  let approverId: string;
  let approver2Id: string;
  let civilAffairsId: string;
  let civilAffairs: Session;
  let township: Session;
  let countySupervisor: Session;
  let resident: Session;
  let residentId: string;
  let rc: Session;
  let oc: Session;
  let adminName: string;

  beforeAll(async () => {
    h = await startHarness();
    const { province, county } = await makeProvinceToCounty(h.db);
    countyId = county.id;
    townshipId = (await makeOrganization(h.db, 'SUBDISTRICT', countyId)).id;
    communityId = (await makeOrganization(h.db, 'COMMUNITY', townshipId)).id;
    const committeeId = (await makeOrganization(h.db, 'OWNERS_COMMITTEE', communityId)).id;
    adminName = (await makeUser(h.db, [{ organizationId: province.id, role: 'SYSTEM_ADMIN' }])).username;
    const users = {
      approver: await makeUser(h.db, [{ organizationId: countyId, role: 'COUNTY_APPROVER' }]),
      approver2: await makeUser(h.db, [{ organizationId: countyId, role: 'COUNTY_APPROVER' }]),
      civilAffairs: await makeUser(h.db, [{ organizationId: countyId, role: 'COUNTY_CIVIL_AFFAIRS_REVIEWER' }]),
      township: await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]),
      countySupervisor: await makeUser(h.db, [{ organizationId: countyId, role: 'COUNTY_APPROVER' }]),
      resident: await makeUser(h.db, [{ organizationId: communityId, role: 'APPLICANT' }]),
      rc: await makeUser(h.db, [{ organizationId: communityId, role: 'RESIDENTS_COMMITTEE_OFFICIAL' }]),
      oc: await makeUser(h.db, [{ organizationId: committeeId, role: 'OWNERS_COMMITTEE_MEMBER' }]),
    };
    approverId = users.approver.id;
    approver2Id = users.approver2.id;
    civilAffairsId = users.civilAffairs.id;
    residentId = users.resident.id;
    const sign = (u: { username: string }) => signIn(h.api, u.username);
    [approver, civilAffairs, township, countySupervisor] = await Promise.all([
      sign(users.approver),
      sign(users.civilAffairs),
      sign(users.township),
      sign(users.countySupervisor),
    ]);
    [resident, rc, oc] = await Promise.all([sign(users.resident), sign(users.rc), sign(users.oc)]);
  });
  afterAll(async () => h?.close());

  /** A smoke case: one confirmation task offered to the starter's organization and role. */
  async function smokeTask(session: Session, title: string) {
    const res = await session.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title } });
    expect(res.statusCode).toBe(201);
    const caseId = res.json<{ id: string }>().id;
    return { caseId, taskId: (await h.db.task.findFirstOrThrow({ where: { caseId } })).id };
  }

  async function openTask(caseId: string, kind: string) {
    const until = Date.now() + 20_000;
    for (;;) {
      const task = await h.db.task.findFirst({ where: { caseId, kind, status: 'OPEN' } });
      if (task) return task;
      if (Date.now() > until) throw new Error(`no open ${kind} task for case ${caseId}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const post = (session: Session, url: string, payload?: unknown) =>
    session.request({ method: 'POST', url, payload: payload as never });
  const taskState = async (taskId: string) =>
    h.db.task.findUniqueOrThrow({ where: { id: taskId }, select: { assigneeId: true, delegatedById: true, status: true } });

  describe('delegation checks what assignment checks (organization and role)', () => {
    it("refuses to delegate the residents' committee's owners-meeting task to a resident of the community (400 not_a_colleague), changing nothing", async () => {
      const today = chinaDateOf(new Date());
      const registered = await oc.request({
        method: 'POST',
        url: '/api/v1/owners-meetings',
        payload: {
          meetingType: 'assembly',
          kind: 'regular',
          meetingDate: addDays(today, 15),
          place: '小区活动中心',
          noticeDate: today,
          items: [{ title: '续聘物业服务企业', matter: 'ordinary' }],
        },
      });
      expect(registered.statusCode).toBe(201);
      const caseId = registered.json<{ caseId: string }>().caseId;
      const task = await openTask(caseId, 'owners-meeting.opinion');
      expect(task).toMatchObject({ candidateOrgId: communityId, candidateRole: 'RESIDENTS_COMMITTEE_OFFICIAL' });
      expect((await post(rc, `/api/v1/tasks/${task.id}/claim`)).statusCode).toBe(200);
      const before = await taskState(task.id);

      const refused = await post(rc, `/api/v1/tasks/${task.id}/delegate`, { userId: residentId });
      expect(refused.statusCode).toBe(400);
      const body = refused.json<ErrorBody>();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.fields).toEqual([expect.objectContaining({ path: 'userId', code: 'not_a_colleague' })]);
      expect(await taskState(task.id)).toEqual(before);
      expect(await h.db.auditEvent.count({ where: { targetId: task.id, action: 'task.delegated' } })).toBe(0);
      // Assigning checks the same rule.
      expect((await post(rc, `/api/v1/tasks/${task.id}/assign`, { userId: residentId })).statusCode).toBe(400);
      // The resident neither acts on the task nor reads the case.
      expect((await post(resident, `/api/v1/tasks/${task.id}/complete`, { payload: { opinion: 'none' } })).statusCode).toBe(404);
      const read = await resident.request({ url: `/api/v1/cases/${caseId}` });
      expect({ status: read.statusCode, body: read.json<ErrorBody>().error.code }).toEqual({ status: 404, body: 'NOT_FOUND' });
    });

    it('refuses to delegate a COUNTY_APPROVER task to a civil-affairs member of the same county, who cannot complete it either', async () => {
      const { caseId, taskId } = await smokeTask(approver, '县级审批委托');
      expect((await post(approver, `/api/v1/tasks/${taskId}/claim`)).statusCode).toBe(200);
      const before = await taskState(taskId);
      const refused = await post(approver, `/api/v1/tasks/${taskId}/delegate`, { userId: civilAffairsId });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<ErrorBody>().error.fields?.[0]).toMatchObject({ path: 'userId', code: 'not_a_colleague' });
      expect(await taskState(taskId)).toEqual(before);
      // The county's civil-affairs member supervises the county's tasks (read-only), and cannot decide this one.
      const completed = await post(civilAffairs, `/api/v1/tasks/${taskId}/complete`, { payload: { decision: 'approve' } });
      expect(completed.statusCode).toBe(403);
      expect(completed.json<ErrorBody>().error.details).toMatchObject({ reason: 'supervision-read-only' });
      expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('OPEN');
      // A colleague holding the role is accepted.
      expect((await post(approver, `/api/v1/tasks/${taskId}/delegate`, { userId: approver2Id })).statusCode).toBe(200);
      expect(await taskState(taskId)).toMatchObject({ assigneeId: approver2Id, delegatedById: before.assigneeId });
    });

    it("refuses to let an assignee who does not hold the task's role decide it (an assignment made before the rule)", async () => {
      const { caseId, taskId } = await smokeTask(approver, '旧委托');
      // What the old delegate endpoint wrote: the task held by a civil-affairs member on an approver's behalf.
      await h.db.task.update({
        where: { id: taskId },
        data: { assigneeId: civilAffairsId, delegatedById: approverId, claimedAt: new Date() },
      });
      const refused = await post(civilAffairs, `/api/v1/tasks/${taskId}/complete`, { payload: { decision: 'approve' } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json<ErrorBody>().error.details).toMatchObject({ reason: 'not-eligible' });
      expect(await taskState(taskId)).toMatchObject({ status: 'OPEN', assigneeId: civilAffairsId });
      expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('OPEN');
    });

    it('ends the delegate’s access to the case when the delegated task is completed', async () => {
      // A township official who is also a resident of a community: eligible for the township's task.
      const delegate = await makeUser(h.db, [
        { organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' },
        { organizationId: communityId, role: 'APPLICANT' },
      ]);
      const d = await signIn(h.api, delegate.username);
      const me = (await d.request({ url: '/api/v1/me' })).json<{ memberships: { id: string; role: string }[] }>();
      const asOfficial = me.memberships.find((m) => m.role === 'TOWNSHIP_OFFICIAL')!.id;
      const asResident = me.memberships.find((m) => m.role === 'APPLICANT')!.id;
      const switchTo = async (membershipId: string) =>
        expect((await d.request({ method: 'PUT', url: '/api/v1/me/membership', payload: { membershipId } })).statusCode).toBe(
          204,
        );

      const { caseId, taskId } = await smokeTask(township, '委托办结后');
      expect((await post(township, `/api/v1/tasks/${taskId}/claim`)).statusCode).toBe(200);
      expect((await post(township, `/api/v1/tasks/${taskId}/delegate`, { userId: delegate.id })).statusCode).toBe(200);

      // While the task is open the delegate reads its case, whichever membership they act under …
      await switchTo(asResident);
      expect((await d.request({ url: `/api/v1/cases/${caseId}` })).statusCode).toBe(200);
      // … but decides only for the organization and role the task names.
      const wrongHat = await post(d, `/api/v1/tasks/${taskId}/complete`, { payload: { decision: 'approve' } });
      expect(wrongHat.statusCode).toBe(403);
      expect(wrongHat.json<ErrorBody>().error.details).toMatchObject({ reason: 'switch-membership' });
      await switchTo(asOfficial);
      expect((await post(d, `/api/v1/tasks/${taskId}/complete`, { payload: { decision: 'approve' } })).statusCode).toBe(200);

      // Done: as a resident the former delegate no longer reads the case, its documents or the task.
      await switchTo(asResident);
      expect((await d.request({ url: `/api/v1/cases/${caseId}` })).statusCode).toBe(404);
      expect((await d.request({ url: `/api/v1/tasks/${taskId}` })).statusCode).toBe(404);
      expect((await d.request({ url: '/api/v1/cases' })).json<{ id: string }[]>().map((c) => c.id)).not.toContain(caseId);
      // The delegator's organization keeps its record.
      expect((await township.request({ url: `/api/v1/cases/${caseId}` })).statusCode).toBe(200);
    });

    it("lists as eligible assignees only the task's organization's members holding its role, searchable, for those who may act on it", async () => {
      const disabled = await makeUser(h.db, [{ organizationId: countyId, role: 'COUNTY_APPROVER' }]);
      await h.db.user.update({ where: { id: disabled.id }, data: { disabled: true } });
      const { taskId } = await smokeTask(approver, '可选同事');
      const res = await approver.request({ url: `/api/v1/tasks/${taskId}/eligible-assignees` });
      expect(res.statusCode).toBe(200);
      const ids = res.json<{ id: string; displayName: string }[]>().map((u) => u.id);
      expect(ids).toContain(approver2Id);
      expect(ids).not.toContain(civilAffairsId);
      expect(ids).not.toContain(disabled.id);
      expect(ids).not.toContain(residentId);
      const name = (await h.db.user.findUniqueOrThrow({ where: { id: approver2Id } })).displayName;
      const searched = (
        await approver.request({ url: `/api/v1/tasks/${taskId}/eligible-assignees?q=${encodeURIComponent(name)}` })
      ).json<{ id: string }[]>();
      expect(searched.map((u) => u.id)).toEqual([approver2Id]);
      // Someone who cannot act on the task gets no list of its organization's members.
      expect((await civilAffairs.request({ url: `/api/v1/tasks/${taskId}/eligible-assignees` })).statusCode).toBe(403);
      expect((await resident.request({ url: `/api/v1/tasks/${taskId}/eligible-assignees` })).statusCode).toBe(404);
    });
  });

  describe('an account with a password set by an administrator must change it first', () => {
    async function refusedEverywhereButMeAndPassword(session: Session, password: string) {
      const me = await session.request({ url: '/api/v1/me' });
      expect(me.statusCode).toBe(200);
      expect(me.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
      const casesBefore = await h.db.case.count();
      for (const [method, url, payload] of [
        ['GET', '/api/v1/tasks', undefined],
        ['GET', '/api/v1/cases', undefined],
        ['GET', '/api/v1/notifications', undefined],
        ['POST', '/api/v1/smoke-cases', { title: '未改密码' }],
      ] as const) {
        const res = await session.request({ method, url, payload: payload });
        expect({ url, status: res.statusCode }).toEqual({ url, status: 403 });
        const body = res.json<ErrorBody>();
        expect(body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
        expect(body.error.message['zh-CN']).toMatch(/修改密码/);
        expect(body.error.message.en).toMatch(/password/i);
      }
      expect(await h.db.case.count()).toBe(casesBefore);
      const changed = await post(session, '/api/v1/me/password', {
        currentPassword: password,
        newPassword: `${password}-changed`,
      });
      expect(changed.statusCode).toBe(204);
      expect((await session.request({ url: '/api/v1/tasks' })).statusCode).toBe(200);
    }

    it('answers 403 PASSWORD_CHANGE_REQUIRED on every endpoint but GET /me, change-password and logout for an account an administrator created', async () => {
      const admin = await signIn(h.api, adminName);
      const created = await post(admin, '/api/v1/users', {
        username: 'must.change.new',
        displayName: '新开账户',
        password: 'issued-by-admin-1',
        memberships: [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }],
      });
      expect(created.statusCode).toBe(201);
      const session = await signIn(h.api, 'must.change.new', 'issued-by-admin-1');
      await refusedEverywhereButMeAndPassword(session, 'issued-by-admin-1');
    });

    it('answers 403 PASSWORD_CHANGE_REQUIRED after an administrator resets the password, and still lets the user sign out', async () => {
      const user = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
      const admin = await signIn(h.api, adminName);
      expect((await post(admin, `/api/v1/users/${user.id}/reset-password`, { newPassword: 'reset-by-admin-2' })).statusCode).toBe(
        204,
      );
      const first = await signIn(h.api, user.username, 'reset-by-admin-2');
      expect((await post(first, '/api/v1/auth/logout')).statusCode).toBe(204);
      const session = await signIn(h.api, user.username, 'reset-by-admin-2');
      await refusedEverywhereButMeAndPassword(session, 'reset-by-admin-2');
    });
  });

  describe('supervision (本单位及下级)', () => {
    it('lets a supervisor open any task of the subtree read-only: it can view it and its case, not claim, comment or complete it', async () => {
      const { caseId, taskId } = await smokeTask(township, '督办只读');
      const view = await countySupervisor.request({ url: `/api/v1/tasks/${taskId}` });
      expect(view.statusCode).toBe(200);
      expect(view.json<{ access: string }>().access).toBe('supervise');
      expect((await township.request({ url: `/api/v1/tasks/${taskId}` })).json<{ access: string }>().access).toBe('act');
      expect((await countySupervisor.request({ url: `/api/v1/cases/${caseId}` })).statusCode).toBe(200);
      for (const [path, payload] of [
        ['claim', undefined],
        ['complete', { payload: { decision: 'approve' } }],
        ['comments', { body: '督办意见' }],
      ] as const) {
        const res = await post(countySupervisor, `/api/v1/tasks/${taskId}/${path}`, payload);
        expect({ path, status: res.statusCode }).toEqual({ path, status: 403 });
        expect(res.json<ErrorBody>().error.details).toMatchObject({ reason: 'supervision-read-only' });
      }
      expect(await taskState(taskId)).toMatchObject({ status: 'OPEN', assigneeId: null });
      // Outside the subtree the task does not exist.
      const otherCounty = await makeOrganization(h.db, 'COUNTY');
      const stranger = await signIn(
        h.api,
        (await makeUser(h.db, [{ organizationId: otherCounty.id, role: 'COUNTY_APPROVER' }])).username,
      );
      expect((await stranger.request({ url: `/api/v1/tasks/${taskId}` })).statusCode).toBe(404);
    });

    it('counts only open tasks in the supervision view unless a status is asked for', async () => {
      const open = await smokeTask(township, '督办计数-未办');
      const done = await smokeTask(township, '督办计数-已办');
      expect(
        (await post(township, `/api/v1/tasks/${done.taskId}/complete`, { payload: { decision: 'approve' } })).statusCode,
      ).toBe(200);
      const listed = (
        await countySupervisor.request({ url: `/api/v1/tasks?view=organization&q=${encodeURIComponent('督办计数')}` })
      ).json<{ items: { id: string; status: string }[] }>();
      expect(listed.items.map((t) => t.id)).toEqual([open.taskId]);
      const completed = (
        await countySupervisor.request({
          url: `/api/v1/tasks?view=organization&status=COMPLETED&q=${encodeURIComponent('督办计数')}`,
        })
      ).json<{ items: { id: string }[] }>();
      expect(completed.items.map((t) => t.id)).toEqual([done.taskId]);
    });

    it("gives a resident no supervision view of the community's internal tasks (403)", async () => {
      await smokeTask(rc, '社区内部任务');
      const res = await resident.request({ url: '/api/v1/tasks?view=organization' });
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorBody>().error.details).toMatchObject({ reason: 'no-supervision-view' });
      // The residents' committee itself has it.
      expect((await rc.request({ url: '/api/v1/tasks?view=organization' })).statusCode).toBe(200);
    });
  });
});
