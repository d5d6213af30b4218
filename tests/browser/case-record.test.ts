import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { addYears, chinaDateOf } from '../../domain/clock';
import { expectAccessible, horizontalOverflow, screenshot, stepName, texts } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { TEST_PASSWORD, type Session } from '../support/factories';
import { CONVERSION_APPLICATION as application } from '../support/fixtures';
import type { Harness } from '../support/harness';
import { departmentAndCommunity } from '../support/service-admission';
import { conversionCounty, conversionVillage, uploadEvidence } from '../support/village-conversion';
import { until } from '../support/wait';

const BROWSER_TEST_MS = 300_000;
const WIDTHS = [1280, 390] as const;

/** HH:mm of an instant in China time (the case page shows every time in China time). */
function chinaClock(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}

/**
 * The case page tells what happened: the progress diagram's step states (done, returned, stopped at a withdrawal, not
 * reached, skipped), the shown status of a listed service item, the 流转记录 (decision, opinion, who, when in China
 * time) and the county's 批复 text, at 1280 px and 390 px.
 */
describe('web app in Chromium: the case record shows step states, the 流转记录 and the 批复', () => {
  let h: Harness;
  const { signedIn } = browserSuite({}, (started) => ({ h } = started));
  let townId: string;
  let township: Session;
  let reviewer: Session;
  let approver: Session;
  let department: Session;
  let communityId: string;
  const users: Record<string, { username: string; displayName: string }> = {};

  beforeAll(async () => {
    const county = await conversionCounty(h, { county: '北岭县', town: '石桥镇' });
    ({ township, reviewer, approver } = county);
    townId = county.town.id;
    Object.assign(users, county.users);
    const applying = await departmentAndCommunity(h, county.county.id, {
      department: '北岭县住房和城乡建设局',
      subdistrict: '北关街道',
      community: '安居社区',
    });
    communityId = applying.community.id;
    users.department = applying.user;
    department = applying.session;
  }, BROWSER_TEST_MS);

  async function complete(session: Session, caseId: string, kind: string, payload: unknown) {
    const task = await until(() => h.db.task.findFirst({ where: { caseId, kind, status: 'OPEN' } }));
    const res = await session.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/complete`, payload: { payload } });
    expect(res.statusCode).toBe(200);
  }

  /** A village of its own with its committee official, and a conversion it has prepared. */
  async function preparedConversion(villageName: string) {
    const { user, session: village } = await conversionVillage(h, townId, villageName);
    const started = await village.request({
      method: 'POST',
      url: '/api/v1/village-conversions',
      payload: { title: `${villageName}村改居` },
    });
    expect(started.statusCode).toBe(201);
    const caseId = started.json<{ id: string }>().id;
    await prepare(village, caseId);
    return { caseId, village, user };
  }

  async function prepare(village: Session, caseId: string) {
    const task = await until(() => h.db.task.findFirst({ where: { caseId, kind: 'vc.prepare', status: 'OPEN' } }));
    const evidence = await uploadEvidence(village, task.id);
    await complete(village, caseId, 'vc.prepare', {
      application,
      noticePosting: '村务公开栏张贴',
      restructuringRecord: '石桥镇改制〔2025〕2号',
      evidence,
      votesAgainst: 200,
      abstentions: 50,
    });
  }

  async function openCase(username: string, caseId: string, width: number): Promise<Page> {
    const page = await signedIn(username, `/cases/${caseId}`, width, 900, TEST_PASSWORD);
    await page.locator('.case-steps').waitFor();
    return page;
  }

  async function stepStates(page: Page): Promise<string[]> {
    const nodes = await page.locator('.case-steps [data-step-state]').all();
    return Promise.all(nodes.map(async (n) => (await n.getAttribute('data-step-state')) ?? ''));
  }

  it(
    'shows the 流转记录 with each decision, opinion, who and China time, and the 批复 text, at 1280 and 390 px',
    async () => {
      const { caseId, village, user } = await preparedConversion('东坡村');
      await complete(township, caseId, 'vc.township-review', { decision: 'return', opinion: '请补充劳动力统计原始台账' });
      await prepare(village, caseId);
      await complete(township, caseId, 'vc.township-review', { decision: 'propose', opinion: '符合条件，同意提出改设' });
      await complete(reviewer, caseId, 'vc.civil-affairs-review', { decision: 'forward', opinion: '材料齐全，转报县政府' });
      await complete(approver, caseId, 'vc.county-decision', {
        decision: 'approve',
        documentNumber: '北政字〔2026〕8号',
        decisionText: '经研究，同意撤销东坡村民委员会，设立东坡社区居民委员会。',
        newCommittee: { name: '东坡社区居民委员会', area: '原东坡村村域', households: 300 },
      });
      await until(async () => (await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).status === 'COMPLETED');
      const returned = await h.db.task.findFirstOrThrow({
        where: { caseId, kind: 'vc.township-review', status: 'COMPLETED' },
        orderBy: { completedAt: 'asc' },
      });

      for (const width of WIDTHS) {
        const page = await openCase(user.username, caseId, width);
        expect(await stepStates(page)).toEqual(['done', 'done', 'done', 'done', 'done']);
        await page.getByText(texts.cases.status.COMPLETED, { exact: true }).first().waitFor();

        const history = page.getByRole('list', { name: texts.cases.history.listLabel });
        const entries = history.getByRole('listitem');
        // prepare, return, prepare again, propose, forward, approve
        await expect(entries.count()).resolves.toBe(6);
        const returnEntry = entries.nth(1);
        await returnEntry.getByText(stepName('village-conversion', 'vc.township-review')).waitFor();
        await returnEntry.getByText(texts.cases.decisions.return, { exact: true }).waitFor();
        await returnEntry.getByText('请补充劳动力统计原始台账', { exact: true }).waitFor();
        await returnEntry.getByText(new RegExp(`${users.township!.displayName} · 石桥镇 · `)).waitFor();
        await returnEntry.getByText(chinaClock(returned.completedAt!.toISOString()), { exact: false }).waitFor();
        await entries.nth(3).getByText('符合条件，同意提出改设', { exact: true }).waitFor();
        await entries.nth(4).getByText('材料齐全，转报县政府', { exact: true }).waitFor();
        await entries.nth(5).getByText(texts.cases.decisions.approve, { exact: true }).waitFor();

        // The written decision (批复): number, decision, the full text, the county and who signed.
        await page.getByRole('heading', { name: texts.cases.sections.writtenDecision, level: 3 }).waitFor();
        await page.getByText('经研究，同意撤销东坡村民委员会，设立东坡社区居民委员会。', { exact: true }).waitFor();
        await page.getByText('北政字〔2026〕8号', { exact: true }).waitFor();
        await page.getByText(users.approver!.displayName, { exact: true }).waitFor();

        expect(await horizontalOverflow(page)).toBe(0);
        await expectAccessible(page);
        await screenshot(page, `case-record-history-${width}`);
        await page.context().close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows a withdrawn conversion stopped where it was withdrawn, a returned step as returned, and a listed service item completed, at 1280 and 390 px',
    async () => {
      const withdrawn = await preparedConversion('西坡村');
      await until(() => h.db.task.findFirst({ where: { caseId: withdrawn.caseId, kind: 'vc.township-review', status: 'OPEN' } }));
      const res = await withdrawn.village.request({
        method: 'POST',
        url: `/api/v1/village-conversions/${withdrawn.caseId}/withdraw`,
        payload: { reason: '村民会议决定暂缓改居' },
      });
      expect(res.statusCode).toBe(200);

      const sentBack = await preparedConversion('南坡村');
      await complete(township, sentBack.caseId, 'vc.township-review', { decision: 'return', opinion: '请补充改制完成证明' });
      await until(() => h.db.task.findFirst({ where: { caseId: sentBack.caseId, kind: 'vc.prepare', status: 'OPEN' } }));

      const today = chinaDateOf(new Date());
      const item = await department.request({
        method: 'POST',
        url: '/api/v1/service-items',
        payload: {
          itemName: '城镇燃气用户安全入户宣传',
          legalBasis: '《城镇燃气管理条例》第四十一条',
          classification: 'assist',
          workloadEstimate: '每季度入户宣传一次，约 16 小时',
          fundingAmount: 12000,
          fundingPayer: '北岭县住房和城乡建设局',
          authorityTransferred: false,
          authorityDescription: null,
          workingConditions: '提供宣传资料和入户检查表',
          period: { from: today, until: addYears(today, 1) },
          communityIds: [communityId],
        },
      });
      expect(item.statusCode).toBe(201);
      const itemId = item.json<{ id: string }>().id;
      await complete(reviewer, itemId, 'sa.review', { decision: 'forward', opinion: '经费、工作条件已落实' });
      await complete(approver, itemId, 'sa.decide', { decision: 'admit', reasons: '经社区建设领导小组会议研究同意' });
      await until(
        async () =>
          ((await h.db.case.findUniqueOrThrow({ where: { id: itemId } })).data as { stage?: string }).stage === 'listed',
      );

      for (const width of WIDTHS) {
        const page = await openCase(withdrawn.user.username, withdrawn.caseId, width);
        expect(await stepStates(page)).toEqual(['done', 'stopped', 'not-reached', 'not-reached', 'done']);
        const steps = page.locator('.case-steps');
        await steps.getByText(texts.cases.steps.withdrawnHere, { exact: true }).waitFor();
        await expect(steps.getByText(texts.cases.steps.notReached, { exact: true }).count()).resolves.toBe(2);
        await page
          .getByRole('list', { name: texts.cases.history.listLabel })
          .getByText('村民会议决定暂缓改居', { exact: true })
          .waitFor();
        expect(await horizontalOverflow(page)).toBe(0);
        await expectAccessible(page);
        await screenshot(page, `case-record-withdrawn-${width}`);
        await page.context().close();

        const back = await openCase(sentBack.user.username, sentBack.caseId, width);
        expect(await stepStates(back)).toEqual(['current', 'returned', 'not-reached', 'not-reached', 'not-reached']);
        await back.locator('.case-steps').getByText(texts.cases.steps.returned, { exact: true }).waitFor();
        await back
          .getByRole('list', { name: texts.cases.history.listLabel })
          .getByText('请补充改制完成证明', { exact: true })
          .waitFor();
        await back.context().close();

        const listed = await openCase(users.department!.username, itemId, width);
        expect(await stepStates(listed)).toEqual([
          'done',
          'skipped',
          'skipped',
          'skipped',
          'done',
          'skipped',
          'done',
          'not-reached',
          'done',
        ]);
        await listed.getByText(texts.cases.status.COMPLETED, { exact: true }).first().waitFor();
        await expect(listed.getByText(texts.cases.status.OPEN, { exact: true }).count()).resolves.toBe(0);
        await listed
          .getByRole('list', { name: texts.cases.history.listLabel })
          .getByText('经社区建设领导小组会议研究同意', { exact: true })
          .waitFor();
        expect(await horizontalOverflow(listed)).toBe(0);
        await expectAccessible(listed);
        await screenshot(listed, `case-record-listed-${width}`);
        await listed.context().close();
      }
    },
    BROWSER_TEST_MS,
  );
});
