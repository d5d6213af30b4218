import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import type { caseRecordResponse } from '../api/schemas/cases';
import { addYears, chinaDateOf } from '../domain/clock';
import { startHarness, type Harness } from './support/harness';
import type { Session } from './support/factories';
import { CONVERSION_APPLICATION as application } from './support/fixtures';
import { departmentAndCommunity } from './support/service-admission';
import { conversionCounty, conversionVillage, uploadEvidence } from './support/village-conversion';
import { until } from './support/wait';

/** The body of GET /api/v1/cases/:id, as the API declares it. */
type CaseRecordBody = z.infer<typeof caseRecordResponse>;

/** Step states (GET /api/v1/cases/:id) come from what happened on the case, not from the steps' order. */
describe('case progress and the 流转记录, against real Temporal and PostgreSQL', () => {
  let h: Harness;
  let village: Session;
  let townId: string;
  let township: Session;
  let reviewer: Session;
  let approver: Session;
  let department: Session;
  let saReviewer: Session;
  let saApprover: Session;
  let communityId: string;
  let townshipName: string;
  let townshipUser: string;
  let approverUser: string;
  let villageUser: string;

  beforeAll(async () => {
    h = await startHarness();
    const county = await conversionCounty(h, { county: '南湖县', town: '白沙镇' });
    ({ township, reviewer, approver } = county);
    townshipName = county.town.name;
    townId = county.town.id;
    townshipUser = county.users.township.displayName;
    approverUser = county.users.approver.displayName;

    // The service-admission side: a department of the same county, a sub-district and a community.
    const applying = await departmentAndCommunity(h, county.county.id, {
      department: '南湖县住房和城乡建设局',
      subdistrict: '城南街道',
      community: '春晖社区',
    });
    communityId = applying.community.id;
    department = applying.session;
    saReviewer = reviewer;
    saApprover = approver;
  }, 120_000);
  afterAll(async () => h?.close());

  async function openTask(caseId: string, kind: string) {
    return until(() => h.db.task.findFirst({ where: { caseId, kind, status: 'OPEN' } }));
  }

  async function complete(session: Session, caseId: string, kind: string, payload: unknown) {
    const task = await openTask(caseId, kind);
    const res = await session.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/complete`, payload: { payload } });
    expect(res.statusCode).toBe(200);
    return task;
  }

  async function prepare(caseId: string) {
    const task = await openTask(caseId, 'vc.prepare');
    const evidence = await uploadEvidence(village, task.id);
    await complete(village, caseId, 'vc.prepare', {
      application,
      noticePosting: '村务公开栏张贴',
      restructuringRecord: '白沙镇改制〔2025〕7号',
      evidence,
      votesAgainst: 200,
      abstentions: 50,
    });
  }

  /** A conversion of a village of its own (one open or approved conversion per village). */
  async function startConversion(villageName: string, title: string) {
    const { user: vu, session } = await conversionVillage(h, townId, villageName);
    villageUser = vu.displayName;
    village = session;
    const res = await village.request({ method: 'POST', url: '/api/v1/village-conversions', payload: { title } });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  }

  async function record(session: Session, caseId: string) {
    const res = await session.request({ url: `/api/v1/cases/${caseId}` });
    expect(res.statusCode).toBe(200);
    return res.json<CaseRecordBody>();
  }

  const states = (body: CaseRecordBody) => Object.fromEntries(body.steps.map((s) => [s.key, s.state]));

  it('shows a withdrawn conversion stopped where it was withdrawn, with the county approval not reached (never done)', async () => {
    const caseId = await startConversion('榆林村', '榆林村村改居（撤回）');
    await prepare(caseId);
    await openTask(caseId, 'vc.township-review');
    const res = await village.request({
      method: 'POST',
      url: `/api/v1/village-conversions/${caseId}/withdraw`,
      payload: { reason: '村民会议决定暂缓改居' },
    });
    expect(res.statusCode).toBe(200);

    const body = await record(village, caseId);
    expect(body.case.status).toBe('WITHDRAWN');
    expect(states(body)).toEqual({
      'vc.prepare': 'done',
      'vc.township-review': 'stopped',
      'vc.civil-affairs-review': 'not-reached',
      'vc.county-decision': 'not-reached',
      closed: 'done',
    });
    // The withdrawal is in the 流转记录 with its reason, who and when.
    const withdrawal = body.history.find((e) => e.step === 'withdrawn');
    expect(withdrawal).toMatchObject({
      decision: 'withdraw',
      opinion: '村民会议决定暂缓改居',
      actorName: villageUser,
      organizationName: '榆林村',
      role: 'VILLAGE_COMMITTEE_OFFICIAL',
    });
    expect(body.writtenDecision).toBeNull();
  });

  it('shows a step that sent the file back as returned and the step it went back to as current', async () => {
    const caseId = await startConversion('杏花村', '杏花村村改居（退回）');
    await prepare(caseId);
    await complete(township, caseId, 'vc.township-review', { decision: 'return', opinion: '请补充劳动力统计原始台账' });
    await openTask(caseId, 'vc.prepare');

    const body = await record(township, caseId);
    expect(body.case.status).toBe('OPEN');
    expect(states(body)).toEqual({
      'vc.prepare': 'current',
      'vc.township-review': 'returned',
      'vc.civil-affairs-review': 'not-reached',
      'vc.county-decision': 'not-reached',
      closed: 'not-reached',
    });
    expect(body.history.map((e) => [e.step, e.decision])).toEqual([
      ['vc.prepare', null],
      ['vc.township-review', 'return'],
    ]);
    expect(body.history[1]).toMatchObject({
      opinion: '请补充劳动力统计原始台账',
      actorName: townshipUser,
      organizationName: townshipName,
      role: 'TOWNSHIP_OFFICIAL',
    });
    expect(Date.parse(body.history[1]!.at)).not.toBeNaN();
  });

  it('records each step’s decision, opinion, who and when in the 流转记录, and the 批复 text, for an approved conversion', async () => {
    const caseId = await startConversion('桑园村', '桑园村村改居（批准）');
    await prepare(caseId);
    await complete(township, caseId, 'vc.township-review', { decision: 'propose', opinion: '符合条件，提出改设' });
    await complete(reviewer, caseId, 'vc.civil-affairs-review', { decision: 'forward', opinion: '材料齐全，转报县政府' });
    await complete(approver, caseId, 'vc.county-decision', {
      decision: 'approve',
      documentNumber: '南政字〔2026〕21号',
      decisionText: '经研究，同意撤销桑园村民委员会，设立桑园社区居民委员会。',
      newCommittee: { name: '桑园社区居民委员会', area: '原桑园村村域', households: 300 },
    });
    await until(async () => (await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).status === 'COMPLETED');

    const body = await record(village, caseId);
    expect(states(body)).toEqual({
      'vc.prepare': 'done',
      'vc.township-review': 'done',
      'vc.civil-affairs-review': 'done',
      'vc.county-decision': 'done',
      closed: 'done',
    });
    expect(body.steps.find((s) => s.key === 'vc.county-decision')!.decision).toBe('approve');
    expect(body.history.map((e) => [e.step, e.decision, e.opinion])).toEqual([
      ['vc.prepare', null, null],
      ['vc.township-review', 'propose', '符合条件，提出改设'],
      ['vc.civil-affairs-review', 'forward', '材料齐全，转报县政府'],
      ['vc.county-decision', 'approve', null],
    ]);
    expect(body.writtenDecision).toMatchObject({
      decision: 'approve',
      documentNumber: '南政字〔2026〕21号',
      text: '经研究，同意撤销桑园村民委员会，设立桑园社区居民委员会。',
      decidedBy: approverUser,
      organizationName: '南湖县',
    });
  });

  it('shows an admitted, listed service item with review and decision done, the steps it did not need skipped, and its case completed', async () => {
    const today = chinaDateOf(new Date());
    const terms = {
      itemName: '城镇燃气用户安全入户宣传',
      legalBasis: '《城镇燃气管理条例》第四十一条',
      classification: 'assist',
      workloadEstimate: '每季度入户宣传一次，约 16 小时',
      fundingAmount: 12000,
      fundingPayer: '南湖县住房和城乡建设局',
      authorityTransferred: false,
      authorityDescription: null,
      workingConditions: '提供宣传资料和入户检查表',
      period: { from: today, until: addYears(today, 1) },
    };
    const started = await department.request({
      method: 'POST',
      url: '/api/v1/service-items',
      payload: { ...terms, communityIds: [communityId] },
    });
    expect(started.statusCode).toBe(201);
    const caseId = started.json<{ id: string }>().id;
    await complete(saReviewer, caseId, 'sa.review', { decision: 'forward', opinion: '经费、工作条件已落实' });
    await complete(saApprover, caseId, 'sa.decide', { decision: 'admit', reasons: '经社区建设领导小组会议研究同意' });
    await until(
      async () => ((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).data as { stage?: string }).stage === 'listed',
    );

    const body = await record(department, caseId);
    expect(body.case.status).toBe('COMPLETED');
    expect(body.case.closedAt).not.toBeNull();
    expect(states(body)).toEqual({
      opened: 'done',
      'sa.appeal': 'skipped',
      'sa.appeal-ruling': 'skipped',
      'sa.supplement': 'skipped',
      'sa.review': 'done',
      'sa.revise': 'skipped',
      'sa.decide': 'done',
      'sa.renew': 'not-reached',
      closed: 'done',
    });
    expect(body.history.map((e) => [e.step, e.decision, e.opinion])).toEqual([
      ['sa.review', 'forward', '经费、工作条件已落实'],
      ['sa.decide', 'admit', '经社区建设领导小组会议研究同意'],
    ]);

    // The case list shows (and filters by) the same status.
    const completed = await department.request({ url: '/api/v1/cases?status=COMPLETED&procedure=service-admission' });
    expect(completed.json<{ id: string; status: string }[]>().find((c) => c.id === caseId)?.status).toBe('COMPLETED');
    const open = await department.request({ url: '/api/v1/cases?status=OPEN&procedure=service-admission' });
    expect(open.json<{ id: string }[]>().some((c) => c.id === caseId)).toBe(false);
  });
});
