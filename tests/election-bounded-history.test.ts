import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { temporal } from '@temporalio/proto';
import { addDays, chinaDateOf } from '../domain/clock';
import { startTimeSkippingHarness, type TimeSkippingHarness } from './support/time-skipping';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { electionInRegistration, idFor, migrantResidence } from './support/elections';

const EventType = temporal.api.enums.v1.EventType;
const today = chinaDateOf(new Date());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ErrorBody {
  error: { code: string; fields?: { path: string; code: string }[] };
}

/**
 * Issue 19, bounded histories: an election's workflow does not grow with its community. Each migrant application and
 * each objection is a workflow of its own (started by the API with it), and the election never hears of them one by
 * one: registration and the objection window close in PostgreSQL, serialized with the applications and objections by
 * the election's row lock, and the last answer after the window wakes the election once.
 */
describe('an election’s history is bounded: applications and objections are workflows of their own', () => {
  let h: TimeSkippingHarness;
  let township: Session;
  let townId: string;
  let committee: Session;
  let communityId: string;
  let nextApplicant = 0;

  beforeAll(async () => {
    h = await startTimeSkippingHarness();
    const county = await makeOrganization(h.db, 'COUNTY');
    const town = await makeOrganization(h.db, 'SUBDISTRICT', county.id);
    townId = town.id;
    township = await signIn(h.api, (await makeUser(h.db, [{ organizationId: town.id, role: 'TOWNSHIP_OFFICIAL' }])).username);
  });
  afterAll(async () => h?.close());

  /** A community of its own (one running election per community), its committee signed in, its election registering. */
  async function electionOfNewCommunity(): Promise<string> {
    communityId = (await makeOrganization(h.db, 'COMMUNITY', townId)).id;
    const ec = await makeOrganization(h.db, 'ELECTION_COMMITTEE', communityId);
    committee = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: ec.id, role: 'ELECTION_COMMITTEE_MEMBER' }])).username,
    );
    // Far enough ahead that the publication is in time (EL-LIST) after earlier tests moved the workflow clock on.
    return electionInRegistration(h.db, township, communityId, addDays(today, 60));
  }

  const complete = (taskId: string, payload: unknown) =>
    committee.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/complete`, payload: { payload } });

  /** A migrant of the community with a real-name account of their own, applying to `electionId`. */
  async function migrant(electionId: string) {
    nextApplicant += 1;
    const birthDate = '1984-06-15';
    const idNumber = idFor(birthDate, String(300 + nextApplicant));
    const user = await makeUser(h.db, [{ organizationId: communityId, role: 'APPLICANT' }], undefined, idNumber);
    const session = await signIn(h.api, user.username);
    const election = await h.db.election.findUniqueOrThrow({ where: { id: electionId } });
    const body = {
      ...migrantResidence(addDays(election.electionDate!, -400)),
      name: `流动人口${nextApplicant}`,
      idNumber,
      birthDate,
    };
    return {
      userId: user.id,
      apply: () => session.request({ method: 'POST', url: `/api/v1/elections/${electionId}/applications`, payload: body }),
    };
  }

  async function openTask(caseId: string, kind: string) {
    for (let i = 0; i < 75; i++) {
      const task = await h.db.task.findFirst({ where: { caseId, kind, status: 'OPEN' } });
      if (task) return task;
      await sleep(200);
    }
    throw new Error(`no open ${kind} task within 15 s`);
  }

  /** The committee decides every undecided application of the election (approves it). */
  async function decideAll(electionId: string) {
    const open = await h.db.migrantApplication.findMany({
      where: { electionId, status: { in: ['UNDER_REVIEW', 'EVIDENCE_REQUESTED'] } },
    });
    for (const app of open) {
      const task = await openTask(app.id, 'election.migrant-decision');
      expect((await complete(task.id, { decision: 'approve', reason: '符合条件' })).statusCode).toBe(200);
    }
  }

  const undecided = (electionId: string) =>
    h.db.migrantApplication.count({ where: { electionId, status: { in: ['UNDER_REVIEW', 'EVIDENCE_REQUESTED'] } } });

  /** Moves the workflow clock a day at a time until `done()` holds. */
  async function skipDaysUntil(done: () => Promise<boolean>, maxDays = 15) {
    for (let day = 0; day < maxDays && !(await done()); day++) await h.skip('1 day');
    expect(await done()).toBe(true);
  }

  const objection = (electionId: string, grounds: string) =>
    committee.request({
      method: 'POST',
      url: `/api/v1/elections/${electionId}/objections`,
      payload: { kind: 'other', objectorName: '赵六', grounds },
    });
  const answerTask = (electionId: string, objectionId: string) =>
    h.db.task.findFirstOrThrow({
      where: { caseId: electionId, kind: 'election.objection-answer', context: { path: ['objectionId'], equals: objectionId } },
    });
  const windowClosed = async (electionId: string) =>
    (await h.db.election.findUniqueOrThrow({ where: { id: electionId } })).objectionWindowClosedAt !== null;
  const candidatesOpen = async (electionId: string) =>
    (await h.db.task.count({ where: { caseId: electionId, kind: 'election.candidates', status: 'OPEN' } })) === 1;

  async function electionHistory(electionId: string) {
    const { workflowId } = await h.db.case.findUniqueOrThrow({ where: { id: electionId } });
    const { events } = await h.temporal.workflow.getHandle(workflowId).fetchHistory();
    return events ?? [];
  }

  it('an application and the list’s publication are serialized: an application after publication is refused and none is left undecided', async () => {
    const electionId = await electionOfNewCommunity();
    const publish = await openTask(electionId, 'election.publish-list');

    // One undecided application holds the publication back (400, applications_pending); nothing is recorded.
    const first = await migrant(electionId);
    expect((await first.apply()).statusCode).toBe(201);
    const held = await complete(publish.id, { confirmed: true });
    expect(held.statusCode).toBe(400);
    expect(held.json<ErrorBody>().error.fields?.map((f) => f.code)).toEqual(['applications_pending']);
    expect(await h.db.election.findUniqueOrThrow({ where: { id: electionId } })).toMatchObject({
      status: 'REGISTRATION',
      registrationClosedAt: null,
    });
    expect((await h.db.task.findUniqueOrThrow({ where: { id: publish.id } })).status).toBe('OPEN');
    await decideAll(electionId);

    // Applications racing the publication: each is either recorded before it (and then decided before the list
    // is published) or refused after it (409, no row).
    const racing = await Promise.all(Array.from({ length: 6 }, () => migrant(electionId)));
    const [publication, ...answers] = await Promise.all([
      complete(publish.id, { confirmed: true }),
      ...racing.map((m) => m.apply()),
    ]);
    if (publication.statusCode !== 200) {
      expect(publication.json<ErrorBody>().error.fields?.map((f) => f.code)).toEqual(['applications_pending']);
      await decideAll(electionId);
      expect((await complete(publish.id, { confirmed: true })).statusCode).toBe(200);
    }
    expect(answers.every((a) => a.statusCode === 201 || a.statusCode === 409)).toBe(true);
    for (const [i, answer] of answers.entries()) {
      const rows = await h.db.migrantApplication.count({ where: { electionId, applicantUserId: racing[i]!.userId } });
      expect({ status: answer.statusCode, rows }).toEqual({ status: answer.statusCode, rows: answer.statusCode === 201 ? 1 : 0 });
    }
    const election = await h.db.election.findUniqueOrThrow({ where: { id: electionId } });
    expect(election.status).toBe('OBJECTIONS');
    expect(election.registrationClosedAt).not.toBeNull();
    expect(await undecided(electionId)).toBe(0);

    // After the publication an application is refused (409) and leaves nothing behind.
    const late = await migrant(electionId);
    expect((await late.apply()).statusCode).toBe(409);
    expect(await h.db.migrantApplication.count({ where: { electionId, applicantUserId: late.userId } })).toBe(0);
    expect(await undecided(electionId)).toBe(0);
  });

  it('the election’s history does not grow with its applications and objections: no Update, child or event per application or objection', async () => {
    const electionId = await electionOfNewCommunity();
    const applications = 30;
    const migrants = await Promise.all(Array.from({ length: applications }, () => migrant(electionId)));
    for (let i = 0; i < migrants.length; i += 5) {
      const answers = await Promise.all(migrants.slice(i, i + 5).map((m) => m.apply()));
      expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 201));
    }
    await decideAll(electionId);
    const publish = await openTask(electionId, 'election.publish-list');
    expect((await complete(publish.id, { confirmed: true })).statusCode).toBe(200);
    expect(await h.db.voterListEntry.count({ where: { electionId, source: 'MIGRANT' } })).toBe(applications);

    // Ten objections, each a workflow of its own with its answer task on the election's case, answered in time.
    const objections = 10;
    for (let i = 0; i < objections; i++) {
      const filed = await objection(electionId, `第 ${i + 1} 条异议`);
      expect(filed.statusCode).toBe(201);
      const { id } = filed.json<{ id: string }>();
      expect(await h.db.case.findUniqueOrThrow({ where: { id } })).toMatchObject({
        procedure: 'election-objection',
        workflowId: `election-objection-${id}`,
      });
      const task = await answerTask(electionId, id);
      expect((await complete(task.id, { decision: 'dismissed', answer: '经核实，名单无误' })).statusCode).toBe(200);
    }
    expect(await h.db.voterObjection.count({ where: { electionId, status: 'DISMISSED' } })).toBe(objections);
    // The window closes on the workflow's clock, nothing is left to answer: the candidates' step opens.
    await skipDaysUntil(() => candidatesOpen(electionId));

    const events = await electionHistory(electionId);
    const updates = events.filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
    // The start's settled Update, the set-up and the publication: none carries an application.
    const names = updates.map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name);
    expect(names.filter((n) => n !== 'completeTask' && n !== 'settled')).toEqual([]);
    expect(names.length).toBeLessThanOrEqual(4);
    expect(events.filter((e) => e.eventType === EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)).toHaveLength(0);
    expect(events.filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)).toHaveLength(0);
    // A bound of its own steps, whatever the numbers (30 applications and 10 objections here; 5,000 and 200 in the
    // bench's community).
    expect(events.length).toBeLessThan(150);
  });

  it('an objection answered after the window closed wakes the election exactly once', async () => {
    const electionId = await electionOfNewCommunity();
    const publish = await openTask(electionId, 'election.publish-list');
    expect((await complete(publish.id, { confirmed: true })).statusCode).toBe(200);
    const filed = [];
    for (const grounds of ['门牌号有误', '小组划分有误']) {
      const res = await objection(electionId, grounds);
      expect(res.statusCode).toBe(201);
      filed.push(res.json<{ id: string }>().id);
    }

    // EL-OBJECT's window closes on the workflow's clock with both unanswered: the election waits for the answers.
    await skipDaysUntil(() => windowClosed(electionId));
    const late = await objection(electionId, '窗口关闭后的异议');
    expect(late.statusCode).toBe(422);
    expect(late.json<{ error: { details: { rules: { id: string; passed: boolean }[] } } }>().error.details.rules).toEqual([
      expect.objectContaining({ id: 'EL-OBJECT', passed: false }),
    ]);
    expect(await h.db.voterObjection.findFirstOrThrow({ where: { electionId, grounds: '窗口关闭后的异议' } })).toMatchObject({
      status: 'LATE',
    });
    expect(
      await h.db.case.count({ where: { procedure: 'election-objection', data: { path: ['electionId'], equals: electionId } } }),
    ).toBe(2);

    const first = await answerTask(electionId, filed[0]!);
    expect((await complete(first.id, { decision: 'dismissed', answer: '经核实，门牌号无误' })).statusCode).toBe(200);
    await sleep(1_000);
    expect(await candidatesOpen(electionId)).toBe(false);
    expect((await h.db.election.findUniqueOrThrow({ where: { id: electionId } })).status).toBe('OBJECTIONS');

    const second = await answerTask(electionId, filed[1]!);
    expect((await complete(second.id, { decision: 'upheld', answer: '已更正小组划分' })).statusCode).toBe(200);
    for (let i = 0; i < 75 && !(await candidatesOpen(electionId)); i++) await sleep(200);
    expect(await candidatesOpen(electionId)).toBe(true);
    expect((await h.db.election.findUniqueOrThrow({ where: { id: electionId } })).status).toBe('CANDIDATES');

    const signals = (await electionHistory(electionId)).filter(
      (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
    );
    expect(signals.map((e) => e.workflowExecutionSignaledEventAttributes?.signalName)).toEqual(['objectionsAnswered']);
  });

  it('two objections answered at the same moment after the window closed wake the election exactly once', async () => {
    const electionId = await electionOfNewCommunity();
    const publish = await openTask(electionId, 'election.publish-list');
    expect((await complete(publish.id, { confirmed: true })).statusCode).toBe(200);
    const filed = [];
    for (const grounds of ['第一条', '第二条', '第三条']) {
      const res = await objection(electionId, grounds);
      expect(res.statusCode).toBe(201);
      filed.push(res.json<{ id: string }>().id);
    }
    // One answered inside the window, two left for after it.
    const early = await answerTask(electionId, filed[0]!);
    expect((await complete(early.id, { decision: 'dismissed', answer: '名单无误' })).statusCode).toBe(200);
    await skipDaysUntil(() => windowClosed(electionId));
    const tasks = await Promise.all(filed.slice(1).map((id) => answerTask(electionId, id)));
    const answers = await Promise.all(tasks.map((t) => complete(t.id, { decision: 'dismissed', answer: '名单无误' })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    for (let i = 0; i < 75 && !(await candidatesOpen(electionId)); i++) await sleep(200);
    expect(await candidatesOpen(electionId)).toBe(true);
    const signals = (await electionHistory(electionId)).filter(
      (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
    );
    expect(signals).toHaveLength(1);
  });
});
