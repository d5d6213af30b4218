import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Client } from '@temporalio/client';
import { vcPrepareForm } from '../domain/forms/village-conversion';
import type { Caller } from '../api/plugins/app/auth';
import { startConversion } from '../api/services/village-conversion/start-conversion';
import { expectRuleDetailsInEnglish } from './support/rule-details';
import { startHarness, type Harness } from './support/harness';
import { skipDaysUntil, startTimeSkippingHarness, type TimeSkippingHarness } from './support/time-skipping';
import { createVillageConversionActivities } from '../activities/village-conversion';
import { createOrganization } from '../runtime/organizations';
import { residentsCommitteeCode } from '../domain/organizations';
import { ruleSetInForce } from '../domain/rules/rule-sets';
import { chinaDateOf } from '../domain/clock';
import type { Session } from './support/factories';
import { CONVERSION_APPLICATION as application, TINY_PDF_BASE64 as PDF } from './support/fixtures';
import { conversionCounty, conversionVillage, uploadEvidence } from './support/village-conversion';

describe('村改居 procedure against real Temporal and PostgreSQL', () => {
  let h: Harness;
  let village: Session;
  let township: Session;
  let reviewer: Session;
  let approver: Session;
  let townOrgId: string;
  /** The village committee acting on each case (one open or approved conversion per village: each test its own village). */
  const sessionOf = new Map<string, Session>();

  /** A village of 青石镇 with its committee official signed in. */
  async function newVillage(name: string) {
    const { org, user, session } = await conversionVillage(h, townOrgId, name);
    return { orgId: org.id, userId: user.id, code: org.code, session };
  }

  beforeAll(async () => {
    h = await startHarness();
    const county = await conversionCounty(h, { county: '东河县', town: '青石镇' });
    ({ township, reviewer, approver } = county);
    townOrgId = county.town.id;
    village = (await conversionVillage(h, townOrgId, '柳树村')).session;
  });
  afterAll(async () => h?.close());

  async function openTask(caseId: string, kind: string) {
    return h.db.task.findFirstOrThrow({ where: { caseId, kind, status: 'OPEN' } });
  }

  async function complete(session: Session, taskId: string, payload: unknown) {
    return session.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/complete`, payload: { payload } });
  }

  async function evidenceIds(taskId: string, session = village): Promise<Record<string, string[]>> {
    return uploadEvidence(session, taskId);
  }

  async function prepare(caseId: string, app = application) {
    const session = sessionOf.get(caseId) ?? village;
    const task = await openTask(caseId, 'vc.prepare');
    return complete(session, task.id, {
      application: app,
      noticePosting: '村务公开栏及各村民小组张贴',
      restructuringRecord: '青石镇改制〔2025〕3号',
      evidence: await evidenceIds(task.id, session),
      votesAgainst: 200,
      abstentions: 50,
    });
  }

  /** Starts a conversion: of 柳树村 when given its session, otherwise of a new village named after the title. */
  async function start(title: string, session?: Session) {
    const by = session ?? (await newVillage(title.replace(/村改居.*$/, ''))).session;
    const res = await by.request({ method: 'POST', url: '/api/v1/village-conversions', payload: { title } });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ id: string }>().id;
    sessionOf.set(id, by);
    return id;
  }

  it('walks the full approval path with a return-and-resubmit loop, records every clause, sets up the committee and its first election', async () => {
    const caseId = await start('柳树村村改居', village);
    // A failing rule blocks the step and names the clause.
    const blocked = await prepare(caseId, {
      ...application,
      assembly: { ...application.assembly, adultAttendees: 500, householdRepresentatives: 199 },
    });
    expect(blocked.statusCode).toBe(422);
    const rules = blocked.json<{ error: { code: string; details: { rules: { id: string; citation: string }[] } } }>().error;
    expect(rules.code).toBe('RULE_FAILED');
    expect(rules.details.rules.map((r) => r.id)).toEqual(['VC-QUORUM']);
    expect(rules.details.rules[0]!.citation).toContain('第二十二条');

    expect((await prepare(caseId)).statusCode).toBe(200);
    const returned = await complete(township, (await openTask(caseId, 'vc.township-review')).id, {
      decision: 'return',
      opinion: '请补充劳动力统计原始台账',
    });
    expect(returned.statusCode).toBe(200);
    expect((await prepare(caseId)).statusCode).toBe(200);
    expect(
      (
        await complete(township, (await openTask(caseId, 'vc.township-review')).id, {
          decision: 'propose',
          opinion: '符合条件，提出改设',
        })
      ).statusCode,
    ).toBe(200);
    // After the proposal the village can no longer withdraw.
    const late = await village.request({
      method: 'POST',
      url: `/api/v1/village-conversions/${caseId}/withdraw`,
      payload: { reason: '太晚了' },
    });
    expect(late.statusCode).toBe(409);
    expect(
      (
        await complete(reviewer, (await openTask(caseId, 'vc.civil-affairs-review')).id, {
          decision: 'forward',
          opinion: '材料齐全',
        })
      ).statusCode,
    ).toBe(200);
    const approve = await complete(approver, (await openTask(caseId, 'vc.county-decision')).id, {
      decision: 'approve',
      documentNumber: '东政字〔2026〕15号',
      decisionText: '经研究，同意撤销柳树村民委员会，设立柳树社区居民委员会。',
      newCommittee: { name: '柳树社区居民委员会', area: '原柳树村村域', households: 300 },
    });
    expect(approve.statusCode).toBe(200);
    expect(approve.json()).toMatchObject({ caseStatus: 'closed' });

    const record = await h.db.case.findUniqueOrThrow({ where: { id: caseId }, include: { ruleDecisions: true } });
    expect(record.status).toBe('COMPLETED');
    const ids = new Set(record.ruleDecisions.map((d) => d.ruleId));
    for (const id of [
      'VC-C1',
      'VC-C2',
      'VC-C3',
      'VC-C4',
      'VC-NOTICE',
      'VC-QUORUM',
      'VC-MAJORITY',
      'VC-PROPOSE',
      'VC-APPROVE',
      'EL-LAW',
    ])
      expect(ids).toContain(id);
    const committee = await h.db.organization.findFirstOrThrow({ where: { name: '柳树社区居民委员会' } });
    expect(committee.kind).toBe('COMMUNITY');
    const election = await h.db.case.findFirstOrThrow({ where: { procedure: 'election', organizationId: committee.id } });
    expect((election.data as { law: string }).law).toBe('residents-committee-law');

    const pdf = await approver.request({ url: `/api/v1/village-conversions/${caseId}/decision.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('records a refusal by the county government', async () => {
    const caseId = await start('桃园村村改居');
    await prepare(caseId);
    await complete(township, (await openTask(caseId, 'vc.township-review')).id, { decision: 'propose', opinion: '提出' });
    await complete(reviewer, (await openTask(caseId, 'vc.civil-affairs-review')).id, { decision: 'forward', opinion: '转报' });
    const refused = await complete(approver, (await openTask(caseId, 'vc.county-decision')).id, {
      decision: 'refuse',
      documentNumber: '东政字〔2026〕16号',
      decisionText: '城镇规划调整前暂不批准。',
    });
    expect(refused.statusCode).toBe(200);
    const row = await h.db.case.findUniqueOrThrow({
      where: { id: caseId },
      include: { ruleDecisions: { where: { ruleId: 'VC-APPROVE' } } },
    });
    expect(row.status).toBe('REJECTED');
    expect(row.ruleDecisions[0]!.passed).toBe(false);
  });

  it('lets the village withdraw before the township proposes, cancelling the open task', async () => {
    const caseId = await start('撤回测试');
    await prepare(caseId);
    const res = await sessionOf.get(caseId)!.request({
      method: 'POST',
      url: `/api/v1/village-conversions/${caseId}/withdraw`,
      payload: { reason: '村民会议决定暂缓' },
    });
    expect(res.statusCode).toBe(200);
    const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId }, include: { tasks: true } });
    expect(row.status).toBe('WITHDRAWN');
    expect(row.tasks.find((t) => t.kind === 'vc.township-review')?.status).toBe('CANCELLED');
    // The workflow has closed: a second withdrawal is refused as not open, not an internal error.
    const again = await sessionOf
      .get(caseId)!
      .request({ method: 'POST', url: `/api/v1/village-conversions/${caseId}/withdraw`, payload: { reason: '再次撤回' } });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('TASK_NOT_OPEN');
  });

  async function forwardToCounty(caseId: string) {
    expect(
      (await complete(township, (await openTask(caseId, 'vc.township-review')).id, { decision: 'propose', opinion: '提出' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await complete(reviewer, (await openTask(caseId, 'vc.civil-affairs-review')).id, { decision: 'forward', opinion: '转报' }))
        .statusCode,
    ).toBe(200);
  }

  const approval = (name: string) => ({
    decision: 'approve',
    documentNumber: '东政字〔2026〕21号',
    decisionText: '同意改设。',
    newCommittee: { name, area: '原村域', households: 300 },
  });

  describe('VC evidence: every condition and the assembly record need documents uploaded to this case', () => {
    const prepareBody = (evidence: Record<string, string[]>) => ({
      application,
      noticePosting: '村务公开栏张贴',
      restructuringRecord: '青石镇改制〔2025〕3号',
      evidence,
      votesAgainst: 200,
      abstentions: 50,
    });
    type Refusal = {
      error: { code: string; fields: { path: string; code: string; message: { 'zh-CN': string; en: string } }[] };
    };

    async function expectNothingChanged(caseId: string, taskId: string) {
      expect((await h.db.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe('OPEN');
      expect(await h.db.task.count({ where: { caseId, kind: 'vc.township-review' } })).toBe(0);
      expect(await h.db.ruleDecision.count({ where: { caseId } })).toBe(0);
    }

    it('refuses random document ids with 400 naming the condition, and changes nothing', async () => {
      const caseId = await start('证据甲村村改居');
      const session = sessionOf.get(caseId)!;
      const task = await openTask(caseId, 'vc.prepare');
      const ids = await evidenceIds(task.id, session);
      const random = '8d7f2b9e-3c1a-4e5b-9f60-1a2b3c4d5e6f';
      const res = await complete(session, task.id, prepareBody({ ...ids, 'VC-C2': [random] }));
      expect(res.statusCode).toBe(400);
      const error = res.json<Refusal>().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields).toHaveLength(1);
      expect(error.fields[0]).toMatchObject({ path: 'payload.evidence.VC-C2', code: 'evidence_not_in_case' });
      expect(error.fields[0]!.message['zh-CN']).toContain('VC-C2');
      expect(error.fields[0]!.message.en).toContain('VC-C2');
      await expectNothingChanged(caseId, task.id);
    });

    it('parses a completion payload through the form schema once in the API: the record checks take what it parsed', async () => {
      const caseId = await start('证据单读村村改居');
      const session = sessionOf.get(caseId)!;
      const task = await openTask(caseId, 'vc.prepare');
      const ids = await evidenceIds(task.id, session);
      const safeParse = jest.spyOn(vcPrepareForm, 'safeParse');
      const parse = jest.spyOn(vcPrepareForm, 'parse');
      try {
        const res = await complete(session, task.id, prepareBody({ ...ids, 'VC-C3': ['8d7f2b9e-3c1a-4e5b-9f60-1a2b3c4d5e6f'] }));
        expect(res.statusCode).toBe(400); // refused by the record check, so the workflow never read it
        expect(safeParse.mock.calls.length + parse.mock.calls.length).toBe(1);
      } finally {
        safeParse.mockRestore();
        parse.mockRestore();
      }
      await expectNothingChanged(caseId, task.id);
    });

    it('refuses a document of another case as evidence (400), and changes nothing', async () => {
      const other = await start('证据乙他村村改居');
      const otherDocs = await evidenceIds((await openTask(other, 'vc.prepare')).id, sessionOf.get(other));
      const caseId = await start('证据乙村村改居');
      const session = sessionOf.get(caseId)!;
      const task = await openTask(caseId, 'vc.prepare');
      const ids = await evidenceIds(task.id, session);
      const res = await complete(
        session,
        task.id,
        prepareBody({ ...ids, assembly: [ids.assembly![0]!, otherDocs.assembly![0]!] }),
      );
      expect(res.statusCode).toBe(400);
      const error = res.json<Refusal>().error;
      expect(error.fields.map((f) => f.path)).toEqual(['payload.evidence.assembly']);
      expect(error.fields[0]!.message['zh-CN']).toContain('村民会议记录');
      await expectNothingChanged(caseId, task.id);
      const audit = await h.db.auditEvent.findFirstOrThrow({ where: { caseId, action: 'task.complete', outcome: 'refused' } });
      expect(audit.reason).toContain('evidence_not_in_case');
    });

    it('refuses an application missing evidence for a condition (400 naming it)', async () => {
      const caseId = await start('证据丙村村改居');
      const session = sessionOf.get(caseId)!;
      const task = await openTask(caseId, 'vc.prepare');
      const ids = await evidenceIds(task.id, session);
      const res = await complete(session, task.id, prepareBody({ ...ids, 'VC-C4': [] }));
      expect(res.statusCode).toBe(400);
      const field = res.json<Refusal>().error.fields.find((f) => f.path === 'payload.evidence.VC-C4')!;
      expect(field.code).toBe('evidence_required');
      expect(field.message['zh-CN']).toContain('VC-C4');
      await expectNothingChanged(caseId, task.id);
    });

    it('records its rule decisions in both languages: an English reader of the case record reads them in English', async () => {
      const caseId = await start('英文读者村村改居');
      const session = sessionOf.get(caseId)!;
      const task = await openTask(caseId, 'vc.prepare');
      expect((await complete(session, task.id, prepareBody(await evidenceIds(task.id, session)))).statusCode).toBe(200);
      await expectRuleDetailsInEnglish(township, caseId, ['VC-C1']);
    });

    it('accepts evidence uploaded to this case and lists it per condition on the case record', async () => {
      const caseId = await start('证据丁村村改居');
      const session = sessionOf.get(caseId)!;
      const task = await openTask(caseId, 'vc.prepare');
      const ids = await evidenceIds(task.id, session);
      expect((await complete(session, task.id, prepareBody(ids))).statusCode).toBe(200);
      const record = await township.request({ url: `/api/v1/cases/${caseId}` });
      expect(record.statusCode).toBe(200);
      const evidence = record.json<{
        evidence: { key: string; label: { 'zh-CN': string }; documents: { id: string; name: string }[] }[];
      }>().evidence;
      expect(evidence.map((e) => e.key)).toEqual(['VC-C1', 'VC-C2', 'VC-C3', 'VC-C4', 'assembly']);
      for (const e of evidence)
        expect(e.documents).toEqual([{ id: ids[e.key]![0], name: `${e.key}.pdf`, createdAt: expect.any(String) }]);
    });
  });

  describe('one open or approved conversion per village', () => {
    type Conflict = { error: { code: string; message: { 'zh-CN': string; en: string }; details: { caseNumber: string } } };

    it('refuses a second conversion while one is open (409 naming the case and its number), and starts nothing', async () => {
      const v = await newVillage('双申村');
      const first = await start('双申村村改居', v.session);
      const number = (await h.db.case.findUniqueOrThrow({ where: { id: first } })).number;
      const before = await h.db.case.count({ where: { organizationId: v.orgId } });
      const res = await v.session.request({
        method: 'POST',
        url: '/api/v1/village-conversions',
        payload: { title: '双申村第二次' },
      });
      expect(res.statusCode).toBe(409);
      const error = res.json<Conflict>().error;
      expect(error.code).toBe('CONFLICT');
      expect(error.details.caseNumber).toBe(number);
      expect(error.message['zh-CN']).toContain(number);
      expect(error.message.en).toContain(number);
      expect(await h.db.case.count({ where: { organizationId: v.orgId } })).toBe(before);
      expect(
        await h.db.auditEvent.count({ where: { action: 'village-conversion.start', outcome: 'refused', targetId: v.orgId } }),
      ).toBe(1);
    });

    it('refuses two conversions of one village started at the same moment: exactly one opens', async () => {
      const v = await newVillage('并发村');
      const results = await Promise.all(
        [1, 2, 3].map((i) =>
          v.session.request({ method: 'POST', url: '/api/v1/village-conversions', payload: { title: `并发村村改居 ${i}` } }),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
      expect(await h.db.case.count({ where: { procedure: 'village-conversion', organizationId: v.orgId } })).toBe(1);
    });

    it('marks an approved village converted, links it to its residents’ committee, and refuses a new conversion (409)', async () => {
      const v = await newVillage('改居村');
      const caseId = await start('改居村村改居', v.session);
      expect((await prepare(caseId)).statusCode).toBe(200);
      await forwardToCounty(caseId);
      expect(
        (await complete(approver, (await openTask(caseId, 'vc.county-decision')).id, approval('改居社区居民委员会'))).statusCode,
      ).toBe(200);
      const village = await h.db.organization.findUniqueOrThrow({
        where: { id: v.orgId },
        include: { residentsCommittee: true },
      });
      expect(village.convertedAt).not.toBeNull();
      expect(village.conversionCaseId).toBe(caseId);
      expect(village.residentsCommittee).toMatchObject({ name: '改居社区居民委员会', kind: 'COMMUNITY' });
      const number = (await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).number;
      const again = await v.session.request({
        method: 'POST',
        url: '/api/v1/village-conversions',
        payload: { title: '再改一次' },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json<Conflict>().error.message['zh-CN']).toContain(`已经村改居批准（案件 ${number}）`);
      // The record tells the township the first election is open and that its election committee needs accounts.
      const data = (await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).data as {
        firstElection: { started: boolean; number: string; notice: { 'zh-CN': string } };
      };
      expect(data.firstElection.started).toBe(true);
      expect(data.firstElection.notice['zh-CN']).toContain('开通');
      expect(await h.db.case.count({ where: { procedure: 'election', organizationId: village.residentsCommitteeId! } })).toBe(1);
    });

    it('lets a village apply again after a refusal', async () => {
      const v = await newVillage('再申村');
      const caseId = await start('再申村村改居', v.session);
      expect((await prepare(caseId)).statusCode).toBe(200);
      await forwardToCounty(caseId);
      expect(
        (
          await complete(approver, (await openTask(caseId, 'vc.county-decision')).id, {
            decision: 'refuse',
            documentNumber: '东政字〔2026〕30号',
            decisionText: '暂不批准。',
          })
        ).statusCode,
      ).toBe(200);
      const res = await v.session.request({
        method: 'POST',
        url: '/api/v1/village-conversions',
        payload: { title: '再申村第二次' },
      });
      expect(res.statusCode).toBe(201);
    });
  });

  describe('the approval that starts the first election refuses a second running election, as a manual start does', () => {
    it('refuses the county’s approval with the manual start’s 409 when the new community already has an election running; nothing changes', async () => {
      const v = await newVillage('选举村');
      // The community the approval would set up already exists with an election under way (started by hand).
      const community = await createOrganization(h.db, {
        code: residentsCommitteeCode(v.code),
        name: '选举社区居民委员会',
        kind: 'COMMUNITY',
        parentId: townOrgId,
      });
      const manual = await township.request({
        method: 'POST',
        url: '/api/v1/elections',
        payload: { communityOrgId: community.id, restructuringComplete: true },
      });
      expect(manual.statusCode).toBe(201);
      const secondManual = await township.request({
        method: 'POST',
        url: '/api/v1/elections',
        payload: { communityOrgId: community.id, restructuringComplete: true },
      });
      expect(secondManual.statusCode).toBe(409);

      const caseId = await start('选举村村改居', v.session);
      expect((await prepare(caseId)).statusCode).toBe(200);
      await forwardToCounty(caseId);
      const task = await openTask(caseId, 'vc.county-decision');
      const res = await complete(approver, task.id, approval('选举社区居民委员会'));
      expect(res.statusCode).toBe(409);
      type Err = { error: { code: string; message: unknown; details: unknown } };
      const pick = (e: Err) => ({ code: e.error.code, message: e.error.message, details: e.error.details });
      expect(pick(res.json<Err>())).toEqual(pick(secondManual.json<Err>()));
      expect((await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('OPEN');
      expect((await h.db.organization.findUniqueOrThrow({ where: { id: v.orgId } })).convertedAt).toBeNull();
      expect(await h.db.case.count({ where: { procedure: 'election', organizationId: community.id } })).toBe(1);
    });

    it('the first-election start (activity) applies the same check: with an election running it starts none and says which', async () => {
      const town = await h.db.organization.findUniqueOrThrow({ where: { id: townOrgId } });
      const community = await createOrganization(h.db, {
        code: `${town.code}-C9`,
        name: '活动社区',
        kind: 'COMMUNITY',
        parentId: townOrgId,
      });
      const manual = await township.request({
        method: 'POST',
        url: '/api/v1/elections',
        payload: { communityOrgId: community.id, restructuringComplete: true },
      });
      expect(manual.statusCode).toBe(201);
      const activities = createVillageConversionActivities({ db: h.db, temporal: h.temporal, taskQueue: h.taskQueue });
      const conversionCaseId = '00000000-0000-4000-8000-000000000009';
      const result = await activities.startFirstElection({
        conversionCaseId,
        communityOrgId: community.id,
        townshipOrgId: townOrgId,
        law: 'residents-committee-law',
      });
      expect(result).toMatchObject({ started: false, running: { caseId: manual.json<{ id: string }>().id } });
      expect(await h.db.case.count({ where: { procedure: 'election', organizationId: community.id } })).toBe(1);
    });
  });

  describe('one way to open a case', () => {
    it('the first election after a conversion is opened like any other: outbox row, workflow id scheme, rule set of its date', async () => {
      const town = await h.db.organization.findUniqueOrThrow({ where: { id: townOrgId } });
      const community = await createOrganization(h.db, {
        code: `${town.code}-C8`,
        name: '新设社区',
        kind: 'COMMUNITY',
        parentId: townOrgId,
      });
      const conversionCaseId = randomUUID();
      const input = {
        conversionCaseId,
        communityOrgId: community.id,
        townshipOrgId: townOrgId,
        law: 'residents-committee-law',
      };
      // Temporal fails the start: the opening has left what every opening leaves, for the retry or the reconciler.
      const injected = () => Promise.reject(new Error('13 INTERNAL: injected'));
      const failing = new Client({
        connection: h.temporal.connection,
        namespace: h.temporal.options.namespace,
        interceptors: { workflow: [{ start: injected, startUpdateWithStart: injected }] },
      });
      const failingStart = createVillageConversionActivities({ db: h.db, temporal: failing, taskQueue: h.taskQueue });
      await expect(failingStart.startFirstElection(input)).rejects.toThrow('injected');

      const opened = await h.db.case.findFirstOrThrow({ where: { procedure: 'election', organizationId: community.id } });
      expect(opened.workflowId).toBe(`election-${opened.id}`);
      expect(opened.ruleSetVersion).toBe(ruleSetInForce(chinaDateOf(new Date())).id);
      expect(await h.db.pendingWorkflowStart.count({ where: { caseId: opened.id } })).toBe(1);
      const audit = await h.db.auditEvent.findFirstOrThrow({ where: { caseId: opened.id, action: 'case.opened' } });
      expect(audit.data).toMatchObject({ procedure: 'election', ruleSet: opened.ruleSetVersion, conversionCaseId });

      // Temporal retries the activity: it starts the case it opened and opens no second one.
      const activities = createVillageConversionActivities({ db: h.db, temporal: h.temporal, taskQueue: h.taskQueue });
      expect(await activities.startFirstElection(input)).toEqual({ started: true, caseId: opened.id, number: opened.number });
      expect(await h.db.case.count({ where: { procedure: 'election', organizationId: community.id } })).toBe(1);
      expect(await h.db.pendingWorkflowStart.count({ where: { caseId: opened.id } })).toBe(0);
      expect(await h.db.task.count({ where: { caseId: opened.id, kind: 'election.setup', status: 'OPEN' } })).toBe(1);
    });
  });

  describe('the county may return the file to the township for more evidence', () => {
    it('returns with its opinion (recorded); the township supplements and proposes again; the county then approves', async () => {
      const v = await newVillage('退回村');
      const caseId = await start('退回村村改居', v.session);
      expect((await prepare(caseId)).statusCode).toBe(200);
      await forwardToCounty(caseId);
      const first = await openTask(caseId, 'vc.county-decision');
      // A return without an opinion is refused (400) and changes nothing.
      const bare = await complete(approver, first.id, { decision: 'return' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path)).toContain('payload.opinion');
      const returned = await complete(approver, first.id, {
        decision: 'return',
        opinion: '请补充村域位于城镇建设用地范围内的规划图',
      });
      expect(returned.statusCode).toBe(200);
      expect(returned.json()).toMatchObject({ caseStatus: 'open' });
      const row = await h.db.case.findUniqueOrThrow({
        where: { id: caseId },
        include: { ruleDecisions: { where: { ruleId: 'VC-APPROVE' } } },
      });
      expect(row.status).toBe('OPEN');
      expect(row.ruleDecisions).toHaveLength(0);
      expect((row.data as { countyReturns: { opinion: string }[] }).countyReturns).toEqual([
        expect.objectContaining({ opinion: '请补充村域位于城镇建设用地范围内的规划图', taskId: first.id }),
      ]);
      expect(((await h.db.task.findUniqueOrThrow({ where: { id: first.id } })).result as { opinion: string }).opinion).toContain(
        '规划图',
      );
      // The file is back with the township (not the village), which supplements it and proposes again.
      expect(await h.db.task.count({ where: { caseId, kind: 'vc.prepare', status: 'OPEN' } })).toBe(0);
      const again = await openTask(caseId, 'vc.township-review');
      const doc = await township.request({
        method: 'POST',
        url: `/api/v1/tasks/${again.id}/documents`,
        payload: { filename: '规划图.pdf', mimeType: 'application/pdf', contentBase64: PDF },
      });
      expect(doc.statusCode).toBe(201);
      await forwardToCounty(caseId);
      expect(
        (await complete(approver, (await openTask(caseId, 'vc.county-decision')).id, approval('退回社区居民委员会'))).statusCode,
      ).toBe(200);
      expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('COMPLETED');
      expect(await h.db.task.count({ where: { caseId, kind: 'vc.county-decision', status: 'COMPLETED' } })).toBe(2);
    });
  });

  it('lets only the village committee start a conversion', async () => {
    const res = await township.request({ method: 'POST', url: '/api/v1/village-conversions', payload: { title: 'x' } });
    expect(res.statusCode).toBe(403);
  });
});

/** Each step's period (20 working days, escalated 5 days after), on Temporal's time-skipping test server. */
describe('村改居 step periods, on the time-skipping test server', () => {
  let h: TimeSkippingHarness;
  let townOrgId: string;

  beforeAll(async () => {
    h = await startTimeSkippingHarness();
    townOrgId = (await conversionCounty(h, { county: '南河县', town: '白石镇' })).town.id;
  });
  afterAll(async () => h?.close());

  /** A village of 白石镇 whose committee official starts a conversion through the service (extra options as a caller might send them). */
  async function startLate(name: string, extra: Record<string, unknown> = {}) {
    const { org, user, session } = await conversionVillage(h, townOrgId, name);
    const caller = {
      userId: user.id,
      displayName: '村委会',
      memberships: [],
      membership: { organizationId: org.id, role: 'VILLAGE_COMMITTEE_OFFICIAL', organizationPath: '' },
    } as unknown as Caller;
    const row = await startConversion({
      db: h.db,
      temporal: h.temporal,
      taskQueue: h.taskQueue,
      caller,
      title: '逾期督办',
      requestId: 'test',
      ...extra,
    });
    return { row, session };
  }

  it('escalates an overdue township review to the county', async () => {
    const { row, session } = await startLate('逾期村');
    const prepareTask = await h.db.task.findFirstOrThrow({ where: { caseId: row.id, kind: 'vc.prepare', status: 'OPEN' } });
    const prepared = await session.request({
      method: 'POST',
      url: `/api/v1/tasks/${prepareTask.id}/complete`,
      payload: {
        payload: {
          application,
          noticePosting: '村务公开栏及各村民小组张贴',
          restructuringRecord: '青石镇改制〔2025〕3号',
          evidence: await uploadEvidence(session, prepareTask.id),
          votesAgainst: 200,
          abstentions: 50,
        },
      },
    });
    expect(prepared.statusCode).toBe(200);
    const review = await h.db.task.findFirstOrThrow({ where: { caseId: row.id, kind: 'vc.township-review', status: 'OPEN' } });
    await h.skip('25 days'); // the 20 working days end later (weekends, holidays): from here a day at a time
    await skipDaysUntil(h, async () => !!(await h.db.task.findUniqueOrThrow({ where: { id: review.id } })).escalatedAt, 45);
    const task = await h.db.task.findUniqueOrThrow({ where: { id: review.id } });
    expect(task.escalatedAt).not.toBeNull();
    const townshipOrg = await h.db.organization.findUniqueOrThrow({ where: { id: task.candidateOrgId } });
    expect(task.escalatedToOrgId).toBe(townshipOrg.parentId);
  });

  it('keeps a step’s 20 working days when a start request sends timing: nothing a caller sends can shorten a period', async () => {
    // What tests used to pass (VillageConversionInput.timing): the service no longer passes it, the workflow ignores it.
    const { row } = await startLate('不缩短村', { timing: { stepMs: 2500, remindBeforeMs: 1000, escalateAfterMs: 500 } });
    const task = await h.db.task.findFirstOrThrow({ where: { caseId: row.id, kind: 'vc.prepare', status: 'OPEN' } });
    expect(task.dueAt!.getTime()).toBeGreaterThan((await h.now()).getTime() + 20 * 86_400_000);
  });
});
