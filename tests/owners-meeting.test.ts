import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '../api/plugins/app/auth';
import { registerOwnersMeeting } from '../api/services/owners-meeting/register-meeting';
import { addDays, chinaDateOf, endOfDayInChina } from '../domain/clock';
import type { RegisterOwnersMeeting } from '../domain/forms/owners-meeting';
import type { RuleResult } from '../domain/rules/rule';
import type { OwnersMeetingView } from '../api/schemas/owners-meeting';
import { expectRuleDetailsInEnglish } from './support/rule-details';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { openTaskOf } from './support/wait';
import { VOTE_CHECK_EXAMPLE } from '../api/schemas/owners-meeting';

/**
 * The owners' meeting procedure (issue 8, domain §4) against real Temporal and PostgreSQL: an owners' committee
 * registers a meeting, the residents' committee is informed and gives (or does not give) its opinion, the votes
 * decide which items passed, the decisions are reported and posted, and the sub-district office supervises.
 */
describe('owners meeting procedure', () => {
  let h: Harness;
  let oc: Session;
  let rc: Session;
  let subdistrict: Session;
  let stranger: Session;
  let ocCaller: Caller;
  let ocId: string;
  let communityId: string;
  const today = chinaDateOf(new Date());

  beforeAll(async () => {
    h = await startHarness();
    const county = await makeOrganization(h.db, 'COUNTY');
    const street = await makeOrganization(h.db, 'SUBDISTRICT', county.id, '测试街道');
    const community = await makeOrganization(h.db, 'COMMUNITY', street.id, '测试社区');
    const committee = await makeOrganization(h.db, 'OWNERS_COMMITTEE', community.id, '测试花园业主委员会');
    const otherStreet = await makeOrganization(h.db, 'SUBDISTRICT', county.id, '另一街道');
    [ocId, communityId] = [committee.id, community.id];
    const member = await makeUser(h.db, [{ organizationId: committee.id, role: 'OWNERS_COMMITTEE_MEMBER' }]);
    const official = await makeUser(h.db, [{ organizationId: community.id, role: 'RESIDENTS_COMMITTEE_OFFICIAL' }]);
    const supervisor = await makeUser(h.db, [{ organizationId: street.id, role: 'TOWNSHIP_OFFICIAL' }]);
    const outsider = await makeUser(h.db, [{ organizationId: otherStreet.id, role: 'TOWNSHIP_OFFICIAL' }]);
    [oc, rc, subdistrict, stranger] = await Promise.all([
      signIn(h.api, member.username),
      signIn(h.api, official.username),
      signIn(h.api, supervisor.username),
      signIn(h.api, outsider.username),
    ]);
    ocCaller = {
      userId: member.id,
      displayName: member.displayName,
      membership: {
        organizationId: committee.id,
        organizationKind: 'OWNERS_COMMITTEE',
        role: 'OWNERS_COMMITTEE_MEMBER',
        organizationPath: committee.path,
      },
    } as unknown as Caller;
  });
  afterAll(async () => h?.close());

  const assembly = (overrides: Partial<RegisterOwnersMeeting> = {}): RegisterOwnersMeeting => ({
    meetingType: 'assembly',
    kind: 'regular',
    meetingDate: addDays(today, 15),
    place: '小区活动中心',
    noticeDate: today,
    items: [
      { title: '续聘物业服务企业', matter: 'ordinary' },
      { title: '筹集专项维修资金', matter: 'special' },
    ],
    ...overrides,
  });
  const committeeMeeting = (overrides: Partial<RegisterOwnersMeeting> = {}): RegisterOwnersMeeting => ({
    meetingType: 'committee',
    kind: 'interim',
    meetingDate: addDays(today, 3),
    place: '业委会办公室',
    noticeDate: today,
    items: [{ title: '更换小区门禁系统', matter: 'ordinary' }],
    ...overrides,
  });

  /** Registers through the service, so a test can make the residents' committee's deadlines seconds away. */
  async function registerWithDeadlines(
    body: RegisterOwnersMeeting,
    deadlines: { opinionDeadline?: string; suggestionDeadline?: string; votesOpenAt?: string; registeredOn?: string },
  ) {
    return registerOwnersMeeting({
      db: h.db,
      temporal: h.temporal,
      taskQueue: h.taskQueue,
      caller: ocCaller,
      body,
      requestId: 'test',
      ...deadlines,
    });
  }

  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

  const openTask = (caseId: string, kind: string, timeoutMs = 20_000) => openTaskOf(h.db, caseId, kind, timeoutMs);

  /** The task of a kind, whatever its status (a task may open and close at once when its deadline has passed). */
  async function taskOf(caseId: string, kind: string, timeoutMs = 20_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const task = await h.db.task.findFirst({ where: { caseId, kind } });
      if (task) return task;
      if (Date.now() > until) throw new Error(`no ${kind} task for case ${caseId}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function closed(caseId: string, timeoutMs = 20_000) {
    const until = Date.now() + timeoutMs;
    while ((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).status === 'OPEN' && Date.now() < until)
      await new Promise((r) => setTimeout(r, 200));
  }

  async function complete(session: Session, taskId: string, payload: unknown) {
    return session.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/complete`, payload: { payload } });
  }

  async function decisions(caseId: string) {
    const rows = await h.db.ruleDecision.findMany({ where: { caseId }, orderBy: { decidedAt: 'asc' } });
    return rows.map((r) => `${r.ruleId}:${String(r.passed)}`);
  }

  async function caseData(caseId: string) {
    return (await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).data as Record<string, Record<string, unknown>>;
  }

  it('runs an assembly with timely notice: informed, opinion given, a special and an ordinary item voted exactly, decisions reported and posted', async () => {
    // A meeting already held: registered 20 days ago (as of that day), held 5 days ago, so results can be recorded.
    const registeredOn = addDays(today, -20);
    const meetingDate = addDays(today, -5);
    const opinionDeadline = inSeconds(300);
    const row = await registerWithDeadlines(assembly({ noticeDate: registeredOn, meetingDate }), {
      registeredOn,
      opinionDeadline,
    });
    const meeting = (await oc.request({ url: `/api/v1/owners-meetings/${row.id}` })).json<OwnersMeetingView>();
    expect(meeting).toMatchObject({
      meetingType: 'assembly',
      status: 'OPEN',
      notice: { passed: true, daysBefore: 15 },
      opinion: { status: 'pending' },
      community: { id: communityId },
    });
    expect(meeting.number).toMatch(/^OM-\d{4}-\d{6}$/);
    expect(meeting.opinion.deadline).toBe(opinionDeadline);

    // OM-INFORM: the residents' committee has a notification and the opinion task, due before the meeting.
    const opinionTask = await openTask(meeting.caseId, 'owners-meeting.opinion');
    expect(opinionTask).toMatchObject({
      candidateOrgId: communityId,
      candidateRole: 'RESIDENTS_COMMITTEE_OFFICIAL',
      formId: 'owners-meeting.opinion',
    });
    expect(opinionTask.dueAt?.toISOString()).toBe(meeting.opinion.deadline);
    const bell = (await rc.request({ url: '/api/v1/notifications' })).json<{
      items: { kind: string; caseId: string | null }[];
    }>();
    expect(bell.items.some((n) => n.kind === 'owners-meeting.informed' && n.caseId === meeting.caseId)).toBe(true);

    // OM-OPINION: the opinion reaches the owners' committee before the meeting.
    expect((await complete(rc, opinionTask.id, { opinion: '建议会前公示维修资金筹集方案。' })).statusCode).toBe(200);
    const votesTask = await openTask(meeting.caseId, 'owners-meeting.votes');
    expect(votesTask).toMatchObject({ candidateOrgId: ocId, formId: 'owners-meeting.assembly-votes' });
    expect((votesTask.context as Record<string, unknown>).opinion).toBe('given');
    const seen = (await oc.request({ url: `/api/v1/owners-meetings/${meeting.caseId}` })).json<OwnersMeetingView>();
    expect(seen.opinion).toMatchObject({ status: 'given', text: '建议会前公示维修资金筹集方案。' });
    const ocBell = (await oc.request({ url: '/api/v1/notifications' })).json<{
      items: { kind: string; caseId: string | null }[];
    }>();
    expect(ocBell.items.some((n) => n.kind === 'owners-meeting.opinion' && n.caseId === meeting.caseId)).toBe(true);

    // One vote per agenda item, within the participation.
    const wrongCount = await complete(oc, votesTask.id, {
      totalArea: 12000.5,
      totalOwners: 120,
      participatingArea: 8000.34,
      participatingOwners: 80,
      votes: [{ areaFor: 1, ownersFor: 1 }],
    });
    expect(wrongCount.statusCode).toBe(400);
    expect(wrongCount.json<{ error: { fields: { path: string; code: string }[] } }>().error.fields).toEqual([
      expect.objectContaining({ path: 'payload.votes', code: 'agenda_mismatch' }),
    ]);
    const tooMany = await complete(oc, votesTask.id, {
      totalArea: 12000.5,
      totalOwners: 120,
      participatingArea: 8000.34,
      participatingOwners: 80,
      votes: [
        { areaFor: 8000.35, ownersFor: 41 },
        { areaFor: 1.234, ownersFor: 60 },
      ],
    });
    expect(tooMany.statusCode).toBe(400);
    expect(
      tooMany
        .json<{ error: { fields: { path: string }[] } }>()
        .error.fields.map((f) => f.path)
        .sort(),
    ).toEqual(['payload.votes.0.areaFor', 'payload.votes.1.areaFor']);

    // Turnout 8000.34 of 12000.50 m² and 80 of 120 owners is two thirds or more; the ordinary item passes with
    // 4000.18 m² (> half of 8000.34) and 41 owners; the special item falls 0.01 m² short of three quarters (6000.255).
    const votes = await complete(oc, votesTask.id, {
      totalArea: 12000.5,
      totalOwners: 120,
      participatingArea: 8000.34,
      participatingOwners: 80,
      votes: [
        { areaFor: 4000.18, ownersFor: 41 },
        { areaFor: 6000.25, ownersFor: 60 },
      ],
    });
    expect(votes.statusCode).toBe(200);

    // OM-REPORT to the residents' committee and the posting by the owners' committee run side by side.
    const [reportTask, postTask] = await Promise.all([
      openTask(meeting.caseId, 'owners-meeting.report'),
      openTask(meeting.caseId, 'owners-meeting.post'),
    ]);
    expect(reportTask.candidateOrgId).toBe(communityId);
    expect((reportTask.context as { decisions: unknown }).decisions).toEqual([
      { title: '续聘物业服务企业', matter: 'ordinary', passed: true },
      { title: '筹集专项维修资金', matter: 'special', passed: false },
    ]);
    expect(postTask.dueAt).toBeNull(); // no statutory period for posting assembly decisions
    const early = await complete(oc, postTask.id, { postedOn: addDays(meetingDate, -1), place: '小区公告栏' });
    expect(early.statusCode).toBe(400);
    expect(early.json<{ error: { fields: { path: string; code: string }[] } }>().error.fields[0]).toMatchObject({
      path: 'payload.postedOn',
      code: 'before_meeting',
    });
    expect((await complete(rc, reportTask.id, { suggestions: '请做好续聘合同公示。' })).statusCode).toBe(200);
    const posted = await complete(oc, postTask.id, { postedOn: today, place: '小区公告栏' });
    expect(posted.json()).toEqual({ taskId: postTask.id, caseStatus: 'closed' });

    expect(await decisions(meeting.caseId)).toEqual(
      expect.arrayContaining([
        'OM-NOTICE:true',
        'OM-INFORM:true',
        'OM-OPINION:true',
        'OM-TURNOUT:true',
        'OM-ORDINARY:true',
        'OM-SPECIAL:false',
        'OM-REPORT:true',
      ]),
    );
    const special = await h.db.ruleDecision.findFirstOrThrow({ where: { caseId: meeting.caseId, ruleId: 'OM-SPECIAL' } });
    expect(special.values).toMatchObject({
      areaFor: '6000.25',
      participatingArea: '8000.34',
      ownersFor: 60,
      participatingOwners: 80,
      areaMet: false,
      ownersMet: true,
    });
    const done = (await subdistrict.request({ url: `/api/v1/owners-meetings/${meeting.caseId}` })).json<OwnersMeetingView>();
    expect(done).toMatchObject({
      status: 'COMPLETED',
      votes: { quorum: true },
      items: [
        { title: '续聘物业服务企业', passed: true },
        { title: '筹集专项维修资金', passed: false },
      ],
      report: { status: 'given', suggestions: '请做好续聘合同公示。' },
      posting: { status: 'posted', postedOn: today, onTime: null },
      attention: [],
    });
    const actions = (await h.db.auditEvent.findMany({ where: { caseId: meeting.caseId }, orderBy: { seq: 'asc' } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'case.opened',
        'owners-meeting.informed',
        'owners-meeting.opinion-given',
        'owners-meeting.votes-recorded',
        'owners-meeting.posted',
        'case.closed',
      ]),
    );
  });

  it('opens the votes (results) task at the start of the meeting day in China, not when the opinion is given (durable timer)', async () => {
    // Default: the meeting is 15 days away, so after the opinion the procedure waits for the meeting day.
    const res = await oc.request({ method: 'POST', url: '/api/v1/owners-meetings', payload: assembly({ place: '会议日测试' }) });
    expect(res.statusCode).toBe(201);
    const waiting = res.json<OwnersMeetingView>();
    expect((await caseData(waiting.caseId)).votesOpenAt).toBe(new Date(`${addDays(today, 15)}T00:00:00+08:00`).toISOString());
    const opinionTask = await openTask(waiting.caseId, 'owners-meeting.opinion');
    expect((await complete(rc, opinionTask.id, { opinion: '无异议' })).statusCode).toBe(200);
    for (let i = 0; i < 40 && (await caseData(waiting.caseId)).opinion?.status !== 'given'; i += 1)
      await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await h.db.task.count({ where: { caseId: waiting.caseId, kind: 'owners-meeting.votes' } })).toBe(0);

    // The timer fires at the instant given (tests pass a near one): then, and only then, the votes task opens.
    const opensAt = inSeconds(6);
    const row = await registerWithDeadlines(assembly({ place: '会议日计时测试' }), { votesOpenAt: opensAt });
    const opinion = await openTask(row.id, 'owners-meeting.opinion');
    expect((await complete(rc, opinion.id, { opinion: '同意召开' })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await h.db.task.count({ where: { caseId: row.id, kind: 'owners-meeting.votes' } })).toBe(0);
    const votes = await openTask(row.id, 'owners-meeting.votes', 30_000);
    expect(votes.createdAt.getTime()).toBeGreaterThanOrEqual(new Date(opensAt).getTime());
  });

  it('refuses a posting date after today (China date) with 400 after_today and keeps the posting task open', async () => {
    const registeredOn = addDays(today, -20);
    const meetingDate = addDays(today, -5);
    const row = await registerWithDeadlines(committeeMeeting({ place: '公告日期测试', noticeDate: registeredOn, meetingDate }), {
      registeredOn,
      opinionDeadline: inSeconds(300),
    });
    const opinionTask = await openTask(row.id, 'owners-meeting.opinion');
    expect((await complete(rc, opinionTask.id, { opinion: '同意' })).statusCode).toBe(200);
    const votesTask = await openTask(row.id, 'owners-meeting.votes');
    expect(
      (await complete(oc, votesTask.id, { committeeMembers: 9, membersPresent: 7, votes: [{ membersFor: 5 }] })).statusCode,
    ).toBe(200);
    const postTask = await openTask(row.id, 'owners-meeting.post');
    const future = await complete(oc, postTask.id, { postedOn: addDays(today, 1), place: '小区公告栏' });
    expect(future.statusCode).toBe(400);
    const error = future.json<{ error: { fields: { path: string; code: string; message: Record<string, string> }[] } }>().error;
    expect(error.fields).toEqual([expect.objectContaining({ path: 'payload.postedOn', code: 'after_today' })]);
    expect(error.fields[0]!.message['zh-CN']).toContain('不能晚于今天');
    expect(error.fields[0]!.message.en).toContain('after today');
    expect((await h.db.task.findUniqueOrThrow({ where: { id: postTask.id } })).status).toBe('OPEN');
    expect((await caseData(row.id)).posting).toBeUndefined();
    expect((await complete(oc, postTask.id, { postedOn: today, place: '小区公告栏' })).statusCode).toBe(200);
  });

  it('counts the residents committee opinion period from when the system informs it: an informing date declared in the past cannot run it out before it is told (OM-INFORM)', async () => {
    const before = await h.db.case.count();
    const res = await oc.request({
      method: 'POST',
      url: '/api/v1/owners-meetings',
      payload: committeeMeeting({
        place: '补登记测试',
        noticeDate: addDays(today, -3),
        residentsCommitteeInformedDate: addDays(today, -3),
        meetingDate: addDays(today, 1),
      }),
    });
    // Told only now, the residents' committee's last day for its opinion (the day before yesterday) has passed.
    expect(res.statusCode).toBe(422);
    const error = res.json<{ error: { code: string; details: { rules: RuleResult[]; earliestMeetingDate: string } } }>().error;
    expect(error.code).toBe('RULE_FAILED');
    expect(error.details.rules.find((r) => r.id === 'OM-INFORM')).toMatchObject({
      passed: false,
      values: { informedDate: addDays(today, -3), systemInformedDate: today, informedInTime: false },
    });
    expect(error.details.earliestMeetingDate).toBe(addDays(today, 2));
    expect(await h.db.case.count()).toBe(before);
  });

  it('refuses a late notice (14 days) with 422 RULE_FAILED, the rules and the earliest valid meeting date, and shows it to the sub-district office', async () => {
    const before = await h.db.case.count();
    const res = await oc.request({
      method: 'POST',
      url: '/api/v1/owners-meetings',
      payload: assembly({ meetingDate: addDays(today, 14) }),
    });
    expect(res.statusCode).toBe(422);
    const error = res.json<{ error: { code: string; details: { rules: RuleResult[]; earliestMeetingDate: string } } }>().error;
    expect(error.code).toBe('RULE_FAILED');
    expect(error.details.earliestMeetingDate).toBe(addDays(today, 15));
    expect(error.details.rules.find((r) => r.id === 'OM-NOTICE')).toMatchObject({
      passed: false,
      citation: '《物业管理条例》第十四条',
      values: { daysBefore: 14 },
    });
    expect(await h.db.case.count()).toBe(before);

    const list = (await subdistrict.request({ url: '/api/v1/owners-meetings' })).json<{
      refusedNotices: { meetingDate: string; earliestMeetingDate: string; failedRules: string[] }[];
    }>();
    expect(list.refusedNotices).toContainEqual(
      expect.objectContaining({
        meetingDate: addDays(today, 14),
        earliestMeetingDate: addDays(today, 15),
        failedRules: ['OM-NOTICE'],
      }),
    );
  });

  it('refuses owners notified before the residents committee (not "at the same time") and suggests re-notifying both', async () => {
    const res = await oc.request({
      method: 'POST',
      url: '/api/v1/owners-meetings',
      payload: assembly({ noticeDate: addDays(today, -1), meetingDate: addDays(today, 20) }),
    });
    expect(res.statusCode).toBe(422);
    const error = res.json<{ error: { details: { rules: RuleResult[]; earliestMeetingDate: string } } }>().error;
    expect(error.details.rules.map((r) => `${r.id}:${String(r.passed)}`)).toEqual(['OM-NOTICE:true', 'OM-INFORM:false']);
    expect(error.details.earliestMeetingDate).toBe(addDays(today, 15));
  });

  it('records "none given by the deadline" when the residents committee is silent, never consent, and flags it for the sub-district office', async () => {
    const row = await registerWithDeadlines(assembly({ place: '无意见测试' }), {
      opinionDeadline: inSeconds(3),
      votesOpenAt: inSeconds(0),
    });
    const opinionTask = await taskOf(row.id, 'owners-meeting.opinion');
    const votesTask = await openTask(row.id, 'owners-meeting.votes');
    expect((votesTask.context as Record<string, unknown>).opinion).toBe('none-by-deadline');
    expect((await h.db.task.findUniqueOrThrow({ where: { id: opinionTask.id } })).status).toBe('CANCELLED');
    const taskEvents = (await h.db.auditEvent.findMany({ where: { targetId: opinionTask.id }, orderBy: { seq: 'asc' } })).map(
      (e) => e.action,
    );
    expect(taskEvents).toEqual(['task.opened', 'task.cancelled']);

    const late = await complete(rc, opinionTask.id, { opinion: '迟到的意见' });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { code: string } }>().error.code).toBe('TASK_NOT_OPEN');

    expect((await caseData(row.id)).opinion).toMatchObject({ status: 'none-by-deadline' });
    const rule = await h.db.ruleDecision.findFirstOrThrow({ where: { caseId: row.id, ruleId: 'OM-OPINION' } });
    expect(rule.passed).toBe(false);
    expect(rule.detail).toMatchObject({ 'zh-CN': expect.stringContaining('不视为同意') });
    const missing = await h.db.auditEvent.findFirstOrThrow({
      where: { caseId: row.id, action: 'owners-meeting.opinion-missing' },
    });
    expect(missing.reason).toBe('none-given-by-deadline');

    const list = (await subdistrict.request({ url: '/api/v1/owners-meetings?opinion=none-by-deadline' })).json<{
      meetings: OwnersMeetingView[];
    }>();
    expect(list.meetings.map((m) => m.caseId)).toContain(row.id);
    expect(list.meetings.find((m) => m.caseId === row.id)!.attention).toEqual(['opinion-missing']);
    const flagged = (await subdistrict.request({ url: '/api/v1/owners-meetings?attention=true' })).json<{
      meetings: OwnersMeetingView[];
    }>();
    expect(flagged.meetings.map((m) => m.caseId)).toContain(row.id);
  });

  it('records its rule decisions in both languages: an English reader of the case record reads them in English', async () => {
    const row = await registerWithDeadlines(committeeMeeting(), { votesOpenAt: inSeconds(0) });
    const opinionTask = await openTask(row.id, 'owners-meeting.opinion');
    expect((await complete(rc, opinionTask.id, { opinion: '无异议' })).statusCode).toBe(200);
    await openTask(row.id, 'owners-meeting.votes');
    await expectRuleDetailsInEnglish(subdistrict, row.id, ['OM-INFORM', 'OM-OPINION']);
  });

  it('decides nothing at a committee meeting without two thirds of its members, reports that to the residents committee and posts nothing', async () => {
    const row = await registerWithDeadlines(committeeMeeting(), { votesOpenAt: inSeconds(0) });
    const opinionTask = await openTask(row.id, 'owners-meeting.opinion');
    expect(opinionTask.dueAt?.toISOString()).toBe(endOfDayInChina(addDays(today, 1)).toISOString());
    expect((await complete(rc, opinionTask.id, { opinion: '无异议' })).statusCode).toBe(200);
    const votesTask = await openTask(row.id, 'owners-meeting.votes');
    expect(votesTask.formId).toBe('owners-meeting.committee-votes');
    // 5 of 9 members present is less than two thirds; 5 in favour would otherwise be more than half of all 9.
    expect(
      (await complete(oc, votesTask.id, { committeeMembers: 9, membersPresent: 5, votes: [{ membersFor: 5 }] })).statusCode,
    ).toBe(200);

    const reportTask = await openTask(row.id, 'owners-meeting.report');
    expect((reportTask.context as { quorum: boolean }).quorum).toBe(false);
    expect(await h.db.task.count({ where: { caseId: row.id, kind: 'owners-meeting.post' } })).toBe(0);
    expect((await complete(rc, reportTask.id, {})).json()).toMatchObject({ caseStatus: 'closed' });

    expect(await decisions(row.id)).toEqual(
      expect.arrayContaining(['OM-INFORM:true', 'OM-OPINION:true', 'OM-COMMITTEE:false', 'OM-REPORT:true']),
    );
    const quorum = await h.db.ruleDecision.findFirstOrThrow({
      where: { caseId: row.id, ruleId: 'OM-COMMITTEE', values: { path: ['check'], equals: 'quorum' } },
    });
    expect(quorum).toMatchObject({
      passed: false,
      citation: '《山东省物业管理条例》第三十二条',
      values: expect.objectContaining({ committeeMembers: 9, committeeMembersPresent: 5 }),
    });
    const view = (await rc.request({ url: `/api/v1/owners-meetings/${row.id}` })).json<OwnersMeetingView>();
    expect(view).toMatchObject({
      status: 'COMPLETED',
      votes: { quorum: false },
      items: [{ passed: false }],
      posting: { status: 'nothing-to-post' },
      report: { status: 'none' },
      attention: ['no-quorum'],
    });
  });

  it('gives committee decisions a 3-day posting deadline by the statutory clock, flags a late posting, and closes the report when no suggestion comes', async () => {
    // Held 15 days ago (registered as of 20 days ago), so a late posting date is still not after today.
    const registeredOn = addDays(today, -20);
    const meetingDate = addDays(today, -15);
    const row = await registerWithDeadlines(committeeMeeting({ place: '公告期限测试', noticeDate: registeredOn, meetingDate }), {
      registeredOn,
      opinionDeadline: inSeconds(300),
      suggestionDeadline: inSeconds(5),
    });
    const opinionTask = await openTask(row.id, 'owners-meeting.opinion');
    expect((await complete(rc, opinionTask.id, { opinion: '同意召开' })).statusCode).toBe(200);
    const votesTask = await openTask(row.id, 'owners-meeting.votes');
    expect(
      (await complete(oc, votesTask.id, { committeeMembers: 9, membersPresent: 6, votes: [{ membersFor: 5 }] })).statusCode,
    ).toBe(200);

    const postTask = await openTask(row.id, 'owners-meeting.post');
    const context = postTask.context as { lastDay: string };
    expect(postTask.dueAt?.toISOString()).toBe(endOfDayInChina(context.lastDay).toISOString());
    expect(context.lastDay >= addDays(meetingDate, 3)).toBe(true); // three days after the meeting, later if that is a rest day
    const posted = await complete(oc, postTask.id, { postedOn: addDays(context.lastDay, 1), place: '小区公告栏' });
    expect(posted.statusCode).toBe(200);

    await closed(row.id);
    expect((await taskOf(row.id, 'owners-meeting.report')).status).toBe('CANCELLED');
    const view = (await subdistrict.request({ url: `/api/v1/owners-meetings/${row.id}` })).json<OwnersMeetingView>();
    expect(view).toMatchObject({
      status: 'COMPLETED',
      items: [{ passed: true }],
      posting: { onTime: false, lastDay: context.lastDay },
      report: { status: 'none-by-deadline' },
      attention: ['posted-late'],
    });
    expect(await decisions(row.id)).toEqual(
      expect.arrayContaining(['OM-COMMITTEE:true', 'OM-COMMITTEE:false', 'OM-REPORT:true']),
    );
  });

  it('refuses a committee meeting announced too late for the residents committee to give its opinion, suggesting the earliest date', async () => {
    const res = await oc.request({
      method: 'POST',
      url: '/api/v1/owners-meetings',
      payload: committeeMeeting({ meetingDate: addDays(today, 1) }),
    });
    expect(res.statusCode).toBe(422);
    const error = res.json<{ error: { details: { rules: RuleResult[]; earliestMeetingDate: string } } }>().error;
    expect(error.details.rules.map((r) => `${r.id}:${String(r.passed)}`)).toEqual(['OM-INFORM:false']);
    expect(error.details.earliestMeetingDate).toBe(addDays(today, 2));
  });

  it('rejects impossible registrations with 400 and field errors', async () => {
    const cases: [Partial<RegisterOwnersMeeting>, string][] = [
      [{ noticeDate: '2026-02-30' }, 'noticeDate'],
      [{ noticeDate: addDays(today, 1) }, 'noticeDate'],
      [{ meetingDate: addDays(today, -1), noticeDate: addDays(today, -20) }, 'meetingDate'],
    ];
    for (const [overrides, path] of cases) {
      const res = await oc.request({ method: 'POST', url: '/api/v1/owners-meetings', payload: assembly(overrides) });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path)).toContain(path);
    }
  });

  it('lets only an owners committee member register, and shows meetings only inside the caller subtree', async () => {
    expect((await rc.request({ method: 'POST', url: '/api/v1/owners-meetings', payload: assembly() })).statusCode).toBe(403);
    const row = await registerWithDeadlines(assembly({ place: '范围测试' }), {});
    const mine = (await subdistrict.request({ url: '/api/v1/owners-meetings?meetingType=assembly&opinion=pending' })).json<{
      meetings: OwnersMeetingView[];
    }>();
    expect(mine.meetings.map((m) => m.caseId)).toContain(row.id);
    const theirs = (await stranger.request({ url: '/api/v1/owners-meetings' })).json<{
      meetings: OwnersMeetingView[];
      refusedNotices: unknown[];
    }>();
    expect(theirs).toEqual({ meetings: [], refusedNotices: [] });
    expect((await stranger.request({ url: `/api/v1/owners-meetings/${row.id}` })).statusCode).toBe(404);
    const byDate = (
      await subdistrict.request({ url: `/api/v1/owners-meetings?from=${addDays(today, 15)}&to=${addDays(today, 15)}` })
    ).json<{ meetings: OwnersMeetingView[] }>();
    expect(byDate.meetings.every((m) => m.meetingDate === addDays(today, 15))).toBe(true);
    expect(byDate.meetings.map((m) => m.caseId)).toContain(row.id);
  });

  it('documents its routes in the OpenAPI description', async () => {
    const doc = (await h.api.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/owners-meetings',
        '/api/v1/owners-meetings/vote-check',
        '/api/v1/owners-meetings/{caseId}',
      ]),
    );
  });

  describe('public vote check', () => {
    const body = VOTE_CHECK_EXAMPLE;

    it('answers without login with every rule in Chinese, and in English on ?lang=en', async () => {
      const res = await h.api.inject({ method: 'POST', url: '/api/v1/owners-meetings/vote-check', payload: body });
      expect(res.statusCode).toBe(200);
      const result = res.json<{
        rules: { id: string; passed: boolean; detail: string; citation: string }[];
        items: { title: string; passed: boolean }[];
      }>();
      expect(result.rules.map((r) => `${r.id}:${String(r.passed)}`)).toEqual([
        'OM-NOTICE:true',
        'OM-INFORM:true',
        'OM-TURNOUT:true',
        'OM-ORDINARY:true',
        'OM-SPECIAL:true',
      ]);
      expect(result.items).toEqual([
        { title: '续聘物业服务企业', passed: true },
        { title: '筹集专项维修资金', passed: true },
      ]);
      expect(result.rules[2]!.detail).toContain('8000.34 / 12000.50');
      const en = (await h.api.inject({ method: 'POST', url: '/api/v1/owners-meetings/vote-check?lang=en', payload: body })).json<{
        rules: { detail: string }[];
      }>();
      expect(en.rules[2]!.detail).toContain('Participating floor area');
    });

    it('applies 民法典 Art. 278 by item: using maintenance funds (五) needs more than half; raising them (六), rebuilding (七) and changing the use of common parts (八) need three quarters (OM-ORDINARY / OM-SPECIAL)', async () => {
      const vote = (areaFor: number, ownersFor: number) => ({
        ...body,
        participatingArea: 9000,
        participatingOwners: 80,
        items: [
          { title: '使用专项维修资金更换电梯', art278Item: 5, areaFor, ownersFor },
          { title: '筹集专项维修资金', art278Item: 6, areaFor, ownersFor },
          { title: '重建地下车库', art278Item: 7, areaFor, ownersFor },
          { title: '利用架空层经营', art278Item: 8, areaFor, ownersFor },
        ],
      });
      type Result = {
        rules: { id: string; passed: boolean; values: Record<string, unknown> }[];
        items: { title: string; passed: boolean }[];
      };
      // 0.01 m² short of three quarters (6750 of 9000), yet more than half of both: only item (五) passes.
      const short = await h.api.inject({ method: 'POST', url: '/api/v1/owners-meetings/vote-check', payload: vote(6749.99, 60) });
      expect(short.statusCode).toBe(200);
      const shortResult = short.json<Result>();
      expect(shortResult.rules.slice(3).map((r) => `${r.id}:${String(r.passed)}:${String(r.values.required)}`)).toEqual([
        'OM-ORDINARY:true:>1/2',
        'OM-SPECIAL:false:>=3/4',
        'OM-SPECIAL:false:>=3/4',
        'OM-SPECIAL:false:>=3/4',
      ]);
      expect(shortResult.items.map((i) => i.passed)).toEqual([true, false, false, false]);
      // Exactly three quarters of the area and of the owners ("以上" includes the number): all four pass.
      const exact = (
        await h.api.inject({ method: 'POST', url: '/api/v1/owners-meetings/vote-check', payload: vote(6750, 60) })
      ).json<Result>();
      expect(exact.items.map((i) => i.passed)).toEqual([true, true, true, true]);
      // Half exactly is not more than half: even item (五) fails.
      const half = (
        await h.api.inject({ method: 'POST', url: '/api/v1/owners-meetings/vote-check', payload: vote(4500, 40) })
      ).json<Result>();
      expect(half.items.map((i) => i.passed)).toEqual([false, false, false, false]);
    });

    it('refuses an agenda item whose matter contradicts its Art. 278 item (using maintenance funds marked special) with 400 matter_mismatch', async () => {
      const res = await h.api.inject({
        method: 'POST',
        url: '/api/v1/owners-meetings/vote-check',
        payload: {
          ...body,
          items: [{ title: '使用专项维修资金', art278Item: 5, matter: 'special', areaFor: 4000.18, ownersFor: 41 }],
        },
      });
      expect(res.statusCode).toBe(400);
      const field = res.json<{ error: { fields: { path: string; code: string; message: Record<string, string> }[] } }>().error
        .fields[0]!;
      expect(field).toMatchObject({ path: 'items.0.matter', code: 'matter_mismatch' });
      expect(field.message['zh-CN']).toContain('第（五）项');
      const registered = await oc.request({
        method: 'POST',
        url: '/api/v1/owners-meetings',
        payload: {
          ...assembly({ place: '事项类别测试' }),
          items: [{ title: '筹集专项维修资金', art278Item: 6, matter: 'ordinary' }],
        },
      });
      expect(registered.statusCode).toBe(400);
      expect(registered.json<{ error: { fields: { code: string }[] } }>().error.fields[0]!.code).toBe('matter_mismatch');
      // Named by its item alone, raising maintenance funds is registered as a special matter.
      const named = await oc.request({
        method: 'POST',
        url: '/api/v1/owners-meetings',
        payload: { ...assembly({ place: '事项类别登记' }), items: [{ title: '筹集专项维修资金', art278Item: 6 }] },
      });
      expect(named.statusCode).toBe(201);
      expect((await caseData(named.json<OwnersMeetingView>().caseId)).meeting).toMatchObject({
        items: [{ title: '筹集专项维修资金', art278Item: 6, matter: 'special' }],
      });
    });

    it('fails every item when the turnout falls short, even if the votes would carry it', async () => {
      const res = await h.api.inject({
        method: 'POST',
        url: '/api/v1/owners-meetings/vote-check',
        payload: { ...body, participatingOwners: 79 },
      });
      expect(res.json<{ items: { passed: boolean }[] }>().items.map((i) => i.passed)).toEqual([false, false]);
    });

    it('answers bad input with 400 and field errors', async () => {
      const bad = {
        ...body,
        participatingOwners: 121,
        totalArea: 12000.123,
        items: [{ title: '续聘物业服务企业', matter: 'ordinary', areaFor: 9000, ownersFor: 41 }],
      };
      const res = await h.api.inject({ method: 'POST', url: '/api/v1/owners-meetings/vote-check', payload: bad });
      expect(res.statusCode).toBe(400);
      const error = res.json<{
        error: { code: string; fields: { path: string; code: string; message: { 'zh-CN': string } }[] };
      }>().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields.map((f) => `${f.path}:${f.code}`).sort()).toEqual([
        'items.0.areaFor:exceeds_participation',
        'participatingOwners:exceeds_total',
        'totalArea:too_many_decimals',
      ]);
      expect(error.fields.find((f) => f.path === 'participatingOwners')!.message['zh-CN']).toBe('参与表决人数不能大于业主总人数');
    });
  });
});
