import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { choose, expectAccessible, horizontalOverflow, screenshot, texts, tr } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { makeOrganization, makeProvinceToCounty, makeUser, TEST_PASSWORD } from '../support/factories';
import type { Harness } from '../support/harness';
import { until } from '../support/wait';

const BROWSER_TEST_MS = 240_000;
const o = texts.office;

/**
 * Issue 20 items 1, 5, 6, 7 in Chromium at 390 px, one walk: the office lists with their counts in the menu, a
 * 常用意见 inserted into the opinion box and printed in 已办, 传阅 with its read receipt shown to the sender, and 催办
 * from the county's 督办 list, which the case's 流转记录 then shows.
 */
describe('web app in Chromium at 390 px: office lists, 常用意见, 传阅, 催办', () => {
  let h: Harness;
  const { newPage, signedIn } = browserSuite({}, (started) => ({ h } = started));
  let townshipId: string;
  const users: Record<string, { id: string; username: string; displayName: string }> = {};
  const phrase = '经审核，材料齐全，同意。';

  beforeAll(async () => {
    const { county } = await makeProvinceToCounty(h.db);
    townshipId = (await makeOrganization(h.db, 'TOWNSHIP', county.id)).id;
    users.t1 = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
    users.county = await makeUser(h.db, [{ organizationId: county.id, role: 'COUNTY_APPROVER' }]);
    // The township's organization-wide phrase (kept by its administrator; made here directly).
    await h.db.opinionPhrase.create({ data: { organizationId: townshipId, text: phrase, createdById: users.t1.id } });
  }, BROWSER_TEST_MS);

  async function townshipCase(title: string) {
    const page = await newPage();
    const res = await page.request.post('/api/v1/auth/login', {
      data: { username: users.t1!.username, password: TEST_PASSWORD },
    });
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const started = await page.request.post('/api/v1/smoke-cases', { data: { title }, headers: { 'x-csrf-token': csrfToken } });
    expect(started.status()).toBe(201);
    const caseId = ((await started.json()) as { id: string }).id;
    await page.close();
    return { caseId, taskId: (await h.db.task.findFirstOrThrow({ where: { caseId } })).id };
  }

  async function openMenu(page: Page) {
    await page.getByRole('button', { name: texts.nav.openMenu }).click();
    return page.getByRole('navigation', { name: texts.nav.label });
  }

  it(
    'walks the lists with counts, a phrase in the opinion, a circulation read by its recipient, and an urge from 督办',
    async () => {
      const decided = await townshipCase('办公功能：已办');
      const late = await townshipCase('办公功能：催办');
      await h.db.task.update({ where: { id: late.taskId }, data: { dueAt: new Date(Date.now() - 2 * 86_400_000) } });

      // 1. The township official completes a task with an organization phrase in the opinion box.
      const page = await signedIn(users.t1!.username, `/tasks/${decided.taskId}`, 390, 844, TEST_PASSWORD);
      await page.getByRole('button', { name: texts.task.actions.claim, exact: true }).click();
      await page.getByText(texts.smoke.approve, { exact: true }).click();
      await choose(page, o.phrases.insert, `${o.phrases.orgPrefix}${phrase}`);
      await expect(page.getByLabel(texts.smoke.comment).inputValue()).resolves.toBe(phrase);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'office-opinion-phrase-390');
      await page.getByRole('button', { name: texts.task.form.submit }).click();
      await page.waitForURL(`**/cases/${decided.caseId}`);

      // 2. 传阅 to the county official, with a purpose.
      const countyName = (await h.db.organization.findFirstOrThrow({ where: { children: { some: { id: townshipId } } } })).name;
      // A multiple select stays open after a pick: pick, then close it.
      await page.getByLabel(o.circulation.users, { exact: true }).click();
      await page
        .locator('.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"])')
        .last()
        .locator(`[title="${users.county!.displayName}（${countyName}）"]`)
        .click();
      await page.keyboard.press('Escape');
      await page.getByLabel(o.circulation.purpose).fill('请县里阅知。');
      await page.getByRole('button', { name: o.circulation.submit, exact: true }).click();
      const receipts = page.getByRole('list', { name: o.circulation.listLabel });
      await receipts.getByText(o.circulation.unread, { exact: true }).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await expectAccessible(page);

      // 3. The lists and their counts in the menu: 已办 1 with the opinion, 我发起 2.
      let nav = await openMenu(page);
      await nav.getByRole('link', { name: new RegExp(`^${o.nav.done}\\s*1`) }).waitFor();
      await nav.getByRole('link', { name: new RegExp(`^${o.nav.started}\\s*2`) }).waitFor();
      await nav.getByRole('link', { name: new RegExp(`^${o.nav.done}`) }).click();
      await page.waitForURL('**/worklists/done');
      await page.getByText(phrase, { exact: true }).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await expectAccessible(page);
      await screenshot(page, 'office-done-390');

      // 4. The county official: 抄送我 counts one unread; opening the case records the receipt.
      const county = await signedIn(users.county!.username, '/', 390, 844, TEST_PASSWORD);
      nav = await openMenu(county);
      await nav.getByRole('link', { name: new RegExp(`^${o.nav.circulated}\\s*1`) }).click();
      await county.waitForURL('**/worklists/circulated');
      await county.getByText(o.lists.unread, { exact: true }).waitFor();
      await county.getByRole('link', { name: new RegExp('办公功能：已办') }).click();
      await county.waitForURL(`**/cases/${decided.caseId}`);
      await until(async () => (await h.db.circulationReceipt.count({ where: { userId: users.county!.id } })) === 1, 10_000);

      // 5. 督办: the county sees the township's yellow card and urges it with a reason.
      nav = await openMenu(county);
      await nav.getByRole('link', { name: o.nav.supervision }).click();
      await county.waitForURL('**/supervision');
      const card = county.locator('.supervision-card', { hasText: '办公功能：催办' });
      await card.getByText(o.supervision.yellow, { exact: true }).waitFor();
      await card.getByRole('button', { name: o.urge.button, exact: true }).click();
      await county.getByLabel(o.urge.reason).fill('已超期两天，请今日办结。');
      await county.getByRole('button', { name: o.urge.submit, exact: true }).click();
      await card.getByText(tr(o.supervision.urges, { count: 1 }), { exact: true }).waitFor();
      expect(await horizontalOverflow(county)).toBe(0);
      await expectAccessible(county);
      await screenshot(county, 'office-supervision-390');
      await expect(h.db.taskUrge.count({ where: { taskId: late.taskId, urgedById: users.county!.id } })).resolves.toBe(1);
      await expect(h.db.notification.count({ where: { taskId: late.taskId, kind: 'task.urged' } })).resolves.toBe(1);

      // 6. The sender sees the read receipt; the urged case's 流转记录 shows the urge.
      await page.goto(`/cases/${decided.caseId}`);
      await receipts.getByText(new RegExp(tr(o.circulation.read, { reader: users.county!.displayName, time: '.*' }))).waitFor();
      await page.goto(`/cases/${late.caseId}`);
      const history = page.getByRole('list', { name: texts.cases.history.listLabel });
      await history.getByText(o.history.urged, { exact: true }).waitFor();
      await history.getByText('已超期两天，请今日办结。', { exact: true }).waitFor();
      await screenshot(page, 'office-history-urge-390');
    },
    BROWSER_TEST_MS,
  );
});
