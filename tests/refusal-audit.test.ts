import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LightMyRequestResponse } from 'fastify';
import { addDays, chinaDateOf } from '../domain/clock';
import { verifyAuditChain } from '../runtime/audit-verify';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { electionInRegistration, idFor } from './support/elections';

const electionDate = addDays(chinaDateOf(new Date()), 25);
const stringify = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/**
 * The README's promise: every refused attempt is recorded. Each refusal kind the issue lists leaves exactly one
 * `audit_event` row (outcome `refused`) naming the reason, the actor, the target (route and path with its ids) and
 * the request id the caller was answered with; the chain still verifies.
 */
describe('refused attempts are audited: one row per refusal with reason, actor, target and request id', () => {
  let h: Harness;
  let a: Session;
  let b: Session;
  let aId: string;
  let bId: string;
  let outsiderId: string;
  let township: Session;
  let committee: Session;
  let committeeUserId: string;
  let applicant: Session;
  let applicantUserId: string;
  let communityId: string;
  let electionId: string;
  const applicantIdNumber = idFor('1988-07-01', '401');

  beforeAll(async () => {
    h = await startHarness();
    const county = await makeOrganization(h.db, 'COUNTY');
    const town = await makeOrganization(h.db, 'SUBDISTRICT', county.id);
    const other = await makeOrganization(h.db, 'TOWNSHIP', county.id);
    communityId = (await makeOrganization(h.db, 'COMMUNITY', town.id)).id;
    const ec = await makeOrganization(h.db, 'ELECTION_COMMITTEE', communityId);
    const ua = await makeUser(h.db, [{ organizationId: town.id, role: 'TOWNSHIP_OFFICIAL' }]);
    const ub = await makeUser(h.db, [{ organizationId: town.id, role: 'TOWNSHIP_OFFICIAL' }]);
    outsiderId = (await makeUser(h.db, [{ organizationId: other.id, role: 'TOWNSHIP_OFFICIAL' }])).id;
    const uc = await makeUser(h.db, [{ organizationId: ec.id, role: 'ELECTION_COMMITTEE_MEMBER' }]);
    const up = await makeUser(h.db, [{ organizationId: communityId, role: 'APPLICANT' }], undefined, applicantIdNumber);
    [aId, bId, committeeUserId, applicantUserId] = [ua.id, ub.id, uc.id, up.id];
    [a, b, committee, applicant] = await Promise.all([
      signIn(h.api, ua.username),
      signIn(h.api, ub.username),
      signIn(h.api, uc.username),
      signIn(h.api, up.username),
    ]);
    township = a;
    electionId = await electionInRegistration(h.db, township, communityId, electionDate);
  }, 60_000);
  afterAll(async () => h?.close());

  async function newTask(session: Session, title: string): Promise<string> {
    const res = await session.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title } });
    expect(res.statusCode).toBe(201);
    return (await h.db.task.findFirstOrThrow({ where: { caseId: res.json<{ id: string }>().id } })).id;
  }

  /** The one audit row of a refused response, found by the request id the response carries. */
  async function refusalRow(res: LightMyRequestResponse) {
    const requestId = res.json<{ error: { requestId: string } }>().error.requestId;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const rows = await h.db.auditEvent.findMany({ where: { requestId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.outcome).toBe('refused');
    return rows[0]!;
  }

  it('a lost claim race (409 TASK_CLAIMED) is audited once, as the loser’s refused claim of that task', async () => {
    const taskId = await newTask(a, '同时认领');
    const [ra, rb] = await Promise.all([
      a.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/claim` }),
      b.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/claim` }),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 409]);
    const [lost, loserId] = ra.statusCode === 409 ? [ra, aId] : [rb, bId];
    const row = await refusalRow(lost);
    expect(row).toMatchObject({
      reason: 'TASK_CLAIMED',
      actorId: loserId,
      action: 'POST /api/v1/tasks/:taskId/claim',
      targetType: 'request',
      targetId: `/api/v1/tasks/${taskId}/claim`,
    });
    expect(row.data).toMatchObject({ status: 409, params: { taskId } });
  });

  it('a second start of an election already under way (409) and a duplicate migrant application (409) are audited', async () => {
    const again = await township.request({
      method: 'POST',
      url: '/api/v1/elections',
      payload: { communityOrgId: communityId, restructuringComplete: true },
    });
    expect(again.statusCode).toBe(409);
    expect(await refusalRow(again)).toMatchObject({
      reason: 'CONFLICT',
      actorId: aId,
      action: 'POST /api/v1/elections',
      targetId: '/api/v1/elections',
    });

    const body = {
      name: '王小梅',
      idNumber: applicantIdNumber,
      birthDate: '1988-07-01',
      address: '幸福社区 3 号楼',
      residenceSince: addDays(electionDate, -400),
      hasLegalFixedResidence: true,
      residenceEvidence: '房屋租赁合同',
      politicalRightsDeprived: false,
      registeredElsewhere: false,
      declarationTrue: true,
      documents: [],
    };
    const url = `/api/v1/elections/${electionId}/applications`;
    expect((await applicant.request({ method: 'POST', url, payload: body })).statusCode).toBe(201);
    const duplicate = await applicant.request({ method: 'POST', url, payload: body });
    expect(duplicate.statusCode).toBe(409);
    const row = await refusalRow(duplicate);
    expect(row).toMatchObject({
      reason: 'CONFLICT',
      actorId: applicantUserId,
      action: 'POST /api/v1/elections/:electionId/applications',
      targetId: url,
    });
    // The refused body's ID number is personal data: it is not in the row.
    expect(stringify(row)).not.toContain(applicantIdNumber);
  });

  it('assigning a task to someone who is not a colleague (400 not_a_colleague) is audited with the field code', async () => {
    const taskId = await newTask(a, '分派给外单位');
    const res = await a.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/assign`, payload: { userId: outsiderId } });
    expect(res.statusCode).toBe(400);
    const row = await refusalRow(res);
    expect(row).toMatchObject({
      reason: 'VALIDATION_FAILED:not_a_colleague',
      actorId: aId,
      targetId: `/api/v1/tasks/${taskId}/assign`,
    });
    expect(row.data).toMatchObject({ status: 400, params: { taskId }, fields: [{ path: 'userId', code: 'not_a_colleague' }] });
  });

  it('a voter-list import refused for its row errors (400) is audited with the rows, without their ID numbers', async () => {
    const good = idFor('1970-01-15', '501');
    const wrong = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const csv = Buffer.from(`姓名,身份证号码\n居民甲,${good}\n错号,${wrong}\n`).toString('base64');
    const res = await committee.request({
      method: 'POST',
      url: `/api/v1/elections/${electionId}/voters/import`,
      payload: { filename: 'voters.csv', contentBase64: csv },
    });
    expect(res.statusCode).toBe(400);
    const row = await refusalRow(res);
    expect(row).toMatchObject({
      reason: 'VALIDATION_FAILED',
      actorId: committeeUserId,
      action: 'POST /api/v1/elections/:electionId/voters/import',
    });
    expect(row.data).toMatchObject({ status: 400, params: { electionId }, rows: [{ row: 3, field: 'idNumber' }] });
    expect(stringify(row)).not.toContain(good.slice(0, 14));
    expect(await h.db.voterListEntry.count({ where: { electionId } })).toBe(0);
  });

  it('uploads refused with 415 (content not matching its type, or a body type the API does not take) are audited', async () => {
    const taskId = await newTask(a, '上传材料');
    const fake = await a.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/documents`,
      payload: { filename: 'x.pdf', mimeType: 'application/pdf', contentBase64: Buffer.from('not a pdf').toString('base64') },
    });
    expect(fake.statusCode).toBe(415);
    expect(await refusalRow(fake)).toMatchObject({
      reason: 'UNSUPPORTED_MEDIA_TYPE:type',
      actorId: aId,
      targetId: `/api/v1/tasks/${taskId}/documents`,
    });
    const plain = await a.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/documents`,
      headers: { 'content-type': 'application/xml' },
      payload: '<document/>',
    });
    expect(plain.statusCode).toBe(415);
    expect(await refusalRow(plain)).toMatchObject({
      reason: 'UNSUPPORTED_MEDIA_TYPE',
      actorId: aId,
      action: 'POST /api/v1/tasks/:taskId/documents',
    });
    expect(await h.db.document.count({ where: { taskId } })).toBe(0);
  });

  it('an Idempotency-Key reused for a different request (422 IDEMPOTENCY_KEY_REUSED) is audited', async () => {
    const key = randomUUID();
    const start = (title: string) =>
      a.request({ method: 'POST', url: '/api/v1/smoke-cases', headers: { 'idempotency-key': key }, payload: { title } });
    expect((await start('幂等 一')).statusCode).toBe(201);
    const reused = await start('幂等 二');
    expect(reused.statusCode).toBe(422);
    expect(await refusalRow(reused)).toMatchObject({
      reason: 'IDEMPOTENCY_KEY_REUSED',
      actorId: aId,
      action: 'POST /api/v1/smoke-cases',
      targetId: '/api/v1/smoke-cases',
    });
  });

  it('an anonymous write is audited (401, no actor); an anonymous read and an unknown path are not (noise)', async () => {
    const write = await h.api.inject({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: '未登录' } });
    expect(write.statusCode).toBe(401);
    expect(await refusalRow(write)).toMatchObject({
      reason: 'UNAUTHENTICATED',
      actorId: null,
      actingOrgId: null,
      action: 'POST /api/v1/smoke-cases',
    });
    for (const res of [
      await h.api.inject({ url: '/api/v1/tasks' }),
      await h.api.inject({ method: 'POST', url: '/api/v1/no-such-endpoint', payload: {} }),
    ]) {
      expect([401, 404]).toContain(res.statusCode);
      const requestId = res.json<{ error: { requestId: string } }>().error.requestId;
      expect(await h.db.auditEvent.count({ where: { requestId } })).toBe(0);
    }
  });

  it('a refusal its service audits itself (a completion of a task no longer open) stays one row; the chain verifies', async () => {
    const taskId = await newTask(a, '已办结');
    expect((await a.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/claim` })).statusCode).toBe(200);
    expect(
      (
        await a.request({
          method: 'POST',
          url: `/api/v1/tasks/${taskId}/complete`,
          payload: { payload: { decision: 'approve' } },
        })
      ).statusCode,
    ).toBe(200);
    const again = await a.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/complete`,
      payload: { payload: { decision: 'approve' } },
    });
    expect(again.statusCode).toBe(409);
    expect(await refusalRow(again)).toMatchObject({
      action: 'task.complete',
      reason: 'already-completed',
      actorId: aId,
      targetId: taskId,
    });
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });
});
