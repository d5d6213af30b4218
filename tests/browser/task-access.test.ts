import { beforeAll, describe, expect, it } from '@jest/globals';
import { choose, expectAccessible, horizontalOverflow, screenshot, signIn, texts } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../support/factories';
import type { Harness } from '../support/harness';

const BROWSER_TEST_MS = 180_000;

/** Who decides, in Chromium at 1280 and 390 px: delegation by a colleague list, must-change password, supervision. */
describe('web app in Chromium: delegation, must-change password, supervision', () => {
  let h: Harness;
  const { newPage, signedIn } = browserSuite({}, (started) => ({ h } = started));
  let townshipId: string;
  let communityId: string;
  const users: Record<string, { id: string; username: string; displayName: string }> = {};

  beforeAll(async () => {
    const county = await makeOrganization(h.db, 'COUNTY');
    townshipId = (await makeOrganization(h.db, 'TOWNSHIP', county.id)).id;
    communityId = (await makeOrganization(h.db, 'COMMUNITY', townshipId)).id;
    users.a = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
    users.b = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
    users.outsider = await makeUser(h.db, [{ organizationId: communityId, role: 'RESIDENTS_COMMITTEE_OFFICIAL' }]);
    users.resident = await makeUser(h.db, [{ organizationId: communityId, role: 'APPLICANT' }]);
    users.county = await makeUser(h.db, [{ organizationId: county.id, role: 'COUNTY_APPROVER' }]);
  }, BROWSER_TEST_MS);

  /** A smoke case of the township: its one task is offered to the township's officials. */
  async function townshipTask(title: string) {
    const page = await newPage();
    const res = await page.request.post('/api/v1/auth/login', { data: { username: users.a!.username, password: TEST_PASSWORD } });
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const started = await page.request.post('/api/v1/smoke-cases', { data: { title }, headers: { 'x-csrf-token': csrfToken } });
    expect(started.status()).toBe(201);
    const caseId = ((await started.json()) as { id: string }).id;
    await page.close();
    return { caseId, taskId: (await h.db.task.findFirstOrThrow({ where: { caseId } })).id };
  }

  for (const width of [1280, 390]) {
    it(
      `delegates by picking a colleague from the list of those holding the task's role, at ${width} px`,
      async () => {
        const { taskId } = await townshipTask(`委托选择 ${width}`);
        const page = await signedIn(users.a!.username, `/tasks/${taskId}`, width, 900, TEST_PASSWORD);
        await page.getByRole('button', { name: texts.task.actions.claim, exact: true }).click();
        await page.getByText(texts.task.actions.delegateTitle, { exact: true }).click();
        // The list offers the township's other official, never the community's official or a resident.
        await page.getByLabel(texts.task.actions.colleague, { exact: true }).click();
        const popup = page.locator('.ant-select-dropdown:visible').last();
        await popup.getByText(users.b!.displayName, { exact: false }).waitFor();
        for (const other of [users.outsider!, users.resident!, users.a!]) {
          await expect(popup.getByText(other.displayName, { exact: false }).count()).resolves.toBe(0);
        }
        await page.keyboard.press('Escape');
        await choose(
          page,
          texts.task.actions.colleague,
          `${users.b!.displayName}（${users.b!.username}）`,
          users.b!.displayName.slice(-4),
        );
        expect(await horizontalOverflow(page)).toBe(0);
        await expectAccessible(page);
        await screenshot(page, `delegate-colleague-${width}`);
        await page.getByRole('button', { name: texts.task.actions.delegate, exact: true }).click();
        await page.getByText(texts.task.actions.delegated, { exact: true }).waitFor();
        await expect(h.db.task.findUniqueOrThrow({ where: { id: taskId } })).resolves.toMatchObject({
          assigneeId: users.b!.id,
          delegatedById: users.a!.id,
        });
      },
      BROWSER_TEST_MS,
    );
  }

  it(
    'sends an account whose password an administrator set to the change-password page, whatever page it asks for',
    async () => {
      const user = await makeUser(h.db, [{ organizationId: townshipId, role: 'TOWNSHIP_OFFICIAL' }]);
      await h.db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
      const page = await newPage(390);
      await page.goto('/inbox');
      await signIn(page, user.username, TEST_PASSWORD);
      await page.waitForURL('**/account/password');
      await page.getByText(texts.password.mustChange, { exact: true }).waitFor();
      // The API refuses the inbox until then (403 PASSWORD_CHANGE_REQUIRED).
      expect((await page.request.get('/api/v1/tasks')).status()).toBe(403);
      await page.goto('/inbox');
      await page.waitForURL('**/account/password');
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'must-change-password-390');
      await page.getByLabel(texts.password.current, { exact: true }).fill(TEST_PASSWORD);
      await page.getByLabel(texts.password.new, { exact: true }).fill('a-brand-new-password');
      await page.getByLabel(texts.password.confirm, { exact: true }).fill('a-brand-new-password');
      await page.getByRole('button', { name: texts.password.submit, exact: true }).click();
      await page.getByText(texts.password.changed, { exact: true }).waitFor();
      await page.goto('/inbox');
      await page.getByRole('heading', { name: texts.inbox.title, level: 2 }).waitFor();
      expect((await page.request.get('/api/v1/tasks')).status()).toBe(200);
    },
    BROWSER_TEST_MS,
  );

  for (const width of [1280, 390]) {
    it(
      `opens a subordinate organization's task read-only for a supervisor, and shows a resident no supervision tab, at ${width} px`,
      async () => {
        const { taskId } = await townshipTask(`督办查看 ${width}`);
        const page = await signedIn(users.county!.username, `/tasks/${taskId}`, width, 900, TEST_PASSWORD);
        await page.getByText(texts.task.supervising, { exact: true }).waitFor();
        await expect(page.getByRole('button', { name: texts.task.actions.claim, exact: true }).count()).resolves.toBe(0);
        await expect(page.getByRole('button', { name: texts.comments.submit, exact: true }).count()).resolves.toBe(0);
        expect(await horizontalOverflow(page)).toBe(0);
        await expectAccessible(page);
        await screenshot(page, `supervised-task-${width}`);

        const residentPage = await signedIn(users.resident!.username, '/inbox', width, 900, TEST_PASSWORD);
        await residentPage.getByRole('tab', { name: texts.inbox.views.mine }).waitFor();
        await expect(residentPage.getByRole('tab', { name: texts.inbox.views.organization }).count()).resolves.toBe(0);
        await residentPage.goto('/inbox?view=organization');
        await residentPage.getByRole('tab', { name: texts.inbox.views.mine, selected: true }).waitFor();
      },
      BROWSER_TEST_MS,
    );
  }
});
