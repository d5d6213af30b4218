import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, chinaDateOf } from '../domain/clock';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { idFor } from './support/elections';
import { startHarness, type Harness } from './support/harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const residents = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    name: `居民${from + i}`,
    idNumber: idFor(`19${60 + from + i}-03-0${(i % 9) + 1}`, `4${String(from + i).padStart(2, '0')}`),
  }));
const csv = (rows: { name: string; idNumber: string }[]) =>
  Buffer.from(`姓名,身份证号码\n${rows.map((r) => `${r.name},${r.idNumber}`).join('\n')}\n`).toString('base64');

interface ErrorBody {
  error: { code: string };
}

describe('Idempotency-Key on the voter-list import and on objections: a resend after a lost answer gets the first answer', () => {
  let h: Harness;
  let official: Session;
  let committee: Session;
  let colleague: Session;
  let electionId: string;

  beforeAll(async () => {
    h = await startHarness();
    const county = await makeOrganization(h.db, 'COUNTY');
    const township = await makeOrganization(h.db, 'TOWNSHIP', county.id);
    const community = await makeOrganization(h.db, 'COMMUNITY', township.id);
    const ec = await makeOrganization(h.db, 'ELECTION_COMMITTEE', community.id);
    official = await signIn(h.api, (await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }])).username);
    const member = [{ organizationId: ec.id, role: 'ELECTION_COMMITTEE_MEMBER' as const }];
    committee = await signIn(h.api, (await makeUser(h.db, member)).username);
    colleague = await signIn(h.api, (await makeUser(h.db, member)).username);

    const started = await official.request({
      method: 'POST',
      url: '/api/v1/elections',
      payload: { communityOrgId: community.id, restructuringComplete: true },
    });
    expect(started.statusCode).toBe(201);
    electionId = started.json<{ id: string }>().id;
    const setup = await openTask('election.setup');
    const electionDate = addDays(chinaDateOf(new Date()), 25);
    const done = await official.request({
      method: 'POST',
      url: `/api/v1/tasks/${setup.id}/complete`,
      payload: {
        payload: { electionDate, seats: 5, method: 'direct', committeeMembers: [{ name: '陈主任', position: 'chair' }] },
      },
    });
    expect(done.statusCode).toBe(200);
  });
  afterAll(async () => h?.close());

  async function openTask(kind: string) {
    for (let i = 0; i < 75; i++) {
      const task = await h.db.task.findFirst({ where: { caseId: electionId, kind, status: 'OPEN' } });
      if (task) return task;
      await sleep(200);
    }
    throw new Error(`no open ${kind} task within 15 s`);
  }

  const importList = (session: Session, contentBase64: string, key?: string) =>
    session.request({
      method: 'POST',
      url: `/api/v1/elections/${electionId}/voters/import`,
      headers: key ? { 'idempotency-key': key } : {},
      payload: { filename: 'voters.csv', contentBase64 },
    });
  const onList = () => h.db.voterListEntry.count({ where: { electionId, removedAt: null } });

  it('the same upload twice with its key: imported once, one record, one audit row; both answers alike', async () => {
    const key = randomUUID();
    const file = csv(residents(1, 3));
    const first = await importList(committee, file, key);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ imported: 3, registeredVoters: 3 });
    const again = await importList(committee, file, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await onList()).toBe(3);
    expect(await h.db.voterListImport.count({ where: { electionId } })).toBe(1);
    expect(await h.db.auditEvent.count({ where: { caseId: electionId, action: 'election.voters-imported' } })).toBe(1);

    // Without the key the same file is checked afresh: every row is already on the list.
    const unkeyed = await importList(committee, file);
    expect(unkeyed.statusCode).toBe(400);
    expect(await onList()).toBe(3);
  });

  it('the same key with another file is refused (422 IDEMPOTENCY_KEY_REUSED) and imports nothing', async () => {
    const key = randomUUID();
    expect((await importList(committee, csv(residents(10, 1)), key)).statusCode).toBe(200);
    const other = await importList(committee, csv(residents(11, 2)), key);
    expect(other.statusCode).toBe(422);
    expect(other.json<ErrorBody>().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await onList()).toBe(4);
  });

  it('six simultaneous sends with one key import once and all answer the import', async () => {
    const key = randomUUID();
    const file = csv(residents(20, 2));
    const answers = await Promise.all(Array.from({ length: 6 }, () => importList(committee, file, key)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.json<{ imported: number }>().imported)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(await onList()).toBe(6);
    expect(await h.db.voterListImport.count({ where: { electionId, idempotencyKey: key } })).toBe(1);
  });

  it('keys belong to their user: a colleague sending the same key and file gets the rows checked (already on the list)', async () => {
    const key = randomUUID();
    const file = csv(residents(30, 1));
    expect((await importList(committee, file, key)).statusCode).toBe(200);
    const theirs = await importList(colleague, file, key);
    expect(theirs.statusCode).toBe(400);
    expect(await onList()).toBe(7);
  });

  it('the key is documented on the import and objection routes', async () => {
    const doc = (await committee.request({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    }>();
    for (const path of ['/api/v1/elections/{electionId}/voters/import', '/api/v1/elections/{electionId}/objections']) {
      const parameters = doc.paths[path]?.post?.parameters ?? [];
      expect({ path, header: parameters.some((p) => p.in === 'header' && p.name === 'idempotency-key') }).toEqual({
        path,
        header: true,
      });
    }
  });

  describe('objections to the published list', () => {
    const objection = (grounds: string, key?: string) =>
      committee.request({
        method: 'POST',
        url: `/api/v1/elections/${electionId}/objections`,
        headers: key ? { 'idempotency-key': key } : {},
        payload: { kind: 'other', objectorName: '赵六', grounds },
      });
    const answerTasks = () => h.db.task.count({ where: { caseId: electionId, kind: 'election.objection-answer' } });

    beforeAll(async () => {
      const publish = await openTask('election.publish-list');
      const done = await committee.request({
        method: 'POST',
        url: `/api/v1/tasks/${publish.id}/complete`,
        payload: { payload: { confirmed: true } },
      });
      expect(done.statusCode).toBe(200);
    });

    it('the same objection sent twice with its key: one objection, one answer task; both answers name it', async () => {
      const key = randomUUID();
      const first = await objection('名单上的门牌号有误', key);
      expect(first.statusCode).toBe(201);
      const again = await objection('名单上的门牌号有误', key);
      expect(again.statusCode).toBe(201);
      expect(again.json()).toEqual(first.json());
      expect(await h.db.voterObjection.count({ where: { electionId } })).toBe(1);
      await openTask('election.objection-answer');
      expect(await answerTasks()).toBe(1);
    });

    it('four simultaneous sends with one key record one objection; without a key each send is an objection of its own', async () => {
      const key = randomUUID();
      const answers = await Promise.all(Array.from({ length: 4 }, () => objection('小组划分有误', key)));
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
      expect(new Set(answers.map((a) => a.json<{ number: number }>().number)).size).toBe(1);
      expect(await h.db.voterObjection.count({ where: { electionId, grounds: '小组划分有误' } })).toBe(1);

      expect((await objection('两位居民提出同一异议')).statusCode).toBe(201);
      expect((await objection('两位居民提出同一异议')).statusCode).toBe(201);
      expect(await h.db.voterObjection.count({ where: { electionId, grounds: '两位居民提出同一异议' } })).toBe(2);
    });

    it('six objections recorded at the same moment without keys each get a number of their own, consecutive, and none is refused', async () => {
      const before = await h.db.voterObjection.count({ where: { electionId } });
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => objection(`同时登记的异议 ${i + 1}`)));
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
      const numbers = answers.map((a) => a.json<{ number: number }>().number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 6 }, (_, i) => before + 1 + i));
    });

    it('the same key with another objection is refused (422 IDEMPOTENCY_KEY_REUSED) and records nothing', async () => {
      const key = randomUUID();
      expect((await objection('第一条', key)).statusCode).toBe(201);
      const other = await objection('第二条', key);
      expect(other.statusCode).toBe(422);
      expect(other.json<ErrorBody>().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await h.db.voterObjection.count({ where: { electionId, grounds: '第二条' } })).toBe(0);
    });
  });
});
