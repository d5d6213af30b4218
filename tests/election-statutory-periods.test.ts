import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, chinaDateOf, endOfDayInChina } from '../domain/clock';
import type { Caller } from '../api/plugins/app/auth';
import { startElection, type StartElectionOptions } from '../api/services/election/start-election';
import { electionStateQuery } from '../workflows/election/messages';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { electionInRegistration, idFor } from './support/elections';
import { startTimeSkippingHarness, type TimeSkippingHarness } from './support/time-skipping';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The election's statutory periods on the real calendar (EL-LIST, EL-OBJECT, EL-ANSWER, election day, EL-HANDOVER),
 * run on Temporal's time-skipping test server: the test moves the workflow's clock by days instead of waiting.
 */
describe('election statutory periods, on the time-skipping test server', () => {
  let h: TimeSkippingHarness;
  let township: Session;
  let committee: Session;
  let townshipCaller: Caller;
  let townshipId: string;
  let town: { id: string; path: string };
  let countyId: string;

  beforeAll(async () => {
    h = await startTimeSkippingHarness();
    const county = await makeOrganization(h.db, 'COUNTY', undefined, '西河县');
    countyId = county.id;
    town = await makeOrganization(h.db, 'SUBDISTRICT', county.id, '新城街道');
    townshipId = town.id;
    const official = await makeUser(h.db, [{ organizationId: town.id, role: 'TOWNSHIP_OFFICIAL' }]);
    township = await signIn(h.api, official.username);
    townshipCaller = {
      userId: official.id,
      membership: {
        organizationId: town.id,
        organizationPath: town.path,
        organizationKind: 'SUBDISTRICT',
        role: 'TOWNSHIP_OFFICIAL',
      },
    } as unknown as Caller;
  });
  afterAll(async () => h?.close());

  async function community(name: string) {
    const id = (await makeOrganization(h.db, 'COMMUNITY', townshipId, name)).id;
    const ec = await makeOrganization(h.db, 'ELECTION_COMMITTEE', id, `${name}选举委员会`);
    committee = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: ec.id, role: 'ELECTION_COMMITTEE_MEMBER' }])).username,
    );
    return id;
  }
  async function openTask(caseId: string, kind: string, waitMs = 15_000) {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const task = await h.db.task.findFirst({ where: { caseId, kind, status: 'OPEN' }, orderBy: { createdAt: 'asc' } });
      if (task || Date.now() > deadline) return task;
      await sleep(200);
    }
  }
  const complete = (session: Session, taskId: string, payload: unknown) =>
    session.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/complete`, payload: { payload } });
  const workflowDate = async () => chinaDateOf(await h.now());

  it('escalates an objection not answered within EL-ANSWER’s 3 days to the township', async () => {
    const electionId = await electionInRegistration(
      h.db,
      township,
      await community('东风社区'),
      addDays(await workflowDate(), 25),
    );
    const publish = (await openTask(electionId, 'election.publish-list'))!;
    expect((await complete(committee, publish.id, { confirmed: true })).statusCode).toBe(200);
    const filed = await committee.request({
      method: 'POST',
      url: `/api/v1/elections/${electionId}/objections`,
      payload: { kind: 'other', objectorName: '钱七', grounds: '名单有误' },
    });
    expect(filed.statusCode).toBe(201);
    const answer = (await openTask(electionId, 'election.objection-answer'))!;
    await h.skip('2 days');
    expect((await h.db.task.findUniqueOrThrow({ where: { id: answer.id } })).escalatedAt).toBeNull();
    await h.skip('3 days');
    let row = await h.db.task.findUniqueOrThrow({ where: { id: answer.id } });
    for (let i = 0; i < 50 && !row.escalatedAt; i++) {
      await sleep(200);
      row = await h.db.task.findUniqueOrThrow({ where: { id: answer.id } });
    }
    expect(row.escalatedToOrgId).toBe(townshipId);
  });
  /** Moves the workflow clock a day at a time until `done()` holds (periods end on holiday-calendar days). */
  async function skipDaysUntil(done: () => Promise<boolean>, maxDays = 40) {
    for (let day = 0; day < maxDays && !(await done()); day++) await h.skip('1 day');
    expect(await done()).toBe(true);
  }
  const escalated = async (taskId: string) => {
    for (let i = 0; i < 10; i++) {
      if ((await h.db.task.findUniqueOrThrow({ where: { id: taskId } })).escalatedAt) return true;
      await sleep(200);
    }
    return false;
  };
  const state = async (electionId: string) => {
    const { workflowId } = await h.db.case.findUniqueOrThrow({ where: { id: electionId } });
    return h.temporal.workflow.getHandle(workflowId).query(electionStateQuery);
  };

  it('keeps the objection window open for EL-OBJECT’s 5 days: a start request cannot shorten it (no timing in the input)', async () => {
    const communityOrgId = await community('红旗社区');
    // What tests used to pass (ElectionTiming): the election ignores it and runs the statute's calendar.
    const started = await startElection({
      db: h.db,
      temporal: h.temporal,
      taskQueue: h.taskQueue,
      caller: townshipCaller,
      communityOrgId,
      restructuringComplete: true,
      requestId: 'test',
      timing: { objectionWindowMs: 1_000, electionDayInMs: 1_000 },
    } as StartElectionOptions);
    const setup = (await openTask(started.id, 'election.setup'))!;
    const members = [{ name: '陈主任', position: 'chair' }];
    const electionDate = addDays(await workflowDate(), 25);
    expect(
      (await complete(township, setup.id, { electionDate, seats: 5, method: 'direct', committeeMembers: members })).statusCode,
    ).toBe(200);
    const publish = (await openTask(started.id, 'election.publish-list'))!;
    expect((await complete(committee, publish.id, { confirmed: true })).statusCode).toBe(200);
    await sleep(2_000);
    expect((await state(started.id)).objectionWindowOpen).toBe(true);
    await h.skip('4 days');
    expect((await state(started.id)).objectionWindowOpen).toBe(true);
    await skipDaysUntil(async () => !(await state(started.id)).objectionWindowOpen, 15);
    // The window's last day is 5 days or more after publication (later when a rest day ends it, 民法典 Art. 203).
    const { objectionLastDay, listPublishedOn } = await h.db.election.findUniqueOrThrow({ where: { id: started.id } });
    expect(objectionLastDay! >= addDays(listPublishedOn!, 5)).toBe(true);
  });

  it('escalates a list not published by EL-LIST’s last day (20 days before the election) to the township', async () => {
    const electionId = await electionInRegistration(
      h.db,
      township,
      await community('曙光社区'),
      addDays(await workflowDate(), 21),
    );
    const publish = (await openTask(electionId, 'election.publish-list'))!;
    expect(publish.dueAt!.toISOString()).toBe(endOfDayInChina(addDays(await workflowDate(), 1)).toISOString());
    expect(await escalated(publish.id)).toBe(false);
    await skipDaysUntil(() => escalated(publish.id), 4);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: publish.id } })).escalatedToOrgId).toBe(townshipId);
  });

  it('opens the count at 00:00 China time of election day, not before; a handover after EL-HANDOVER’s 10 days is escalated and recorded late', async () => {
    const electionId = await electionInRegistration(
      h.db,
      township,
      await community('朝阳社区'),
      addDays(await workflowDate(), 25),
    );
    const electionDate = (await h.db.election.findUniqueOrThrow({ where: { id: electionId } })).electionDate!;
    const voters = Array.from(
      { length: 5 },
      (_, i) => `朝阳居民${i + 1},${idFor(`1966-0${i + 1}-20`, `6${String(i).padStart(2, '0')}`)},朝阳社区,`,
    );
    const imported = await committee.request({
      method: 'POST',
      url: `/api/v1/elections/${electionId}/voters/import`,
      payload: {
        filename: 'v.csv',
        contentBase64: Buffer.from(`\uFEFF姓名,身份证号码,住址,居民小组\n${voters.join('\n')}\n`).toString('base64'),
      },
    });
    expect(imported.statusCode).toBe(200);
    expect(
      (await complete(committee, (await openTask(electionId, 'election.publish-list'))!.id, { confirmed: true })).statusCode,
    ).toBe(200);
    await skipDaysUntil(async () => (await state(electionId)).phase === 'candidates', 15);
    const names = ['甲', '乙', '丙', '丁', '戊', '己'];
    const nominated = (await openTask(electionId, 'election.candidates'))!;
    expect((await complete(committee, nominated.id, { candidates: names.map((name) => ({ name })) })).statusCode).toBe(200);

    // A minute before election day nothing can be counted; a minute after, the count opens.
    const dayStarts = endOfDayInChina(addDays(electionDate, -1)).getTime();
    await h.skip(dayStarts - (await h.now()).getTime() - 60_000);
    await sleep(1_000);
    expect(await h.db.task.count({ where: { caseId: electionId, kind: 'election.results' } })).toBe(0);
    await h.skip(120_000);
    const count = (await openTask(electionId, 'election.results'))!;
    expect(count).not.toBeNull();
    const votes = [5, 5, 5, 5, 5, 0];
    expect(
      (await complete(committee, count.id, { votesCast: 5, candidates: names.map((name, i) => ({ name, votes: votes[i]! })) }))
        .statusCode,
    ).toBe(200);

    const handover = (await openTask(electionId, 'election.handover'))!;
    const electedOn = chinaDateOf(await h.now());
    await skipDaysUntil(() => escalated(handover.id), 20);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: handover.id } })).escalatedToOrgId).toBe(countyId);
    const handedOverOn = chinaDateOf(await h.now());
    expect(handedOverOn > addDays(electedOn, 10)).toBe(true);
    expect((await complete(township, handover.id, { handedOverOn, items: ['seals', 'files'] })).statusCode).toBe(200);
    const rule = await h.db.ruleDecision.findFirstOrThrow({ where: { caseId: electionId, ruleId: 'EL-HANDOVER' } });
    expect(rule.passed).toBe(false);
  });
  it('gives a migrant 5 days to supply the evidence asked for; then the committee decides on what it has', async () => {
    const communityOrgId = await community('春晖社区');
    const electionDate = addDays(await workflowDate(), 25);
    const electionId = await electionInRegistration(h.db, township, communityOrgId, electionDate);
    const idNumber = idFor('1989-04-04', '701');
    const applicant = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: communityOrgId, role: 'APPLICANT' }], undefined, idNumber)).username,
    );
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1').toString('base64');
    const applied = await applicant.request({
      method: 'POST',
      url: `/api/v1/elections/${electionId}/applications`,
      payload: {
        name: '孙丽',
        idNumber,
        birthDate: '1989-04-04',
        address: '春晖社区 2 号楼 301 室',
        residenceSince: addDays(electionDate, -400),
        hasLegalFixedResidence: false,
        residenceEvidence: '暂无证明材料',
        politicalRightsDeprived: false,
        registeredElsewhere: false,
        declarationTrue: true,
        documents: [{ filename: '说明.pdf', mimeType: 'application/pdf', contentBase64: pdf }],
      },
    });
    expect(applied.statusCode).toBe(201);
    const caseId = applied.json<{ caseId: string }>().caseId;
    const first = (await openTask(caseId, 'election.migrant-decision'))!;
    const asked = await complete(committee, first.id, {
      decision: 'request-evidence',
      reason: '未提供合法固定住所证明',
      requestedEvidence: '不动产权证书或备案的租赁合同',
    });
    expect(asked.statusCode).toBe(200);
    await h.skip('4 days');
    await sleep(1_000);
    expect(await h.db.task.count({ where: { caseId, kind: 'election.migrant-decision', status: 'OPEN' } })).toBe(0);
    await h.skip('1 day');
    const second = (await openTask(caseId, 'election.migrant-decision'))!;
    expect(second.context).toMatchObject({ round: 2, evidenceNotSupplied: true });
  });
});
