import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, chinaDateOf } from '../domain/clock';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { electionInRegistration, idFor, migrantResidence } from './support/elections';

const electionDate = addDays(chinaDateOf(new Date()), 25);

interface Rule {
  id: string;
  passed: boolean;
  citation: string;
  values: Record<string, unknown>;
}
interface ErrorBody {
  error: {
    code: string;
    message: { 'zh-CN': string; en: string };
    fields?: { path: string; code: string }[];
    details?: { rules?: Rule[] };
  };
}

const application = (name: string, idNumber: string, birthDate: string) => ({
  name,
  idNumber,
  birthDate,
  ...migrantResidence(addDays(electionDate, -400)),
});

describe('real-name accounts: the resident ID number is bound to the account, and EL-SELF is checked against it', () => {
  let h: Harness;
  let admin: Session;
  let communityId: string;
  let electionId: string;
  const holder = { name: '王小梅', idNumber: idFor('1988-07-01', '301'), birthDate: '1988-07-01' };
  const other = { name: '李四', idNumber: idFor('1979-04-04', '302'), birthDate: '1979-04-04' };

  beforeAll(async () => {
    h = await startHarness();
    const county = await makeOrganization(h.db, 'COUNTY', undefined, '东河县');
    const town = await makeOrganization(h.db, 'SUBDISTRICT', county.id, '城关街道');
    communityId = (await makeOrganization(h.db, 'COMMUNITY', town.id, '幸福社区')).id;
    await makeOrganization(h.db, 'ELECTION_COMMITTEE', communityId, '幸福社区选举委员会');
    admin = await signIn(h.api, (await makeUser(h.db, [{ organizationId: county.id, role: 'SYSTEM_ADMIN' }])).username);
    const township = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: town.id, role: 'TOWNSHIP_OFFICIAL' }])).username,
    );
    electionId = await electionInRegistration(h.db, township, communityId, electionDate);
  }, 60_000);
  afterAll(async () => h?.close());

  const apply = (session: Session, body: unknown) =>
    session.request({ method: 'POST', url: `/api/v1/elections/${electionId}/applications`, payload: body as object });
  const counts = async () => ({
    applications: await h.db.migrantApplication.count(),
    cases: await h.db.case.count({ where: { procedure: 'migrant-eligibility' } }),
  });

  it('the administrator issues a resident account with its ID number: required for a resident, checked (GB 11643), one account per number, shown masked, never in the audit trail', async () => {
    const base = {
      displayName: '王小梅',
      password: 'a-long-password',
      memberships: [{ organizationId: communityId, role: 'APPLICANT' }],
    };
    const missing = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { ...base, username: 'wang.xiaomei' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>().error.fields).toEqual([
      expect.objectContaining({ path: 'idNumber', code: 'id_number_required' }),
    ]);
    const badCheck = `${holder.idNumber.slice(0, 17)}${holder.idNumber[17] === '0' ? '1' : '0'}`;
    const invalid = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...base, username: 'wang.xiaomei', idNumber: badCheck },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<ErrorBody>().error.fields).toEqual([
      expect.objectContaining({ path: 'idNumber', code: 'resident_id_check_digit' }),
    ]);
    expect(await h.db.user.count({ where: { username: 'wang.xiaomei' } })).toBe(0);

    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...base, username: 'wang.xiaomei', idNumber: holder.idNumber.toLowerCase() },
    });
    expect(created.statusCode).toBe(201);
    const view = created.json<{ id: string; idNumberMasked: string | null }>();
    expect(view.idNumberMasked).toBe(`${holder.idNumber.slice(0, 3)}***********${holder.idNumber.slice(14)}`);
    expect(created.body).not.toContain(holder.idNumber);
    expect((await h.db.user.findUniqueOrThrow({ where: { id: view.id } })).idNumber).toBe(holder.idNumber);

    // One real-name account per person: the same number cannot be bound to a second account.
    const twice = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...base, username: 'wang.xiaomei2', idNumber: holder.idNumber },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<ErrorBody>().error.fields).toEqual([
      expect.objectContaining({ path: 'idNumber', code: 'id_number_taken' }),
    ]);
    // An official's account may be issued without one.
    const official = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        ...base,
        username: 'rc.clerk',
        memberships: [{ organizationId: communityId, role: 'RESIDENTS_COMMITTEE_OFFICIAL' }],
      },
    });
    expect(official.statusCode).toBe(201);
    expect(official.json<{ idNumberMasked: string | null }>().idNumberMasked).toBeNull();

    const leaked = await h.db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM audit_event WHERE data::text LIKE ${`%${holder.idNumber.slice(6, 14)}%`}`;
    expect(Number(leaked[0]!.n)).toBe(0);
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: 'user.created', targetId: view.id } });
    expect(audit.data).toMatchObject({ idNumberBound: true });
  });

  it('EL-SELF: an application under another person’s ID number is refused (422 naming EL-SELF) and nothing is recorded', async () => {
    const user = await makeUser(
      h.db,
      [{ organizationId: communityId, role: 'APPLICANT' }],
      undefined,
      idFor('1985-05-05', '303'),
    );
    const session = await signIn(h.api, user.username);
    const before = await counts();
    const res = await apply(session, application(other.name, other.idNumber, other.birthDate));
    expect(res.statusCode).toBe(422);
    const body = res.json<ErrorBody>();
    expect(body.error.code).toBe('RULE_FAILED');
    expect(body.error.message['zh-CN']).toContain('EL-SELF');
    expect(body.error.message.en).toContain('EL-SELF');
    expect(body.error.fields).toEqual([expect.objectContaining({ path: 'idNumber', code: 'not_account_holder' })]);
    expect(body.error.details?.rules).toEqual([
      expect.objectContaining({ id: 'EL-SELF', passed: false, values: { appliedInPerson: true, idNumberMatchesAccount: false } }),
    ]);
    expect(body.error.details!.rules![0]!.citation).toMatch(/二\(五\)3/);
    expect(await counts()).toEqual(before);
    expect(await h.db.document.count({ where: { uploadedById: user.id } })).toBe(0);
    // The refused attempt itself is on the record: one audit row naming EL-SELF, without either ID number.
    const requestId = res.json<{ error: { requestId: string } }>().error.requestId;
    const rows = await h.db.auditEvent.findMany({ where: { requestId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: 'refused',
      reason: 'RULE_FAILED:not_account_holder',
      actorId: user.id,
      data: expect.objectContaining({ rules: ['EL-SELF'] }),
    });
    const text = JSON.stringify(rows[0]!.data);
    expect(text).not.toContain(other.idNumber);
    expect(text).not.toContain(idFor('1985-05-05', '303'));
  });

  it('EL-SELF: a resident account without a bound ID number cannot apply and is told to ask the administrator; once bound, EL-SELF is recorded as passed', async () => {
    // An account issued before accounts were real-name (no number bound).
    const user = await makeUser(h.db, [{ organizationId: communityId, role: 'APPLICANT' }], undefined, undefined);
    await h.db.user.update({ where: { id: user.id }, data: { idNumber: null } });
    const session = await signIn(h.api, user.username);
    const before = await counts();
    const refused = await apply(session, application(holder.name, holder.idNumber, holder.birthDate));
    expect(refused.statusCode).toBe(403);
    const body = refused.json<ErrorBody>();
    expect(body.error.code).toBe('ID_NUMBER_NOT_BOUND');
    expect(body.error.message['zh-CN']).toContain('管理员');
    expect(body.error.message.en).toContain('administrator');
    expect(await counts()).toEqual(before);

    // The administrator binds the holder's number (the first account issued above holds it: that one is re-bound first).
    await h.db.user.updateMany({ where: { idNumber: holder.idNumber }, data: { idNumber: null } });
    const bound = await admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      payload: { idNumber: holder.idNumber },
    });
    expect(bound.statusCode).toBe(200);
    expect(bound.json<{ idNumberMasked: string }>().idNumberMasked).toMatch(/^370\*{11}/);
    expect((await h.db.auditEvent.findFirstOrThrow({ where: { action: 'user.updated', targetId: user.id } })).data).toEqual({
      idNumber: 'bound',
    });

    const res = await apply(session, application(holder.name, holder.idNumber, holder.birthDate));
    expect(res.statusCode).toBe(201);
    const view = res.json<{ number: string; caseId: string; precheck: Rule[] }>();
    expect(view.precheck.find((r) => r.id === 'EL-SELF')).toMatchObject({
      passed: true,
      values: { appliedInPerson: true, idNumberMatchesAccount: true },
    });
    const decision = await h.db.ruleDecision.findFirstOrThrow({ where: { caseId: view.caseId, ruleId: 'EL-SELF' } });
    expect(decision.passed).toBe(true);
  });

  it('EL-SELF: the pre-check records EL-SELF failed when the account’s bound number no longer matches the application', async () => {
    const idNumber = idFor('1990-09-09', '304');
    const user = await makeUser(h.db, [{ organizationId: communityId, role: 'APPLICANT' }], undefined, idNumber);
    const session = await signIn(h.api, user.username);
    const res = await apply(session, {
      ...application('赵五', idNumber, '1990-09-09'),
      hasLegalFixedResidence: false,
      documents: [],
    });
    expect(res.statusCode).toBe(201);
    const view = res.json<{ number: string; caseId: string; precheck: Rule[] }>();
    expect(view.precheck.find((r) => r.id === 'EL-SELF')!.passed).toBe(true);
    // The administrator corrects the account's number (it was someone else's); the committee asks for evidence, and
    // the next pre-check compares again.
    const corrected = await admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      payload: { idNumber: idFor('1990-09-09', '306') },
    });
    expect(corrected.statusCode).toBe(200);
    expect((await h.db.auditEvent.findFirstOrThrow({ where: { action: 'user.updated', targetId: user.id } })).data).toEqual({
      idNumber: 'corrected',
    });
    const committee = await signIn(
      h.api,
      (
        await makeUser(h.db, [
          {
            organizationId: (await h.db.organization.findFirstOrThrow({ where: { kind: 'ELECTION_COMMITTEE' } })).id,
            role: 'ELECTION_COMMITTEE_MEMBER',
          },
        ])
      ).username,
    );
    const task = await h.db.task.findFirstOrThrow({
      where: { caseId: view.caseId, kind: 'election.migrant-decision', status: 'OPEN' },
    });
    const asked = await committee.request({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/complete`,
      payload: { payload: { decision: 'request-evidence', reason: '缺住所证明', requestedEvidence: '租赁合同' } },
    });
    expect(asked.statusCode).toBe(200);
    const supplied = await session.request({
      method: 'POST',
      url: `/api/v1/elections/applications/${view.number}/evidence`,
      payload: {
        address: '幸福社区 5 号楼',
        residenceSince: addDays(electionDate, -400),
        hasLegalFixedResidence: true,
        residenceEvidence: '租赁合同',
        politicalRightsDeprived: false,
        registeredElsewhere: false,
        documents: [],
      },
    });
    expect(supplied.statusCode).toBe(200);
    expect(supplied.json<{ precheck: Rule[] }>().precheck.find((r) => r.id === 'EL-SELF')).toMatchObject({
      passed: false,
      values: { idNumberMatchesAccount: false },
    });
  });
});
