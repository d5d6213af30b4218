import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, chinaDateOf } from '../domain/clock';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { electionInRegistration } from './support/elections';
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
  let townshipId: string;
  let town: { id: string };

  beforeAll(async () => {
    h = await startTimeSkippingHarness();
    const county = await makeOrganization(h.db, 'COUNTY', undefined, '西河县');
    town = await makeOrganization(h.db, 'SUBDISTRICT', county.id, '新城街道');
    townshipId = town.id;
    township = await signIn(h.api, (await makeUser(h.db, [{ organizationId: town.id, role: 'TOWNSHIP_OFFICIAL' }])).username);
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
});
