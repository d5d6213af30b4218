import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '../api/plugins/app/auth';
import { recordApplication } from '../api/services/election/applications';
import { startElection } from '../api/services/election/start-election';
import { recordPendingStart, resumePendingStarts } from '../runtime/pending-starts';
import { addDays, chinaDateOf, endOfDayInChina } from '../domain/clock';
import type { MigrantApplicationBody } from '../domain/forms/election';
import { electionStateQuery, migrantWorkflowId } from '../workflows/election/messages';
import { settledUpdate } from '../workflows/lib/messages';
import { expectRuleDetailsInEnglish } from './support/rule-details';
import { startTimeSkippingHarness, type TimeSkippingHarness } from './support/time-skipping';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { idFor, migrantResidence, residentsCsv, TEN_RESIDENTS } from './support/elections';
import { TINY_PDF_BASE64 as PDF } from './support/fixtures';

const today = chinaDateOf(new Date());
const inDays = (n: number) => addDays(today, n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Rule {
  id: string;
  passed: boolean;
  values: Record<string, unknown>;
}
interface ApplicationView {
  number: string;
  caseId: string;
  status: string;
  precheck: Rule[];
  decisionReason: string | null;
  requestedEvidence: string | null;
  idNumberMasked: string;
}

const residents = TEN_RESIDENTS;
const csv = (rows: Parameters<typeof residentsCsv>[0]) => residentsCsv(rows).toString('base64');

const application = (over: Record<string, unknown>) => ({ ...migrantResidence(addDays(inDays(25), -400)), ...over });

/**
 * One election through every step on the statute's calendar: Temporal's time-skipping test server moves the
 * workflow's clock over the objection window, the answer deadline and the weeks to election day.
 */
describe('residents’ committee election with migrant-eligibility review, against real Temporal and PostgreSQL', () => {
  let h: TimeSkippingHarness;
  let township: Session;
  let committee: Session;
  let committeeB: Session;
  let county: Session;
  let applicants: Session[];
  let townshipCaller: Caller;
  let communityA: string;
  let communityB: string;
  let townshipId: string;
  let countyId: string;
  let electionA: string;
  let electionB: string;
  const numbers: Record<string, string> = {};
  const migrantIds = {
    approved: idFor('1988-07-01', '201'),
    refused: idFor('1990-02-02', '202'),
    evidence: idFor('1992-11-30', '203'),
    elsewhere: idFor('1985-05-05', '204'),
  };

  beforeAll(async () => {
    h = await startTimeSkippingHarness();
    const c = await makeOrganization(h.db, 'COUNTY', undefined, '东河县');
    countyId = c.id;
    const town = await makeOrganization(h.db, 'SUBDISTRICT', c.id, '城关街道');
    townshipId = town.id;
    communityA = (await makeOrganization(h.db, 'COMMUNITY', town.id, '幸福社区')).id;
    communityB = (await makeOrganization(h.db, 'COMMUNITY', town.id, '和平社区')).id;
    const ecA = await makeOrganization(h.db, 'ELECTION_COMMITTEE', communityA, '幸福社区选举委员会');
    const ecB = await makeOrganization(h.db, 'ELECTION_COMMITTEE', communityB, '和平社区选举委员会');
    const tu = await makeUser(h.db, [{ organizationId: town.id, role: 'TOWNSHIP_OFFICIAL' }]);
    township = await signIn(h.api, tu.username);
    townshipCaller = {
      userId: tu.id,
      membership: {
        organizationId: town.id,
        organizationPath: town.path,
        organizationKind: 'SUBDISTRICT',
        role: 'TOWNSHIP_OFFICIAL',
      },
    } as unknown as Caller;
    committee = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: ecA.id, role: 'ELECTION_COMMITTEE_MEMBER' }])).username,
    );
    committeeB = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: ecB.id, role: 'ELECTION_COMMITTEE_MEMBER' }])).username,
    );
    county = await signIn(h.api, (await makeUser(h.db, [{ organizationId: c.id, role: 'COUNTY_APPROVER' }])).username);
    applicants = [];
    // Real-name accounts: each applicant's account is bound to the ID number they apply under (EL-SELF).
    const own = [migrantIds.approved, migrantIds.refused, migrantIds.evidence, migrantIds.elsewhere, idFor('1980-01-01', '205')];
    for (const idNumber of own)
      applicants.push(
        await signIn(
          h.api,
          (await makeUser(h.db, [{ organizationId: communityA, role: 'APPLICANT' }], undefined, idNumber)).username,
        ),
      );
  });
  afterAll(async () => h?.close());

  async function openTask(caseId: string, kind: string, waitMs = 15_000) {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const task = await h.db.task.findFirst({
        where: { case: { OR: [{ id: caseId }, { migrantApplication: { electionId: caseId } }] }, kind, status: 'OPEN' },
        orderBy: { createdAt: 'asc' },
      });
      if (task || Date.now() > deadline) return task;
      await sleep(200);
    }
  }
  const complete = (session: Session, taskId: string, payload: unknown) =>
    session.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/complete`, payload: { payload } });
  const apply = (session: Session, electionId: string, body: unknown) =>
    session.request({ method: 'POST', url: `/api/v1/elections/${electionId}/applications`, payload: body as object });
  const status = async (session: Session, number: string) =>
    (await session.request({ url: `/api/v1/elections/applications/${number}` })).json<ApplicationView>();
  /** Moves the workflow clock a day at a time until `done()` holds (statutory periods end on holiday-calendar days). */
  async function skipDaysUntil(done: () => Promise<boolean>, maxDays = 40) {
    for (let day = 0; day < maxDays && !(await done()); day++) await h.skip('1 day');
    expect(await done()).toBe(true);
  }
  const decisionTask = async (number: string) => {
    const app = await h.db.migrantApplication.findUniqueOrThrow({ where: { number } });
    return h.db.task.findFirstOrThrow({ where: { caseId: app.id, kind: 'election.migrant-decision', status: 'OPEN' } });
  };

  it('starts with the township’s set-up; EL-SIZE refuses ten seats, and the election date must lie ahead', async () => {
    const row = await startElection({
      db: h.db,
      temporal: h.temporal,
      taskQueue: h.taskQueue,
      caller: townshipCaller,
      communityOrgId: communityA,
      restructuringComplete: true,
      requestId: 'test',
    });
    electionA = row.id;
    expect(row.number).toMatch(/^ELC-\d{4}-\d{6}$/);
    const setup = (await openTask(electionA, 'election.setup'))!;
    expect(setup.candidateOrgId).toBe(townshipId);
    const members = [
      { name: '陈主任', position: 'chair' },
      { name: '刘委员', position: 'member' },
      { name: '孙委员', position: 'member' },
    ];
    const tooMany = await complete(township, setup.id, {
      electionDate: inDays(25),
      seats: 10,
      method: 'direct',
      committeeMembers: members,
    });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json<{ error: { details: { rules: Rule[] } } }>().error.details.rules.map((r) => r.id)).toEqual(['EL-SIZE']);
    const past = await complete(township, setup.id, {
      electionDate: today,
      seats: 5,
      method: 'direct',
      committeeMembers: members,
    });
    expect(past.statusCode).toBe(400);
    expect(
      (await complete(township, setup.id, { electionDate: inDays(25), seats: 5, method: 'direct', committeeMembers: members }))
        .statusCode,
    ).toBe(200);
    const election = await h.db.election.findUniqueOrThrow({ where: { id: electionA } });
    expect(election).toMatchObject({ status: 'REGISTRATION', seats: 5, method: 'direct', law: 'residents-committee-law' });
    const decided = await h.db.ruleDecision.findMany({ where: { caseId: electionA } });
    expect(decided.map((d) => d.ruleId).sort()).toEqual(['EL-LAW', 'EL-METHOD', 'EL-SIZE']);
    // A second election of the same community cannot start while this one runs.
    const again = await township.request({
      method: 'POST',
      url: '/api/v1/elections',
      payload: { communityOrgId: communityA, restructuringComplete: true },
    });
    expect(again.statusCode).toBe(409);
  });

  it('imports the residents’ list all or nothing, with a per-row report (check digit, EL-AGE, duplicates)', async () => {
    const bad = [
      ...residents.slice(0, 3),
      { name: '错号', idNumber: `${residents[3]!.idNumber.slice(0, 17)}${residents[3]!.idNumber[17] === '0' ? '1' : '0'}` },
      { name: '未成年', idNumber: idFor(addDays(inDays(25), -365 * 17), '301') },
      residents[0]!,
    ];
    const refused = await committee.request({
      method: 'POST',
      url: `/api/v1/elections/${electionA}/voters/import`,
      payload: { filename: 'voters.csv', contentBase64: csv(bad) },
    });
    expect(refused.statusCode).toBe(400);
    const rowErrors = refused.json<{ error: { details: { rowErrors: { row: number; field: string }[] } } }>().error.details
      .rowErrors;
    expect(rowErrors.map((e) => e.row)).toEqual([5, 6, 7]);
    expect(await h.db.voterListEntry.count({ where: { electionId: electionA } })).toBe(0);
    expect(JSON.stringify(refused.json())).not.toContain(residents[0]!.idNumber);

    const ok = await committee.request({
      method: 'POST',
      url: `/api/v1/elections/${electionA}/voters/import`,
      payload: { filename: 'voters.csv', contentBase64: csv(residents) },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ imported: 10, registeredVoters: 10 });
    const page = (await committee.request({ url: `/api/v1/elections/${electionA}/voters?limit=3` })).json<{
      total: number;
      items: { idNumberMasked: string }[];
    }>();
    expect(page.total).toBe(10);
    expect(page.items[0]!.idNumberMasked).toMatch(/^370\*{11}.{4}$/);
  });

  it('a second community’s election refuses, by ID number, a resident already on the first list (EL-SINGLE)', async () => {
    const res = await township.request({
      method: 'POST',
      url: '/api/v1/elections',
      payload: { communityOrgId: communityB, restructuringComplete: false },
    });
    expect(res.statusCode).toBe(201);
    electionB = res.json<{ id: string }>().id;
    const setup = (await openTask(electionB, 'election.setup'))!;
    expect(
      (
        await complete(township, setup.id, {
          electionDate: inDays(10),
          seats: 3,
          method: 'household-representatives',
          committeeMembers: [{ name: '周主任', position: 'chair' }],
        })
      ).statusCode,
    ).toBe(200);
    const elsewhere = { name: '外来', idNumber: migrantIds.elsewhere };
    const refused = await committeeB.request({
      method: 'POST',
      url: `/api/v1/elections/${electionB}/voters/import`,
      payload: { filename: 'b.csv', contentBase64: csv([residents[0]!, elsewhere]) },
    });
    expect(refused.statusCode).toBe(400);
    const rowErrors = refused.json<{ error: { details: { rowErrors: { row: number; message: { en: string } }[] } } }>().error
      .details.rowErrors;
    expect(rowErrors).toEqual([
      expect.objectContaining({ row: 2, message: expect.objectContaining({ en: expect.stringContaining('EL-SINGLE') }) }),
    ]);
    expect(
      (
        await committeeB.request({
          method: 'POST',
          url: `/api/v1/elections/${electionB}/voters/import`,
          payload: { filename: 'b.csv', contentBase64: csv([elsewhere]) },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('a migrant applies themself and is approved: pre-check passes, the committee approves, they join the list', async () => {
    const res = await apply(
      applicants[0]!,
      electionA,
      application({ name: '王小梅', idNumber: migrantIds.approved, birthDate: '1988-07-01' }),
    );
    expect(res.statusCode).toBe(201);
    const view = res.json<ApplicationView>();
    numbers.approved = view.number;
    expect(view.number).toMatch(/^MIG-\d{4}-\d{6}$/);
    expect(view.status).toBe('UNDER_REVIEW');
    expect(view.precheck.map((r) => [r.id, r.passed])).toEqual([
      ['EL-AGE', true],
      ['EL-RIGHTS', true],
      ['EL-HOME', true],
      ['EL-RESIDENCE', true],
      ['EL-SELF', true],
      ['EL-SINGLE', true],
    ]);
    expect(view.idNumberMasked).not.toContain(migrantIds.approved.slice(3, 14));
    // A second application from the same account is refused; the birth date must match the ID number.
    expect(
      (
        await apply(
          applicants[0]!,
          electionA,
          application({ name: '王小梅', idNumber: migrantIds.approved, birthDate: '1988-07-01' }),
        )
      ).statusCode,
    ).toBe(409);
    const mismatch = await apply(
      applicants[4]!,
      electionA,
      application({ name: '某人', idNumber: idFor('1991-01-01', '209'), birthDate: '1991-01-02' }),
    );
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path)).toContain('birthDate');

    const task = await decisionTask(view.number);
    expect((await complete(committee, task.id, { decision: 'approve', reason: '材料齐全，符合条件' })).statusCode).toBe(200);
    const after = await status(applicants[0]!, view.number);
    expect(after).toMatchObject({ status: 'APPROVED', decisionReason: '材料齐全，符合条件' });
    expect(await h.db.voterListEntry.count({ where: { electionId: electionA, source: 'MIGRANT' } })).toBe(1);
    expect((await h.db.case.findFirstOrThrow({ where: { number: view.number } })).status).toBe('COMPLETED');
  });

  it('refuses a migrant applicant with 11 months of residence: approval is blocked by EL-RESIDENCE, the refusal gives the reason', async () => {
    const res = await apply(
      applicants[1]!,
      electionA,
      application({
        name: '李建国',
        idNumber: migrantIds.refused,
        birthDate: '1990-02-02',
        residenceSince: addDays(inDays(25), -340),
      }),
    );
    expect(res.statusCode).toBe(201);
    const view = res.json<ApplicationView>();
    numbers.refused = view.number;
    expect(view.precheck.find((r) => r.id === 'EL-RESIDENCE')).toMatchObject({ passed: false, values: { fullMonths: 11 } });
    const task = await decisionTask(view.number);
    const blocked = await complete(committee, task.id, { decision: 'approve', reason: '同意' });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json<{ error: { details: { rules: Rule[] } } }>().error.details.rules.map((r) => r.id)).toEqual([
      'EL-RESIDENCE',
    ]);
    expect((await complete(committee, task.id, { decision: 'refuse', reason: '居住不满一年（EL-RESIDENCE）' })).statusCode).toBe(
      200,
    );
    expect(await status(applicants[1]!, view.number)).toMatchObject({
      status: 'REFUSED',
      decisionReason: '居住不满一年（EL-RESIDENCE）',
    });
    // Nobody else reads this application or its case (evidence, reasons): another applicant gets 404.
    expect((await applicants[0]!.request({ url: `/api/v1/elections/applications/${view.number}` })).statusCode).toBe(404);
    const caseId = (await status(committee, view.number)).caseId;
    expect((await applicants[0]!.request({ url: `/api/v1/cases/${caseId}` })).statusCode).toBe(404);
    const record = (await committee.request({ url: `/api/v1/cases/${caseId}` })).json<{
      documents: unknown[];
      ruleDecisions: { ruleId: string }[];
    }>();
    expect(record.documents).toHaveLength(1);
    expect(record.ruleDecisions.map((d) => d.ruleId)).toContain('EL-APPROVAL');
  });

  it('an application whose API died before delivering it to the election is delivered once by the worker’s reconciler', async () => {
    const user = await makeUser(h.db, [{ organizationId: communityA, role: 'APPLICANT' }], undefined, idFor('1987-03-03', '211'));
    const membership = await h.db.membership.findFirstOrThrow({ where: { userId: user.id } });
    const community = await h.db.organization.findUniqueOrThrow({ where: { id: communityA } });
    const own = {
      id: membership.id,
      organizationId: communityA,
      organizationName: community.name,
      organizationKind: 'COMMUNITY',
      organizationPath: community.path,
      role: 'APPLICANT',
    };
    const applicant = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      membership: own,
      memberships: [own],
    } as unknown as Caller;
    // What a process killed right after the commit leaves: the application and its case, the Update not yet sent.
    const { id, number, start } = await recordApplication({
      db: h.db,
      temporal: h.temporal,
      taskQueue: h.taskQueue,
      caller: applicant,
      electionId: electionA,
      body: application({
        name: '赵中断',
        idNumber: idFor('1987-03-03', '211'),
        birthDate: '1987-03-03',
      }) as unknown as MigrantApplicationBody,
      requestId: 'test-died',
    });
    expect(await h.db.pendingWorkflowStart.count({ where: { caseId: id } })).toBe(1);
    expect(await resumePendingStarts(h.db, h.temporal, 0)).toBe(1);
    await h.temporal.workflow.getHandle(migrantWorkflowId(id)).executeUpdate(settledUpdate);
    const task = await decisionTask(number);
    // Delivered a second time (the row back, as if the reconciler died before removing it): the same Update id counts once.
    await recordPendingStart(h.db, start);
    expect(await resumePendingStarts(h.db, h.temporal, 0)).toBe(1);
    expect(await h.db.task.count({ where: { caseId: id, kind: 'election.migrant-decision' } })).toBe(1);
    expect(await h.db.pendingWorkflowStart.count({ where: { caseId: id } })).toBe(0);
    expect((await h.db.auditEvent.findMany({ where: { caseId: id, action: 'case.start-resumed' } })).length).toBe(2);
    expect((await complete(committee, task.id, { decision: 'refuse', reason: '本人未到场核实' })).statusCode).toBe(200);
    expect((await h.db.migrantApplication.findUniqueOrThrow({ where: { id } })).status).toBe('REFUSED');
  });

  it('asks a migrant for more evidence; the list cannot be published meanwhile; with the evidence the pre-check passes and they are approved', async () => {
    const res = await apply(
      applicants[2]!,
      electionA,
      application({
        name: '张伟',
        idNumber: migrantIds.evidence,
        birthDate: '1992-11-30',
        hasLegalFixedResidence: false,
        documents: [],
      }),
    );
    const view = res.json<ApplicationView>();
    numbers.evidence = view.number;
    expect(view.precheck.find((r) => r.id === 'EL-HOME')!.passed).toBe(false);
    const first = await decisionTask(view.number);
    expect(
      (
        await complete(committee, first.id, {
          decision: 'request-evidence',
          reason: '未提供合法固定住所证明',
          requestedEvidence: '不动产权证书或备案的租赁合同',
        })
      ).statusCode,
    ).toBe(200);
    expect(await status(applicants[2]!, view.number)).toMatchObject({
      status: 'EVIDENCE_REQUESTED',
      requestedEvidence: '不动产权证书或备案的租赁合同',
    });

    const publish = (await openTask(electionA, 'election.publish-list'))!;
    const early = await complete(committee, publish.id, { confirmed: true });
    expect(early.statusCode).toBe(400);
    expect(early.json<{ error: { fields: { code: string }[] } }>().error.fields.map((f) => f.code)).toContain(
      'applications_pending',
    );

    const supplied = await applicants[2]!.request({
      method: 'POST',
      url: `/api/v1/elections/applications/${view.number}/evidence`,
      payload: {
        address: '幸福社区 5 号楼 101 室',
        residenceSince: addDays(inDays(25), -400),
        hasLegalFixedResidence: true,
        residenceEvidence: '不动产权证书',
        politicalRightsDeprived: false,
        registeredElsewhere: false,
        documents: [{ filename: '不动产权证书.pdf', mimeType: 'application/pdf', contentBase64: PDF }],
      },
    });
    expect(supplied.statusCode).toBe(200);
    expect(supplied.json<ApplicationView>().precheck.every((r) => r.passed)).toBe(true);
    const second = await decisionTask(view.number);
    expect(second.id).not.toBe(first.id);
    expect((await complete(committee, second.id, { decision: 'approve', reason: '补充材料后符合条件' })).statusCode).toBe(200);
    expect((await status(applicants[2]!, view.number)).status).toBe('APPROVED');
  });

  it('catches a double registration by ID number: the declaration says “not registered elsewhere”, EL-SINGLE finds the other list', async () => {
    const res = await apply(
      applicants[3]!,
      electionA,
      application({ name: '外来', idNumber: migrantIds.elsewhere, birthDate: '1985-05-05' }),
    );
    const view = res.json<ApplicationView>();
    numbers.elsewhere = view.number;
    expect(view.precheck.find((r) => r.id === 'EL-SINGLE')).toMatchObject({
      passed: false,
      values: { registeredElsewhere: false, registrationsFound: 1 },
    });
    const task = await decisionTask(view.number);
    expect((await complete(committee, task.id, { decision: 'approve', reason: '同意' })).statusCode).toBe(422);
    expect((await complete(committee, task.id, { decision: 'refuse', reason: '已在和平社区登记（EL-SINGLE）' })).statusCode).toBe(
      200,
    );
    // The ID number never reached the audit chain or the workflow's task rows.
    const leaked = await h.db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM audit_event WHERE data::text LIKE ${`%${migrantIds.elsewhere}%`}`;
    expect(Number(leaked[0]!.n)).toBe(0);
    const inTasks = await h.db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM task WHERE context::text LIKE ${`%${migrantIds.elsewhere}%`} OR result::text LIKE ${`%${migrantIds.elsewhere}%`}`;
    expect(Number(inTasks[0]!.n)).toBe(0);
  });

  it('publishes the list on time (EL-LIST) with a public page and a printable PDF notice', async () => {
    const publish = (await openTask(electionA, 'election.publish-list'))!;
    expect((await complete(committee, publish.id, { confirmed: true })).statusCode).toBe(200);
    expect((await h.db.ruleDecision.findFirstOrThrow({ where: { caseId: electionA, ruleId: 'EL-LIST' } })).passed).toBe(true);
    const notice = await h.api.inject({ url: `/api/v1/elections/${electionA}/notice` });
    expect(notice.statusCode).toBe(200);
    const body = notice.json<{ registeredVoters: number; voters: { name: string; migrant: boolean }[]; publishedOn: string }>();
    expect(body.registeredVoters).toBe(12);
    expect(
      body.voters
        .filter((v) => v.migrant)
        .map((v) => v.name)
        .sort(),
    ).toEqual(['张伟', '王小梅']);
    expect(body.publishedOn).toBe(today);
    expect(notice.body).not.toContain(residents[0]!.idNumber);
    const pdf = await h.api.inject({ url: `/api/v1/elections/${electionA}/notice.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    // After publication the registration is closed.
    expect(
      (
        await apply(
          applicants[4]!,
          electionA,
          application({ name: '迟到', idNumber: idFor('1980-01-01', '205'), birthDate: '1980-01-01' }),
        )
      ).statusCode,
    ).toBe(409);
  });

  it('answers one objection in time (upheld, list corrected) and one late (escalated to the township); refuses an objection after the window (EL-OBJECT)', async () => {
    const missing = { name: '赵六', idNumber: idFor('1975-03-03', '401') };
    const o1 = await committee.request({
      method: 'POST',
      url: `/api/v1/elections/${electionA}/objections`,
      payload: { kind: 'omission', objectorName: '赵六', grounds: '本人住在本社区，名单遗漏', person: missing },
    });
    expect(o1.statusCode).toBe(201);
    const entry = await h.db.voterListEntry.findFirstOrThrow({ where: { electionId: electionA, name: '居民10' } });
    const o2 = await committee.request({
      method: 'POST',
      url: `/api/v1/elections/${electionA}/objections`,
      payload: { kind: 'wrongful-inclusion', objectorName: '钱七', grounds: '居民10 已迁出', entryId: entry.id },
    });
    expect(o2.statusCode).toBe(201);
    const tasks = await h.db.task.findMany({
      where: { caseId: electionA, kind: 'election.objection-answer', status: 'OPEN' },
      orderBy: { createdAt: 'asc' },
    });
    expect(tasks).toHaveLength(2);
    const byObjection = (id: string) => tasks.find((t) => (t.context as { objectionId: string }).objectionId === id)!;
    expect(
      (
        await complete(committee, byObjection(o1.json<{ id: string }>().id).id, {
          decision: 'upheld',
          answer: '经核实，赵六符合登记条件，补入名单',
        })
      ).statusCode,
    ).toBe(200);

    // EL-ANSWER's 3 days pass on the workflow's clock: the unanswered objection is escalated to the township.
    const late = byObjection(o2.json<{ id: string }>().id);
    const escalated = async () => {
      for (let i = 0; i < 25; i++) {
        if ((await h.db.task.findUniqueOrThrow({ where: { id: late.id } })).escalatedAt) return true;
        await sleep(200);
      }
      return false;
    };
    await skipDaysUntil(escalated, 15);
    const row = await h.db.task.findUniqueOrThrow({ where: { id: late.id } });
    expect(row.escalatedToOrgId).toBe(townshipId);
    const townshipBell = (await township.request({ url: '/api/v1/notifications' })).json<{
      items: { kind: string; taskId: string }[];
    }>();
    expect(townshipBell.items.some((n) => n.kind === 'task.escalated' && n.taskId === late.id)).toBe(true);

    // EL-OBJECT's 5 days pass: the window's durable timer closes it.
    const handle = h.temporal.workflow.getHandle((await h.db.case.findUniqueOrThrow({ where: { id: electionA } })).workflowId);
    await skipDaysUntil(async () => !(await handle.query(electionStateQuery)).objectionWindowOpen, 15);
    const tooLate = await committee.request({
      method: 'POST',
      url: `/api/v1/elections/${electionA}/objections`,
      payload: { kind: 'other', objectorName: '孙八', grounds: '迟到的异议' },
    });
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.json<{ error: { details: { rules: Rule[] } } }>().error.details.rules.map((r) => [r.id, r.passed])).toEqual([
      ['EL-OBJECT', false],
    ]);

    expect(
      (await complete(committee, late.id, { decision: 'dismissed', answer: '经核实，居民10 仍在本社区居住' })).statusCode,
    ).toBe(200);
    const objections = (await committee.request({ url: `/api/v1/elections/${electionA}/objections` })).json<
      { number: number; status: string; answeredInTime: boolean | null }[]
    >();
    expect(objections.map((o) => [o.number, o.status, o.answeredInTime])).toEqual([
      [1, 'UPHELD', true],
      [2, 'DISMISSED', false],
      [3, 'LATE', null],
    ]);
    const answers = await h.db.ruleDecision.findMany({
      where: { caseId: electionA, ruleId: 'EL-ANSWER' },
      orderBy: { decidedAt: 'asc' },
    });
    expect(answers.map((d) => d.passed)).toEqual([true, false]);
    const notice = (await h.api.inject({ url: `/api/v1/elections/${electionA}/notice` })).json<{
      registeredVoters: number;
      answers: { number: number; decision: string }[];
    }>();
    expect(notice.registeredVoters).toBe(13);
    expect(notice.answers.map((a) => [a.number, a.decision])).toEqual([
      [1, 'UPHELD'],
      [2, 'DISMISSED'],
    ]);
  });

  const candidates = ['候选甲', '候选乙', '候选丙', '候选丁', '候选戊', '候选己', '候选庚'];

  it('needs more candidates than seats (EL-CANDIDATES), and opens no result before election day', async () => {
    const task = (await openTask(electionA, 'election.candidates', 20_000))!;
    expect(task).not.toBeNull();
    const equal = await complete(committee, task.id, { candidates: candidates.slice(0, 5).map((name) => ({ name })) });
    expect(equal.statusCode).toBe(422);
    expect((await complete(committee, task.id, { candidates: candidates.map((name) => ({ name })) })).statusCode).toBe(200);
    expect(await h.db.task.count({ where: { caseId: electionA, kind: 'election.results' } })).toBe(0);
    expect((await h.db.election.findUniqueOrThrow({ where: { id: electionA } })).status).toBe('VOTING');
  });

  it('counts a first round with an unfilled seat (EL-TURNOUT, EL-WIN), then a run-off fills it (EL-RUNOFF)', async () => {
    // Election day (00:00 China time) comes on the workflow's clock.
    await h.skip(endOfDayInChina(addDays(inDays(25), -1)).getTime() - (await h.now()).getTime() + 60_000);
    const first = (await openTask(electionA, 'election.results'))!;
    expect(first).not.toBeNull();
    const tooMany = await complete(committee, first.id, {
      votesCast: 14,
      candidates: candidates.map((name) => ({ name, votes: 1 })),
    });
    expect(tooMany.statusCode).toBe(400);
    const votes = [9, 8, 7, 7, 5, 3, 2];
    expect(
      (
        await complete(committee, first.id, {
          votesCast: 10,
          candidates: candidates.map((name, i) => ({ name, votes: votes[i]! })),
        })
      ).statusCode,
    ).toBe(200);
    let election = await h.db.election.findUniqueOrThrow({ where: { id: electionA } });
    expect(election.elected).toEqual(['候选甲', '候选乙', '候选丙', '候选丁']);
    const firstRules = await h.db.ruleDecision.findMany({ where: { caseId: electionA, taskId: first.id } });
    expect(Object.fromEntries(firstRules.map((d) => [d.ruleId, d.passed]))).toEqual({
      'EL-TURNOUT': true,
      'EL-CANDIDATES': true,
      'EL-WIN': false,
    });

    const runoff = (await openTask(electionA, 'election.runoff'))!;
    expect((runoff.context as { seats: number }).seats).toBe(1);
    const elsewhere = await complete(committee, runoff.id, {
      votesCast: 8,
      candidates: [
        { name: '候选甲', votes: 4 },
        { name: '候选己', votes: 3 },
      ],
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(
      (
        await complete(committee, runoff.id, {
          votesCast: 8,
          candidates: [
            { name: '候选戊', votes: 4 },
            { name: '候选己', votes: 3 },
          ],
        })
      ).statusCode,
    ).toBe(200);
    election = await h.db.election.findUniqueOrThrow({ where: { id: electionA } });
    expect(election.elected).toEqual(['候选甲', '候选乙', '候选丙', '候选丁', '候选戊']);
    expect(
      (await h.db.ruleDecision.findFirstOrThrow({ where: { caseId: electionA, taskId: runoff.id, ruleId: 'EL-RUNOFF' } })).passed,
    ).toBe(true);
  });

  it('records the handover in time (EL-HANDOVER), files the report and closes the election; registrations stop counting', async () => {
    const handover = (await openTask(electionA, 'election.handover'))!;
    expect(handover.candidateOrgId).toBe(townshipId);
    // Handed over on the day of the count (the workflow's clock is weeks ahead of this machine's).
    const handedOverOn = chinaDateOf(await h.now());
    expect((await complete(township, handover.id, { handedOverOn, items: ['seals', 'files', 'finances'] })).statusCode).toBe(200);
    const election = await h.db.election.findUniqueOrThrow({ where: { id: electionA } });
    expect(election.status).toBe('COMPLETED');
    expect(election.report).toMatchObject({
      registeredVoters: 13,
      migrantApplications: { APPROVED: 2, REFUSED: 3 },
      objections: { total: 3, upheld: 1, dismissed: 1, answeredLate: 1 },
      vacancies: 0,
    });
    expect((await h.db.ruleDecision.findFirstOrThrow({ where: { caseId: electionA, ruleId: 'EL-HANDOVER' } })).passed).toBe(true);
    expect((await h.db.case.findUniqueOrThrow({ where: { id: electionA } })).status).toBe('COMPLETED');
    expect(await h.db.voterListEntry.count({ where: { electionId: electionA, activeIdNumber: { not: null } } })).toBe(0);
    const record = (await township.request({ url: `/api/v1/cases/${electionA}` })).json<{
      steps: { key: string; state: string }[];
    }>();
    expect(record.steps.every((s) => s.state === 'done' || s.key === 'closed')).toBe(true);
  });

  it('records its rule decisions in both languages: an English reader of the case record reads them in English', async () => {
    await expectRuleDetailsInEnglish(township, electionA, ['EL-LAW', 'EL-LIST', 'EL-HANDOVER']);
  });

  it('the second community’s election records a late publication with its reason (EL-LIST)', async () => {
    // Election day was 10 days away at its set-up: the list is late (EL-LIST needs 20 days) and needs a reason.
    // (Published after the first election's weeks on the workflow clock, so that its objection window is still open.)
    const publish = (await openTask(electionB, 'election.publish-list'))!;
    const noReason = await complete(committeeB, publish.id, { confirmed: true });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path)).toContain(
      'payload.lateReason',
    );
    expect(
      (await complete(committeeB, publish.id, { confirmed: true, lateReason: '村改居后首次选举，名单核对延误' })).statusCode,
    ).toBe(200);
    const list = await h.db.ruleDecision.findFirstOrThrow({ where: { caseId: electionB, ruleId: 'EL-LIST' } });
    expect(list.passed).toBe(false);
    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { caseId: electionB, action: 'election.list-published-late' },
    });
    expect(audit.reason).toBe('村改居后首次选举，名单核对延误');
  });

  it('shows the county elections by community, the direct-election rate against 80%, and migrants approved and refused', async () => {
    const res = await county.request({ url: '/api/v1/elections/overview' });
    expect(res.statusCode).toBe(200);
    const view = res.json<{
      communities: { community: string; election: { status: string; method: string } | null }[];
      directElection: { direct: number; total: number; percent: number; meetsTarget: boolean };
      migrantApplications: { approved: number; refused: number };
    }>();
    expect(view.communities.map((c) => [c.community, c.election?.status, c.election?.method])).toEqual(
      expect.arrayContaining([
        ['幸福社区', 'COMPLETED', 'direct'],
        ['和平社区', 'OBJECTIONS', 'household-representatives'],
      ]),
    );
    expect(view.directElection).toMatchObject({ direct: 1, total: 2, percent: 50, meetsTarget: false });
    expect(view.migrantApplications).toEqual({ approved: 2, refused: 3, open: 0 });
    // The committee cannot open the county view; another county sees nothing of this one.
    expect((await committee.request({ url: '/api/v1/elections/overview' })).statusCode).toBe(403);
    const other = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: (await makeOrganization(h.db, 'COUNTY')).id, role: 'COUNTY_APPROVER' }])).username,
    );
    expect((await other.request({ url: `/api/v1/elections/overview?organizationId=${countyId}` })).statusCode).toBe(404);
    expect((await other.request({ url: `/api/v1/elections/${electionA}` })).statusCode).toBe(404);
  });
});
