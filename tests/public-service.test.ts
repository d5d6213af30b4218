import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LightMyRequestResponse } from 'fastify';
import { addDays, chinaDateOf } from '../domain/clock';
import { loadHolidayCalendar } from '../runtime/holiday-calendar';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { electionInRegistration, idFor, migrantResidence } from './support/elections';

/**
 * 我要查 and 好差评 (issue 21), against real PostgreSQL and Temporal: a migrant's application is followed anonymously
 * with its query code and rated; a 差评 opens a rectification task due in 15 working days for the election committee
 * that decided, supervised above it; the county sees the ratings of its own area only.
 */
describe('我要查 and 好差评', () => {
  let h: Harness;
  let township: Session;
  let committee: Session;
  let countyApprover: Session;
  let otherCounty: Session;
  let applicant: Session;
  let neighbour: Session;
  let committeeOrgId: string;
  let electionId: string;
  const birthDate = '1988-07-01';
  const idNumber = idFor(birthDate, '301');
  let ip = 0;
  /** Each anonymous call from its own client address, so that the rate limit is tested on its own below. */
  const anonymous = (url: string, payload: object, remoteAddress = `10.1.0.${++ip}`) =>
    h.api.inject({ method: 'POST', url, payload, remoteAddress });
  const errorCode = (res: LightMyRequestResponse) => res.json<{ error: { code: string } }>().error.code;

  interface StatusView {
    number: string;
    status: string;
    statusLabel: { 'zh-CN': string };
    steps: { name: { 'zh-CN': string }; state: string; dueOn: string | null; doneOn: string | null }[];
    rateable: boolean;
    rating: null | {
      level: number;
      label: { 'zh-CN': string };
      rectification: null | { dueOn: string | null; answered: boolean; answer: string | null };
    };
  }

  beforeAll(async () => {
    h = await startHarness();
    const county = await makeOrganization(h.db, 'COUNTY', undefined, '东河县');
    const other = await makeOrganization(h.db, 'COUNTY', undefined, '西山区');
    const town = await makeOrganization(h.db, 'SUBDISTRICT', county.id, '城关街道');
    const community = await makeOrganization(h.db, 'COMMUNITY', town.id, '幸福社区');
    const ec = await makeOrganization(h.db, 'ELECTION_COMMITTEE', community.id, '幸福社区选举委员会');
    committeeOrgId = ec.id;
    township = await signIn(h.api, (await makeUser(h.db, [{ organizationId: town.id, role: 'TOWNSHIP_OFFICIAL' }])).username);
    committee = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: ec.id, role: 'ELECTION_COMMITTEE_MEMBER' }])).username,
    );
    countyApprover = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: county.id, role: 'COUNTY_APPROVER' }])).username,
    );
    otherCounty = await signIn(h.api, (await makeUser(h.db, [{ organizationId: other.id, role: 'COUNTY_APPROVER' }])).username);
    applicant = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: community.id, role: 'APPLICANT' }], undefined, idNumber)).username,
    );
    neighbour = await signIn(h.api, (await makeUser(h.db, [{ organizationId: community.id, role: 'APPLICANT' }])).username);
    electionId = await electionInRegistration(h.db, township, community.id, addDays(chinaDateOf(new Date()), 25));
  }, 120_000);
  afterAll(async () => h?.close());

  async function waitForTask(where: { caseId: string; kind: string; status?: 'OPEN' }) {
    for (let i = 0; i < 75; i++) {
      const task = await h.db.task.findFirst({ where });
      if (task) return task;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no task ${where.kind}`);
  }

  let number = '';
  let code = '';
  let caseId = '';

  it('gives the applicant a query code once, in the application’s answer, and keeps only its hash', async () => {
    const res = await applicant.request({
      method: 'POST',
      url: `/api/v1/elections/${electionId}/applications`,
      payload: { name: '王小梅', idNumber, birthDate, phone: '13800138000', ...migrantResidence('2020-01-01') },
    });
    expect(res.statusCode).toBe(201);
    ({ number, queryCode: code } = res.json<{ number: string; queryCode: string }>());
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const row = await h.db.case.findUniqueOrThrow({ where: { number } });
    caseId = row.id;
    const stored = await h.db.caseQueryCode.findUniqueOrThrow({ where: { caseId } });
    expect(stored.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.codeHash).not.toContain(code.replace('-', ''));
    // The application's later reads do not show it again.
    const again = await applicant.request({ url: `/api/v1/elections/applications/${number}` });
    expect(again.body).not.toContain(code);
  });

  it('shows the steps in words with China due dates, without personal data, to anyone with the number and code', async () => {
    const res = await anonymous('/api/v1/public/case-status', { number, code: code.toLowerCase() });
    expect(res.statusCode).toBe(200);
    const view = res.json<StatusView>();
    expect(view.status).toBe('OPEN');
    expect(view.statusLabel['zh-CN']).toBe('办理中');
    const current = view.steps.find((s) => s.state === 'current')!;
    expect(current.name['zh-CN']).toBe('选举委员会审核');
    const task = await h.db.task.findFirstOrThrow({ where: { caseId, kind: 'election.migrant-decision', status: 'OPEN' } });
    expect(current.dueOn).toBe(task.dueAt ? chinaDateOf(new Date(task.dueAt.getTime() - 1)) : null);
    expect(view.steps[0]).toMatchObject({ state: 'done', doneOn: chinaDateOf(new Date()) });
    for (const personal of ['王小梅', idNumber, '13800138000', '3 号楼', 'election.migrant-decision', 'ELECTION_COMMITTEE'])
      expect(res.body).not.toContain(personal);
    expect(view.rateable).toBe(false);
  });

  it('answers an unknown case number exactly as a wrong code (no enumeration)', async () => {
    const wrongCode = await anonymous('/api/v1/public/case-status', { number, code: 'ZZZZ-ZZZZ' });
    const unknown = await anonymous('/api/v1/public/case-status', { number: 'MIG-2026-999999', code });
    expect(wrongCode.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(errorCode(wrongCode)).toBe('QUERY_NOT_MATCHED');
    const strip = (r: LightMyRequestResponse) => ({ ...r.json<{ error: object }>().error, requestId: undefined });
    expect(strip(unknown)).toEqual(strip(wrongCode));
    // Not a resident-facing case: the same answer too.
    const election = await h.db.case.findUniqueOrThrow({ where: { id: electionId } });
    expect(errorCode(await anonymous('/api/v1/public/case-status', { number: election.number, code }))).toBe('QUERY_NOT_MATCHED');
  });

  it('refuses a rating before the outcome (409 NOT_YET_RATEABLE), and records nothing', async () => {
    const res = await anonymous('/api/v1/public/case-rating', { number, code, level: 1 });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('NOT_YET_RATEABLE');
    expect(await h.db.serviceRating.count()).toBe(0);
  });

  it('lets the signed-in applicant follow their own case, and nobody else’s', async () => {
    const own = await applicant.request({ url: `/api/v1/me/cases/${number}/status` });
    expect(own.statusCode).toBe(200);
    expect(own.json<StatusView>().number).toBe(number);
    expect((await neighbour.request({ url: `/api/v1/me/cases/${number}/status` })).statusCode).toBe(404);
    expect((await committee.request({ url: `/api/v1/me/cases/${number}/status` })).statusCode).toBe(404);
  });

  let rectificationTaskId = '';

  it('opens a rectification task due in 15 working days for the deciding committee when the decision is rated 不满意', async () => {
    const decision = await waitForTask({ caseId, kind: 'election.migrant-decision', status: 'OPEN' });
    const decided = await committee.request({
      method: 'POST',
      url: `/api/v1/tasks/${decision.id}/complete`,
      payload: { payload: { decision: 'refuse', reason: '居住证明材料不足一年' } },
    });
    expect(decided.statusCode).toBe(200);
    const after = await anonymous('/api/v1/public/case-status', { number, code });
    expect(after.json<StatusView>()).toMatchObject({ status: 'REJECTED', rateable: true, rating: null });

    const rated = await anonymous('/api/v1/public/case-rating', { number, code, level: 2, comment: '答复太简单' });
    expect(rated.statusCode).toBe(200);
    const view = rated.json<StatusView>();
    expect(view.rating).toMatchObject({ level: 2, label: { 'zh-CN': '不满意' } });

    const rating = await h.db.serviceRating.findUniqueOrThrow({ where: { caseId } });
    expect(rating).toMatchObject({ channel: 'query-code', raterUserId: null, responsibleOrgId: committeeOrgId });
    const task = await waitForTask({ caseId: rating.rectificationCaseId!, kind: 'rectification.answer' });
    rectificationTaskId = task.id;
    expect(task).toMatchObject({ candidateOrgId: committeeOrgId, candidateRole: 'ELECTION_COMMITTEE_MEMBER', status: 'OPEN' });

    // The due date, counted here independently: the 15th working day after today on the holiday calendar.
    const calendar = await loadHolidayCalendar(h.db);
    let day = chinaDateOf(new Date());
    for (let counted = 0; counted < 15;) {
      day = addDays(day, 1);
      if (calendar.isWorkday(day)) counted += 1;
    }
    // Due by the end of that day, China time.
    expect(task.dueAt!.toISOString()).toBe(new Date(`${addDays(day, 1)}T00:00:00+08:00`).toISOString());
    const status = await anonymous('/api/v1/public/case-status', { number, code });
    expect(status.json<StatusView>().rating?.rectification).toMatchObject({ dueOn: day, answered: false, answer: null });
  });

  it('refuses a second rating of the same case, with the code or signed in (409 ALREADY_RATED)', async () => {
    const twice = await anonymous('/api/v1/public/case-rating', { number, code, level: 5 });
    expect(twice.statusCode).toBe(409);
    expect(errorCode(twice)).toBe('ALREADY_RATED');
    const signedIn = await applicant.request({ method: 'POST', url: `/api/v1/me/cases/${number}/rating`, payload: { level: 5 } });
    expect(signedIn.statusCode).toBe(409);
    expect(await h.db.serviceRating.count({ where: { caseId } })).toBe(1);
    expect(await h.db.case.count({ where: { procedure: 'rectification' } })).toBe(1);
  });

  it('puts the rectification in the supervising township’s view, and the county’s ratings view, scoped by area', async () => {
    expect((await township.request({ url: `/api/v1/tasks/${rectificationTaskId}` })).statusCode).toBe(200);
    const county = await countyApprover.request({ url: '/api/v1/service-ratings' });
    expect(county.statusCode).toBe(200);
    const summary = county.json<{
      total: number;
      byLevel: { level: number; count: number }[];
      byOrganization: { organizationName: string; poor: number }[];
      poor: { caseNumber: string; rectification: { state: string } }[];
    }>();
    expect(summary.total).toBe(1);
    expect(summary.byLevel.find((l) => l.level === 2)?.count).toBe(1);
    expect(summary.byOrganization).toEqual([expect.objectContaining({ organizationName: '幸福社区选举委员会', poor: 1 })]);
    expect(summary.poor).toEqual([
      expect.objectContaining({ caseNumber: number, rectification: expect.objectContaining({ state: 'open' }) }),
    ]);
    expect((await township.request({ url: '/api/v1/service-ratings' })).json<{ total: number }>().total).toBe(1);
    expect((await otherCounty.request({ url: '/api/v1/service-ratings' })).json<{ total: number }>().total).toBe(0);
    expect((await applicant.request({ url: '/api/v1/service-ratings' })).statusCode).toBe(403);
    expect((await h.api.inject({ url: '/api/v1/service-ratings' })).statusCode).toBe(401);
  });

  it('shows the rater the committee’s answer (整改情况) once the rectification is done', async () => {
    const done = await committee.request({
      method: 'POST',
      url: `/api/v1/tasks/${rectificationTaskId}/complete`,
      payload: { payload: { answer: '已重新核查居住证明，并向申请人当面说明理由' } },
    });
    expect(done.statusCode).toBe(200);
    const status = await anonymous('/api/v1/public/case-status', { number, code });
    expect(status.json<StatusView>().rating?.rectification).toMatchObject({
      answered: true,
      answer: '已重新核查居住证明，并向申请人当面说明理由',
    });
    const summary = (await countyApprover.request({ url: '/api/v1/service-ratings' })).json<{
      poor: { rectification: { state: string } }[];
    }>();
    expect(summary.poor[0]?.rectification.state).toBe('answered');
  });

  it('documents the public side in the OpenAPI description', async () => {
    const doc = (await h.api.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/public/case-status',
        '/api/v1/public/case-rating',
        '/api/v1/me/cases/{number}/status',
        '/api/v1/me/cases/{number}/rating',
        '/api/v1/service-ratings',
      ]),
    );
  });

  it('rate-limits 我要查 per client address (429 RATE_LIMITED after 10 a minute)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await anonymous('/api/v1/public/case-status', { number, code: 'ZZZZ-ZZZZ' }, '10.2.0.1')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    const limited = await anonymous('/api/v1/public/case-status', { number, code }, '10.2.0.1');
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    // Another client is still served.
    expect((await anonymous('/api/v1/public/case-status', { number, code }, '10.2.0.2')).statusCode).toBe(200);
  });
});
