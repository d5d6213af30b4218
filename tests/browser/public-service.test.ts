import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { addDays, chinaDateOf } from '../../domain/clock';
import { formatChinaDay } from '../../domain/china-time';
import { DEMO_APPLICANT_ID_NUMBER, DEMO_PASSWORD } from '../../scripts/demo-seed';
import ps from '../../web/src/i18n/procedures/publicService.zh-CN.json';
import { expectAccessible, horizontalOverflow, screenshot, signIn as signInPage, texts, tr } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { electionInRegistration, migrantResidence } from '../support/elections';
import { signIn, type Session } from '../support/factories';
import type { Harness } from '../support/harness';

const BROWSER_TEST_MS = 300_000;
const PHONE = 390;

/**
 * 我要查 and 好差评 in Chromium at 390 px: the login page lists every public page in one 公共服务 block; a migrant's
 * refused application is followed anonymously with its number and query code and rated 非常不满意, which shows the
 * rectification's due date and then the election committee's answer; the applicant, signed in, follows and rates
 * their second (approved) application without the code. The public eligibility self-check says it is not a decision.
 */
describe('web app in Chromium: 我要查 and 好差评 at 390 px', () => {
  let h: Harness;
  const { newPage } = browserSuite({ demo: true, width: PHONE, height: 844 }, (started) => ({ h } = started));
  let committee: Session;
  let applicant: Session;
  let electionId = '';

  async function fits(page: Page, name: string) {
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, name);
  }

  async function openTask(caseId: string, kind: string) {
    for (let i = 0; i < 75; i++) {
      const task = await h.db.task.findFirst({ where: { caseId, kind, status: 'OPEN' } });
      if (task) return task;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no open ${kind}`);
  }

  /** The demo applicant applies over the API; the committee decides. Returns the number and the code shown once. */
  async function decidedApplication(decision: 'approve' | 'refuse') {
    const res = await applicant.request({
      method: 'POST',
      url: `/api/v1/elections/${electionId}/applications`,
      payload: { name: '张三', idNumber: DEMO_APPLICANT_ID_NUMBER, birthDate: '1988-07-01', ...migrantResidence('2020-01-01') },
    });
    expect(res.statusCode).toBe(201);
    const { number, queryCode } = res.json<{ number: string; queryCode: string }>();
    const row = await h.db.case.findUniqueOrThrow({ where: { number } });
    const task = await openTask(row.id, 'election.migrant-decision');
    const done = await committee.request({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/complete`,
      payload: { payload: { decision, reason: decision === 'approve' ? '材料齐全，符合条件' : '居住证明不足一年' } },
    });
    expect(done.statusCode).toBe(200);
    return { number, queryCode, caseId: row.id };
  }

  it(
    'lists every public page on the login page, and the eligibility self-check says it is not a decision',
    async () => {
      const township = await signIn(h.api, 'subdistrict.official', DEMO_PASSWORD);
      committee = await signIn(h.api, 'election.member', DEMO_PASSWORD);
      applicant = await signIn(h.api, 'applicant', DEMO_PASSWORD);
      const xingfu = await h.db.organization.findFirstOrThrow({ where: { name: '幸福社区' } });
      electionId = await electionInRegistration(h.db, township, xingfu.id, addDays(chinaDateOf(new Date()), 25));

      const page = await newPage();
      await page.goto('/login');
      const block = page.getByRole('navigation', { name: ps.block.title });
      for (const label of [
        ps.block.track,
        ps.block.eligibility,
        ps.block.villageConversion,
        ps.block.ownersMeeting,
        ps.block.admitted,
      ])
        await expect(block.getByRole('link', { name: label }).isVisible()).resolves.toBe(true);
      await fits(page, 'public-login');

      await block.getByRole('link', { name: ps.block.eligibility }).click();
      await page.getByRole('heading', { name: ps.eligibility.title, level: 2 }).waitFor();
      await page.getByLabel(ps.eligibility.electionDate, { exact: true }).fill(addDays(chinaDateOf(new Date()), 30));
      await page.getByLabel(ps.eligibility.birthDate, { exact: true }).fill('1990-05-01');
      await page.getByLabel(ps.eligibility.residenceSince, { exact: true }).fill(chinaDateOf(new Date()));
      await page.getByLabel(ps.eligibility.hasLegalFixedResidence, { exact: true }).check();
      await page.getByRole('button', { name: ps.eligibility.submit }).click();
      await page.getByText(ps.eligibility.notEligible).waitFor();
      // The clause that decides: residence of a full year (EL-RESIDENCE).
      await page.getByText('EL-RESIDENCE').first().waitFor();
      await expect(page.getByText(ps.eligibility.notADecision).first().isVisible()).resolves.toBe(true);
      await fits(page, 'public-eligibility');
    },
    BROWSER_TEST_MS,
  );

  it(
    'anonymously: follows a refused application with its number and code, rates it 非常不满意, then reads the answer',
    async () => {
      const { number, queryCode, caseId } = await decidedApplication('refuse');
      const page = await newPage();
      await page.goto('/login');
      await page.getByRole('link', { name: ps.block.track }).click();
      await page.getByRole('heading', { name: ps.track.title, level: 2 }).waitFor();
      await page.getByLabel(ps.track.number, { exact: true }).fill(number);
      await page.getByLabel(ps.track.code, { exact: true }).fill('ZZZZ-ZZZZ');
      await page.getByRole('button', { name: ps.track.submit }).click();
      await page.getByText('办件编号或查询码不正确').waitFor();

      await page.getByLabel(ps.track.code, { exact: true }).fill(queryCode.toLowerCase());
      await page.getByRole('button', { name: ps.track.submit }).click();
      await page.getByText('已办结（未予同意）').waitFor();
      await expect(page.getByText('选举委员会审核').isVisible()).resolves.toBe(true);
      await expect(page.getByText('张三').count()).resolves.toBe(0);
      await fits(page, 'public-track');

      await page.getByRole('radio', { name: '非常不满意' }).check();
      await page.getByLabel(ps.rating.comment, { exact: true }).fill('理由没有讲清楚');
      await page.getByRole('button', { name: ps.rating.submit }).click();
      await page
        .getByText(tr(ps.rating.done, { label: '非常不满意', date: formatChinaDay(chinaDateOf(new Date()), 'zh-CN') }))
        .waitFor();
      const rating = await h.db.serviceRating.findUniqueOrThrow({ where: { caseId } });
      const task = await openTask(rating.rectificationCaseId!, 'rectification.answer');
      const due = chinaDateOf(new Date(task.dueAt!.getTime() - 1));
      await page.getByText(tr(ps.rating.rectificationDue, { date: formatChinaDay(due, 'zh-CN') })).waitFor();
      await fits(page, 'public-track-rated');

      // The election committee answers in its task form; the rater sees the answer on 我要查.
      const office = await newPage();
      await office.goto(`/tasks/${task.id}`);
      await signInPage(office, 'election.member');
      await office.getByLabel(ps.rectification.answer, { exact: true }).fill('已重新核查并当面说明理由');
      await office.getByRole('button', { name: texts.task.form.submit }).click();
      await office.waitForURL(`**/cases/${rating.rectificationCaseId!}`);

      await page.getByRole('button', { name: ps.track.submit }).click();
      await page.getByText('已重新核查并当面说明理由').waitFor();
      await fits(page, 'public-track-answered');
    },
    BROWSER_TEST_MS,
  );

  it(
    'as the applicant, signed in: follows an approved application by its number alone and rates it 非常满意',
    async () => {
      const { number } = await decidedApplication('approve');
      const page = await newPage();
      await page.goto('/login');
      await signInPage(page, 'applicant');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.goto('/track');
      await page.getByText(ps.track.signedInHint).waitFor();
      await page.getByLabel(ps.track.number, { exact: true }).fill(number);
      await page.getByRole('button', { name: ps.track.submit }).click();
      await page.getByText('已办结', { exact: true }).waitFor();
      await page.getByRole('radio', { name: '非常满意' }).check();
      await page.getByRole('button', { name: ps.rating.submit }).click();
      await page
        .getByText(tr(ps.rating.done, { label: '非常满意', date: formatChinaDay(chinaDateOf(new Date()), 'zh-CN') }))
        .waitFor();
      const row = await h.db.case.findUniqueOrThrow({ where: { number } });
      expect(await h.db.serviceRating.findUniqueOrThrow({ where: { caseId: row.id } })).toMatchObject({
        level: 5,
        channel: 'account',
        rectificationCaseId: null,
      });
      await fits(page, 'public-track-signed-in');
    },
    BROWSER_TEST_MS,
  );
});
