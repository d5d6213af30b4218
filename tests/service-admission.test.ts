import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, addYears, chinaDateOf } from '../domain/clock';
import type { ServiceItemTerms } from '../domain/forms/service-admission';
import { SERVICE_ITEM_EXAMPLE } from '../api/schemas/service-admission';
import type { Caller } from '../api/plugins/app/auth';
import { startServiceAdmission, startServiceItemReport } from '../api/services/service-admission/start';
import type { ServiceItemCaseData, ServiceItemReportCaseData } from '../workflows/service-admission/messages';
import type { Role } from '../prisma/generated/client';
import { expectRuleDetailsInEnglish } from './support/rule-details';
import { skipDaysUntil, startTimeSkippingHarness, type TimeSkippingHarness } from './support/time-skipping';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { until } from './support/wait';

type Org = Awaited<ReturnType<typeof makeOrganization>>;
interface Rule {
  id: string;
  passed: boolean;
  citation: string;
  values: Record<string, unknown>;
}

const today = chinaDateOf(new Date());
const nextYear = addYears(today, 1);

function terms(overrides: Partial<ServiceItemTerms> = {}): ServiceItemTerms {
  return { ...SERVICE_ITEM_EXAMPLE, period: { from: today, until: nextYear }, ...overrides };
}

/**
 * On Temporal's time-skipping test server: the admission periods and the county's answer period run on the real
 * calendar, and a test moves the workflows' clock by days (`skipDaysUntil`) instead of waiting. The API, activities
 * and PostgreSQL keep the machine's clock: dates a test puts in a workflow's terms count from the workflow's today.
 */
describe('service admission (社区工作事项准入) and community reports, against real Temporal and PostgreSQL', () => {
  let h: TimeSkippingHarness;
  let city: Org;
  let county: Org;
  let department: Org;
  let communityA: Org;
  let communityB: Org;
  let applicant: Session;
  let reviewer: Session;
  let approver: Session;
  let committee: Session;
  let otherApprover: Session;
  let applicantCaller: Caller;
  let committeeCaller: Caller;

  function callerOf(user: { id: string; username: string; displayName: string }, org: Org, role: Role): Caller {
    const membership = {
      id: user.id,
      organizationId: org.id,
      organizationName: org.name,
      organizationKind: org.kind,
      organizationPath: org.path,
      role,
    };
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      sessionId: 'test',
      csrfToken: 'test',
      mustChangePassword: false,
      membership,
      memberships: [membership],
    };
  }

  beforeAll(async () => {
    h = await startTimeSkippingHarness();
    const province = await makeOrganization(h.db, 'PROVINCE');
    city = await makeOrganization(h.db, 'CITY', province.id, '示范市');
    county = await makeOrganization(h.db, 'COUNTY', city.id, '东河县');
    const bureau = await makeOrganization(h.db, 'CIVIL_AFFAIRS_BUREAU', county.id, '东河县民政局');
    department = await makeOrganization(h.db, 'DEPARTMENT', county.id, '东河县住房和城乡建设局');
    const subdistrict = await makeOrganization(h.db, 'SUBDISTRICT', county.id, '城关街道');
    communityA = await makeOrganization(h.db, 'COMMUNITY', subdistrict.id, '幸福社区');
    communityB = await makeOrganization(h.db, 'COMMUNITY', subdistrict.id, '和平社区');
    const otherCounty = await makeOrganization(h.db, 'COUNTY', city.id, '西山区');

    const applicantUser = await makeUser(h.db, [{ organizationId: department.id, role: 'DEPARTMENT_APPLICANT' }]);
    const reviewerUser = await makeUser(h.db, [{ organizationId: bureau.id, role: 'COUNTY_CIVIL_AFFAIRS_REVIEWER' }]);
    const approverUser = await makeUser(h.db, [{ organizationId: county.id, role: 'COUNTY_APPROVER' }]);
    const committeeUser = await makeUser(h.db, [{ organizationId: communityA.id, role: 'RESIDENTS_COMMITTEE_OFFICIAL' }]);
    const otherUser = await makeUser(h.db, [{ organizationId: otherCounty.id, role: 'COUNTY_APPROVER' }]);
    applicant = await signIn(h.api, applicantUser.username);
    reviewer = await signIn(h.api, reviewerUser.username);
    approver = await signIn(h.api, approverUser.username);
    committee = await signIn(h.api, committeeUser.username);
    otherApprover = await signIn(h.api, otherUser.username);
    applicantCaller = callerOf(applicantUser, department, 'DEPARTMENT_APPLICANT');
    committeeCaller = callerOf(committeeUser, communityA, 'RESIDENTS_COMMITTEE_OFFICIAL');
  }, 120_000);
  afterAll(async () => h?.close());

  async function apply(body: Record<string, unknown>) {
    const res = await applicant.request({ method: 'POST', url: '/api/v1/service-items', payload: body });
    expect(res.statusCode).toBe(201);
    return res.json<{
      id: string;
      number: string;
      status: string;
      stage: string;
      admission: { admissible: boolean; rules: Rule[] };
    }>();
  }

  async function openTask(caseId: string, kind: string) {
    return until(() => h.db.task.findFirst({ where: { caseId, kind, status: 'OPEN' } }));
  }

  async function complete(session: Session, caseId: string, kind: string, payload: Record<string, unknown>) {
    const task = await openTask(caseId, kind);
    const res = await session.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/complete`, payload: { payload } });
    expect(res.statusCode).toBe(200);
    return task;
  }

  /** Today (China) on the workflows' clock, which the tests move forward. */
  const workflowToday = async () => chinaDateOf(await h.now());

  async function caseData(caseId: string) {
    const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
    return { status: row.status, data: row.data as unknown as ServiceItemCaseData };
  }

  async function admitThroughReview(caseId: string) {
    await complete(reviewer, caseId, 'sa.review', { decision: 'forward', opinion: '经费、工作条件已落实，同意提交' });
    await complete(approver, caseId, 'sa.decide', {
      decision: 'admit',
      reasons: '经社区建设领导小组会议研究同意',
      meetingReference: '2026年第1次会议',
    });
  }

  async function publicList(q?: string) {
    const res = await h.api.inject({
      url: `/api/v1/service-items/admitted?cityId=${city.id}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
    });
    expect(res.statusCode).toBe(200);
    return res.json<{
      city: { name: string };
      items: {
        id: string;
        itemName: string;
        fundingAmount: number | null;
        fundingPayer: string | null;
        legalBasis: string;
        periodUntil: string;
        communities: string[];
        authorityTransferred: boolean;
      }[];
    }>();
  }

  describe('public admission check', () => {
    it('refuses an own-duty item with the clause, without a login', async () => {
      const res = await h.api.inject({
        method: 'POST',
        url: '/api/v1/service-items/admission-check',
        payload: {
          classification: 'own-duty',
          fundingAmount: 5000,
          fundingPayer: '县住建局',
          authorityTransferred: true,
          workingConditions: '办公场所',
        },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        admissible: boolean;
        rules: { id: string; passed: boolean; citation: string; detail: string }[];
      }>();
      expect(body.admissible).toBe(false);
      expect(body.rules).toEqual([
        expect.objectContaining({ id: 'SA-OWN-DUTY', passed: false, citation: '鲁办发〔2012〕22号 三(一)' }),
      ]);
      expect(body.rules[0]!.detail).toContain('不得转嫁');
    });

    it('admits an entrusted item only with the authority transferred and the funding named, in English on request', async () => {
      const base = {
        classification: 'entrusted',
        fundingAmount: 8000.5,
        fundingPayer: '县民政局',
        workingConditions: '配备电脑',
      };
      const held = await h.api.inject({
        method: 'POST',
        url: '/api/v1/service-items/admission-check?lang=en',
        payload: { ...base, authorityTransferred: false },
      });
      const heldBody = held.json<{ admissible: boolean; rules: { id: string; detail: string; values: { missing: string } }[] }>();
      expect(heldBody.admissible).toBe(false);
      expect(heldBody.rules[1]).toMatchObject({ id: 'SA-ENTRUST', values: { missing: 'authorityTransferred' } });
      expect(heldBody.rules[1]!.detail).toContain('transfer of the authority');
      const ok = await h.api.inject({
        method: 'POST',
        url: '/api/v1/service-items/admission-check',
        payload: { ...base, authorityTransferred: true },
      });
      expect(ok.json<{ admissible: boolean }>().admissible).toBe(true);
    });

    it('admits an entrusted item without working conditions, and still holds an assisted item without them (SA-ENTRUST vs SA-ASSIST)', async () => {
      const base = { fundingAmount: 8000, fundingPayer: '县民政局', authorityTransferred: true, workingConditions: null };
      const entrusted = await h.api.inject({
        method: 'POST',
        url: '/api/v1/service-items/admission-check',
        payload: { ...base, classification: 'entrusted' },
      });
      expect(entrusted.json<{ admissible: boolean; rules: Rule[] }>()).toMatchObject({
        admissible: true,
        rules: [{ id: 'SA-OWN-DUTY' }, { id: 'SA-ENTRUST', passed: true }],
      });
      const assisted = await h.api.inject({
        method: 'POST',
        url: '/api/v1/service-items/admission-check',
        payload: { ...base, classification: 'assist' },
      });
      expect(assisted.json<{ admissible: boolean; rules: Rule[] }>()).toMatchObject({
        admissible: false,
        rules: [{ id: 'SA-OWN-DUTY' }, { id: 'SA-ASSIST', passed: false, values: { missing: 'workingConditions' } }],
      });
    });

    it('answers bad input with 400 and field errors', async () => {
      const res = await h.api.inject({
        method: 'POST',
        url: '/api/v1/service-items/admission-check',
        payload: { classification: 'outsourced', fundingAmount: -3, fundingPayer: 7, authorityTransferred: null },
      });
      expect(res.statusCode).toBe(400);
      const body = res.json<{ error: { code: string; fields: { path: string }[] } }>();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.fields.map((f) => f.path).sort()).toEqual([
        'authorityTransferred',
        'classification',
        'fundingAmount',
        'fundingPayer',
        'workingConditions',
      ]);
    });

    it('documents every service-item route in the OpenAPI document', async () => {
      const res = await h.api.inject({ url: '/api/openapi.json' });
      expect(res.statusCode).toBe(200);
      const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths).filter((p) =>
        p.startsWith('/api/v1/service-items'),
      );
      expect(paths.sort()).toEqual([
        '/api/v1/service-items',
        '/api/v1/service-items/admission-check',
        '/api/v1/service-items/admitted',
        '/api/v1/service-items/admitted.xlsx',
        '/api/v1/service-items/cities',
        '/api/v1/service-items/communities',
        '/api/v1/service-items/reports',
        '/api/v1/service-items/reports/published',
        '/api/v1/service-items/reports/{caseId}/documents',
        '/api/v1/service-items/summary',
        '/api/v1/service-items/{caseId}',
      ]);
    });
  });

  describe('applications', () => {
    it('refuses an own-duty item at once citing 三(一); on appeal the county upholds the refusal', async () => {
      const started = await apply({
        ...terms({ classification: 'own-duty', itemName: '占道经营日常巡查' }),
        communityIds: [communityA.id],
      });
      expect(started.stage).toBe('refused');
      expect(started.admission.rules).toEqual([
        expect.objectContaining({ id: 'SA-OWN-DUTY', passed: false, citation: '鲁办发〔2012〕22号 三(一)' }),
      ]);
      expect(await h.db.ruleDecision.count({ where: { caseId: started.id, ruleId: 'SA-OWN-DUTY', passed: false } })).toBe(1);

      const appeal = await complete(applicant, started.id, 'sa.appeal', {
        decision: 'appeal',
        reasons: '该事项需社区掌握辖区商户情况，请求按协助事项准入',
      });
      expect(appeal.candidateRole).toBe('DEPARTMENT_APPLICANT');
      const ruling = await openTask(started.id, 'sa.appeal-ruling');
      expect(ruling).toMatchObject({ candidateOrgId: county.id, candidateRole: 'COUNTY_APPROVER' });
      expect((ruling.context as { appeal: { reasons: string } }).appeal.reasons).toContain('请求按协助事项准入');
      await complete(approver, started.id, 'sa.appeal-ruling', {
        ruling: 'uphold',
        reasons: '占道经营巡查属城管部门法定职责，不得转嫁社区',
      });

      const { status, data } = await caseData(started.id);
      expect(status).toBe('REJECTED');
      expect(data.outcome).toBe('rejected-own-duty');
      const decisions = await h.db.ruleDecision.findMany({
        where: { caseId: started.id, ruleId: 'SA-OWN-DUTY' },
        orderBy: { decidedAt: 'asc' },
      });
      expect(decisions.map((d) => [d.passed, (d.values as { appeal?: boolean }).appeal ?? false])).toEqual([
        [false, false],
        [false, true],
      ]);
      expect((await publicList('占道经营')).items).toHaveLength(0);
    });

    it('sends an own-duty item the county reclassifies on appeal on to the civil-affairs review', async () => {
      const started = await apply({
        ...terms({ classification: 'own-duty', itemName: '老年人高龄津贴资格初审' }),
        communityIds: [communityA.id],
      });
      await complete(applicant, started.id, 'sa.appeal', { decision: 'appeal', reasons: '依法需社区协助核实居住情况' });
      await complete(approver, started.id, 'sa.appeal-ruling', {
        ruling: 'reclassify',
        classification: 'assist',
        reasons: '属依法协助事项',
      });
      const review = await openTask(started.id, 'sa.review');
      expect((review.context as { terms: ServiceItemTerms }).terms.classification).toBe('assist');
      const { data } = await caseData(started.id);
      expect(data.stage).toBe('review');
      expect(data.appeal).toMatchObject({ ruling: 'reclassify' });
    });

    it('holds an assist item until funding is given, then admits it and lists it publicly with funding, period and legal basis', async () => {
      const started = await apply({
        ...terms({ fundingAmount: null, fundingPayer: null }),
        communityIds: [communityA.id, communityB.id],
      });
      expect(started.stage).toBe('held');
      expect(started.admission.rules[1]).toMatchObject({
        id: 'SA-ASSIST',
        passed: false,
        values: { missing: 'fundingAmount,fundingPayer' },
      });

      // The department sees its application waiting for it; the county does not have a task yet.
      const mine = await applicant.request({ url: '/api/v1/service-items?view=pending' });
      const row = mine.json<{ id: string; stage: string; openTasks: { kind: string }[] }[]>().find((r) => r.id === started.id);
      expect(row).toMatchObject({ stage: 'held', openTasks: [{ kind: 'sa.supplement' }] });

      await complete(applicant, started.id, 'sa.supplement', { action: 'resubmit', terms: terms(), note: '经费已列入部门预算' });
      await complete(reviewer, started.id, 'sa.review', { decision: 'forward', opinion: '经费、工作条件已落实' });
      const countyView = (await approver.request({ url: '/api/v1/service-items?view=pending' })).json<
        { id: string; stage: string; openTasks: { kind: string }[] }[]
      >();
      expect(countyView.find((r) => r.id === started.id)).toMatchObject({
        stage: 'decision',
        openTasks: [{ kind: 'sa.decide' }],
      });
      await complete(approver, started.id, 'sa.decide', { decision: 'admit', reasons: '经社区建设领导小组研究同意' });

      const { status, data } = await caseData(started.id);
      expect(status).toBe('OPEN');
      expect(data.stage).toBe('listed');
      expect(data.listing).toMatchObject({ status: 'listed', round: 1, fundingAmount: 12000, periodUntil: nextYear });
      const rules = await h.db.ruleDecision.findMany({ where: { caseId: started.id }, orderBy: { decidedAt: 'asc' } });
      expect(rules.map((r) => [r.ruleId, r.passed])).toEqual([
        ['SA-OWN-DUTY', true],
        ['SA-ASSIST', false],
        ['SA-OWN-DUTY', true],
        ['SA-ASSIST', true],
        ['SA-DECIDE', true],
        ['SA-LIST', true],
      ]);

      const listed = (await publicList()).items.find((i) => i.id === started.id);
      expect(listed).toMatchObject({
        itemName: '城镇燃气用户安全入户宣传',
        fundingAmount: 12000,
        fundingPayer: '县住房和城乡建设局',
        legalBasis: '《城镇燃气管理条例》第四十一条',
        periodUntil: nextYear,
        communities: ['幸福社区', '和平社区'],
      });
      expect((await publicList('和平社区')).items.some((i) => i.id === started.id)).toBe(true);
      expect((await publicList('没有这个事项')).items).toHaveLength(0);

      const xlsx = await h.api.inject({ url: `/api/v1/service-items/admitted.xlsx?cityId=${city.id}` });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const cells = workbook.worksheets[0]!.getSheetValues().flat().map(String);
      expect(cells).toContain('城镇燃气用户安全入户宣传');
      expect(cells).toContain('《城镇燃气管理条例》第四十一条');

      // The department is told; another county's approver cannot see the application.
      expect(
        await h.db.notification.count({ where: { caseId: started.id, kind: 'case.decided', organizationId: department.id } }),
      ).toBeGreaterThan(0);
      expect(
        (await otherApprover.request({ url: '/api/v1/service-items?view=all' }))
          .json<{ id: string }[]>()
          .some((r) => r.id === started.id),
      ).toBe(false);
      expect((await otherApprover.request({ url: `/api/v1/service-items/${started.id}` })).statusCode).toBe(404);
      const detail = await reviewer.request({ url: `/api/v1/service-items/${started.id}` });
      expect(detail.statusCode).toBe(200);
      expect(detail.json<{ listing: { status: string } }>().listing.status).toBe('listed');
    });

    it('sends an entrusted item with the authority, funding and payer but no working conditions to review (SA-ENTRUST: working conditions belong to SA-ASSIST)', async () => {
      const entrusted = terms({
        classification: 'entrusted',
        itemName: '城镇老旧小区改造入户意愿调查',
        authorityTransferred: true,
        authorityDescription: '县住建局委托书〔2026〕7号',
        workingConditions: null,
      });
      const started = await apply({ ...entrusted, communityIds: [communityA.id] });
      expect(started.stage).toBe('review');
      expect(started.admission.rules[1]).toMatchObject({
        id: 'SA-ENTRUST',
        passed: true,
        values: { missing: null, workingConditionsStated: false },
      });
      expect(await openTask(started.id, 'sa.review')).toMatchObject({ kind: 'sa.review', status: 'OPEN' });
      expect(await h.db.ruleDecision.count({ where: { caseId: started.id, ruleId: 'SA-ENTRUST', passed: true } })).toBe(1);
    });

    it('holds an entrusted item without the authority, returns it from review for the missing authority document, then admits it', async () => {
      const entrusted = terms({
        classification: 'entrusted',
        itemName: '城镇住房保障资格入户调查',
        fundingAmount: 30000,
        fundingPayer: '县住房和城乡建设局',
      });
      const started = await apply({ ...entrusted, communityIds: [communityA.id] });
      expect(started.stage).toBe('held');
      expect(started.admission.rules[1]).toMatchObject({
        id: 'SA-ENTRUST',
        passed: false,
        values: { missing: 'authorityTransferred' },
      });

      await complete(applicant, started.id, 'sa.supplement', {
        action: 'resubmit',
        terms: { ...entrusted, authorityTransferred: true },
      });
      await complete(reviewer, started.id, 'sa.review', { decision: 'return', opinion: '未附权限移交文件，请补充委托书' });
      const returned = await openTask(started.id, 'sa.revise');
      expect(returned.candidateOrgId).toBe(department.id);
      expect((returned.context as { review: { opinion: string } }).review.opinion).toContain('委托书');
      expect((await caseData(started.id)).data.stage).toBe('returned');

      await complete(applicant, started.id, 'sa.revise', {
        action: 'resubmit',
        terms: { ...entrusted, authorityTransferred: true, authorityDescription: '县住建局委托书〔2026〕3号' },
      });
      await admitThroughReview(started.id);
      const { data } = await caseData(started.id);
      expect(data.listing).toMatchObject({
        status: 'listed',
        authorityTransferred: true,
        authorityDescription: '县住建局委托书〔2026〕3号',
      });
      expect((await publicList()).items.find((i) => i.id === started.id)?.authorityTransferred).toBe(true);
      const audit = (await h.db.auditEvent.findMany({ where: { caseId: started.id }, orderBy: { seq: 'asc' } })).map(
        (e) => e.action,
      );
      expect(audit).toEqual(
        expect.arrayContaining([
          'service-item.held',
          'service-item.returned',
          'service-item.resubmitted',
          'service-item.admitted',
          'service-item.listed',
        ]),
      );
    });

    it('re-opens review before the admission period ends and renews the listing after review and decision', async () => {
      const { row } = await startServiceAdmission({
        db: h.db,
        temporal: h.temporal,
        taskQueue: h.taskQueue,
        caller: applicantCaller,
        requestId: 'test-renewal',
        // Review re-opens 30 days (SA_SETTINGS.reReviewLeadMs) before the period's end: here 10 days after admission.
        application: {
          ...terms({
            itemName: '城市居民最低生活保障入户核查',
            period: { from: today, until: addDays(await workflowToday(), 40) },
          }),
          communityIds: [communityB.id],
        },
      });
      await admitThroughReview(row.id);
      const first = (await caseData(row.id)).data.listing!;
      await skipDaysUntil(h, async () => (await caseData(row.id)).data.stage === 're-review', 15);

      const renewal = await openTask(row.id, 'sa.renew');
      expect(renewal.candidateOrgId).toBe(department.id);
      expect(renewal.dueAt?.toISOString()).toBe(first.validUntil);
      expect((await caseData(row.id)).data.stage).toBe('re-review');
      const renewedTerms = terms({
        itemName: '城市居民最低生活保障入户核查',
        fundingAmount: 15000,
        period: { from: today, until: addYears(today, 2) },
      });
      await complete(applicant, row.id, 'sa.renew', { action: 'resubmit', terms: renewedTerms });
      await admitThroughReview(row.id);

      const { data } = await caseData(row.id);
      expect(data.listing).toMatchObject({ status: 'listed', round: 2, fundingAmount: 15000, periodUntil: addYears(today, 2) });
      expect(Date.parse(data.listing!.validUntil)).toBeGreaterThan(Date.parse(first.validUntil));
      const decisions = await h.db.ruleDecision.findMany({
        where: { caseId: row.id, ruleId: 'SA-DECIDE' },
        orderBy: { decidedAt: 'asc' },
      });
      expect(decisions.map((d) => (d.values as { round: string }).round)).toEqual(['application', 'renewal']);
    }, 90_000);

    it('takes an item off the public list when its period ends without renewal', async () => {
      const { row } = await startServiceAdmission({
        db: h.db,
        temporal: h.temporal,
        taskQueue: h.taskQueue,
        caller: applicantCaller,
        requestId: 'test-expiry',
        // A period shorter than the 30 days of re-review: review re-opens at admission.
        application: {
          ...terms({ itemName: '社区养犬登记协查', period: { from: today, until: addDays(await workflowToday(), 10) } }),
          communityIds: [communityA.id],
        },
      });
      await admitThroughReview(row.id);
      expect((await publicList('社区养犬登记协查')).items).toHaveLength(1);
      const renewal = await openTask(row.id, 'sa.renew');

      await skipDaysUntil(h, async () => (await caseData(row.id)).status !== 'OPEN', 15);
      const closed = await until(async () => {
        const c = await caseData(row.id);
        return c.status !== 'OPEN' && c;
      });
      expect(closed.status).toBe('COMPLETED');
      expect(closed.data.outcome).toBe('expired');
      expect(closed.data.listing).toMatchObject({ status: 'expired' });
      expect((await h.db.task.findUniqueOrThrow({ where: { id: renewal.id } })).status).toBe('CANCELLED');
      expect((await publicList('社区养犬登记协查')).items).toHaveLength(0);
      const gone = await applicant.request({
        method: 'POST',
        url: `/api/v1/tasks/${renewal.id}/complete`,
        payload: { payload: { action: 'withdraw', reason: '不再需要' } },
      });
      expect(gone.statusCode).toBe(409);
    }, 90_000);

    it('keeps an item the department declines to renew listed until its period ends', async () => {
      const { row } = await startServiceAdmission({
        db: h.db,
        temporal: h.temporal,
        taskQueue: h.taskQueue,
        caller: applicantCaller,
        requestId: 'test-decline',
        application: {
          ...terms({ itemName: '社区消防设施巡查协助', period: { from: today, until: addDays(await workflowToday(), 10) } }),
          communityIds: [communityA.id],
        },
      });
      await admitThroughReview(row.id);
      await complete(applicant, row.id, 'sa.renew', { action: 'withdraw', reason: '该事项明年起由部门自行承担' });
      const { data } = await caseData(row.id);
      expect(data).toMatchObject({ stage: 'listed', withdrawal: { reason: '该事项明年起由部门自行承担' } });
      if (Date.now() < Date.parse(data.listing!.validUntil) - 500) {
        expect((await publicList('社区消防设施巡查协助')).items).toHaveLength(1);
      }
      await skipDaysUntil(h, async () => (await caseData(row.id)).status !== 'OPEN', 15);
      const closed = await until(async () => {
        const c = await caseData(row.id);
        return c.status !== 'OPEN' && c;
      });
      expect(closed).toMatchObject({ status: 'COMPLETED', data: { outcome: 'ended', listing: { status: 'expired' } } });
      expect((await publicList('社区消防设施巡查协助')).items).toHaveLength(0);
    }, 90_000);

    it('keeps applications to departments and sub-district offices, and reports to residents’ committees', async () => {
      expect(
        (
          await committee.request({
            method: 'POST',
            url: '/api/v1/service-items',
            payload: { ...terms(), communityIds: [communityA.id] },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await applicant.request({
            method: 'POST',
            url: '/api/v1/service-items/reports',
            payload: { itemDescription: 'x', pushedBy: 'y', pushedOn: today },
          })
        ).statusCode,
      ).toBe(403);
      expect((await committee.request({ url: '/api/v1/service-items/summary' })).statusCode).toBe(403);
      expect((await applicant.request({ url: '/api/v1/service-items/summary' })).statusCode).toBe(403);
      expect((await h.api.inject({ url: '/api/v1/service-items?view=pending' })).statusCode).toBe(401);
    });

    it('answers a community outside the applicant’s county with 404 and a non-community with 400', async () => {
      const elsewhere = await makeOrganization(
        h.db,
        'COMMUNITY',
        (await makeOrganization(h.db, 'SUBDISTRICT', (await makeOrganization(h.db, 'COUNTY', city.id)).id)).id,
      );
      const foreign = await applicant.request({
        method: 'POST',
        url: '/api/v1/service-items',
        payload: { ...terms(), communityIds: [elsewhere.id] },
      });
      expect(foreign.statusCode).toBe(404);
      const notCommunity = await applicant.request({
        method: 'POST',
        url: '/api/v1/service-items',
        payload: { ...terms(), communityIds: [department.id] },
      });
      expect(notCommunity.statusCode).toBe(400);
      expect(notCommunity.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path)).toEqual([
        'communityIds.0',
      ]);
      const communities = (await applicant.request({ url: '/api/v1/service-items/communities' })).json<{ name: string }[]>();
      expect(communities.map((c) => c.name).sort()).toEqual(['和平社区', '幸福社区']);
    });
  });

  describe('community reports (SA-REPORT)', () => {
    it('publishes the county’s answer given in time, without naming the committee that asked for anonymity', async () => {
      const res = await committee.request({
        method: 'POST',
        url: '/api/v1/service-items/reports',
        payload: {
          itemDescription: '要求社区每周上报辖区商户消防检查台账',
          pushedBy: '东河县住房和城乡建设局',
          pushedByOrgId: department.id,
          pushedOn: today,
          anonymous: true,
        },
      });
      expect(res.statusCode).toBe(201);
      const report = res.json<{ id: string; number: string; answerDueAt: string }>();
      expect(report.number).toMatch(/^SAR-\d{4}-\d{6}$/);
      expect(Date.parse(report.answerDueAt)).toBeGreaterThan(Date.now() + 7 * 86_400_000); // 15 working days by the statutory clock

      const evidence = await committee.request({
        method: 'POST',
        url: `/api/v1/service-items/reports/${report.id}/documents`,
        payload: {
          filename: '通知截图.pdf',
          mimeType: 'application/pdf',
          contentBase64: Buffer.from('%PDF-1.4\n%test\n').toString('base64'),
        },
      });
      expect(evidence.statusCode).toBe(201);

      const task = await openTask(report.id, 'sa.report-answer');
      expect(task).toMatchObject({ candidateOrgId: county.id, candidateRole: 'COUNTY_APPROVER' });
      expect(task.dueAt?.toISOString()).toBe(report.answerDueAt);
      expect((task.context as { admittedItems: { itemName: string }[] }).admittedItems.map((i) => i.itemName)).toContain(
        '城镇燃气用户安全入户宣传',
      );
      await complete(approver, report.id, 'sa.report-answer', {
        finding: 'upheld',
        answer: '经核实属未经准入摊派，已责令停止并纳入准入程序',
        measures: '约谈县住建局',
      });

      const row = await h.db.case.findUniqueOrThrow({ where: { id: report.id } });
      expect(row.status).toBe('COMPLETED');
      const publication = (row.data as unknown as ServiceItemReportCaseData).publication!;
      expect(publication).toMatchObject({ community: null, finding: 'upheld', answeredLate: false });
      expect((await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).escalatedAt).toBeNull();

      const published = await h.api.inject({ url: `/api/v1/service-items/reports/published?cityId=${city.id}` });
      expect(published.statusCode).toBe(200);
      const item = published
        .json<{ items: { number: string; community: string | null; answer: string }[] }>()
        .items.find((i) => i.number === report.number);
      expect(item).toMatchObject({ community: null, answer: expect.stringContaining('已责令停止') as unknown });
      expect(published.body).not.toContain('幸福社区');
    });

    it('escalates an unanswered report to the city after the grace period, and publishes the late answer naming the committee', async () => {
      const { row } = await startServiceItemReport({
        db: h.db,
        temporal: h.temporal,
        taskQueue: h.taskQueue,
        caller: committeeCaller,
        requestId: 'test-escalation',
        report: { itemDescription: '要求社区代收物业费', pushedBy: '城关街道办事处', pushedOn: today, anonymous: false },
      });
      // 15 working days (SA_SETTINGS.reportAnswerPeriod), then a day's grace before the escalation.
      const answerTask = await openTask(row.id, 'sa.report-answer');
      await h.skip('18 days');
      await skipDaysUntil(h, async () => !!(await h.db.task.findUniqueOrThrow({ where: { id: answerTask.id } })).escalatedAt, 20);
      const escalated = await until(async () => {
        const t = await h.db.task.findFirst({ where: { caseId: row.id, kind: 'sa.report-answer' } });
        return t?.escalatedAt ? t : null;
      });
      expect(escalated.escalatedToOrgId).toBe(city.id);
      const clock = (await h.db.auditEvent.findMany({ where: { targetId: escalated.id }, orderBy: { seq: 'asc' } })).map(
        (e) => e.action,
      );
      expect(clock).toEqual(['task.opened', 'task.reminder', 'task.due', 'task.escalated']);

      await complete(approver, row.id, 'sa.report-answer', { finding: 'not-upheld', answer: '该事项已列入准入清单' });
      const data = (await h.db.case.findUniqueOrThrow({ where: { id: row.id } })).data as unknown as ServiceItemReportCaseData;
      expect(data.publication).toMatchObject({ community: '幸福社区', finding: 'not-upheld', answeredLate: true });
      const decisions = await h.db.ruleDecision.findMany({ where: { caseId: row.id }, orderBy: { decidedAt: 'asc' } });
      expect(decisions.map((d) => [d.ruleId, d.passed])).toEqual([
        ['SA-REPORT', true],
        ['SA-GATE', true],
      ]);
    });

    it('answers a pushing organization outside the committee’s county with 404', async () => {
      const res = await committee.request({
        method: 'POST',
        url: '/api/v1/service-items/reports',
        payload: {
          itemDescription: '摊派事项',
          pushedBy: '外县部门',
          pushedByOrgId: (await makeOrganization(h.db, 'COUNTY', city.id)).id,
          pushedOn: today,
        },
      });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('yearly summary', () => {
    it('counts the county’s admissions, renewals, refusals, expiries and reports with their outcomes', async () => {
      const res = await approver.request({ url: `/api/v1/service-items/summary?year=${today.slice(0, 4)}` });
      expect(res.statusCode).toBe(200);
      const summary = res.json<{ counties: { countyId: string; [k: string]: unknown }[] }>().counties;
      expect(summary).toHaveLength(1);
      expect(summary[0]).toMatchObject({
        countyId: county.id,
        applications: 8, // the entrusted item without working conditions stays in review
        admitted: 5,
        renewed: 1,
        refused: 1,
        refusedOwnDuty: 1,
        expired: 1,
        listedNow: 3,
        reports: { received: 2, answered: 2, upheld: 1, notUpheld: 1, answeredLate: 1, escalated: 1, pending: 0 },
      });
      const reviewerView = await reviewer.request({ url: '/api/v1/service-items/summary' });
      expect(reviewerView.json<{ counties: { countyId: string }[] }>().counties.map((c) => c.countyId)).toEqual([county.id]);
    });
  });

  // After the yearly summary, which counts every application and report of the county.
  describe('no timing in the input', () => {
    it('keeps the county’s 15 working days when a report’s start sends timing: nothing a caller sends can shorten a period', async () => {
      // What tests used to pass (ServiceItemReportInput.timing): the service no longer passes it, the workflow ignores it.
      const { row, answerDueAt } = await startServiceItemReport({
        db: h.db,
        temporal: h.temporal,
        taskQueue: h.taskQueue,
        caller: committeeCaller,
        requestId: 'test-no-timing',
        report: { itemDescription: '要求社区代办证明', pushedBy: '城关街道办事处', pushedOn: today, anonymous: true },
        timing: { answerDueInMs: 1_500, remindBeforeMs: 1_000, escalateAfterMs: 1_000 },
      } as Parameters<typeof startServiceItemReport>[0]);
      expect(Date.parse(answerDueAt!)).toBeGreaterThan((await h.now()).getTime() + 14 * 86_400_000);
      const task = await openTask(row.id, 'sa.report-answer');
      expect(task.dueAt?.toISOString()).toBe(answerDueAt);
    });
  });

  // After the yearly summary, which counts every application of the county.
  describe('rule decisions in both languages', () => {
    it('records its rule decisions in both languages: an English reader of the case record reads them in English', async () => {
      const started = await apply({
        ...terms({ classification: 'own-duty', itemName: '英文读者巡查事项' }),
        communityIds: [communityA.id],
      });
      expect(started.stage).toBe('refused');
      await expectRuleDetailsInEnglish(applicant, started.id, ['SA-OWN-DUTY']);
    });
  });

  describe('rate limit', () => {
    it('limits the public check per client', async () => {
      const payload = {
        classification: 'assist',
        fundingAmount: 1,
        fundingPayer: 'x',
        authorityTransferred: false,
        workingConditions: 'y',
      };
      let status = 200;
      for (let i = 0; i < 200 && status === 200; i += 1) {
        status = (await h.api.inject({ method: 'POST', url: '/api/v1/service-items/admission-check', payload })).statusCode;
      }
      expect(status).toBe(429);
    });
  });
});
