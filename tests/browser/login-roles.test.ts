import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { errorMessage } from '../../domain/errors';
import { expectAccessible, horizontalOverflow, screenshot, signIn, texts, tr } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

const BROWSER_TEST_MS = 180_000;

describe('web app in Chromium: sign-in, roles, admin pages, accessibility, phone width', () => {
  const { newPage } = browserSuite({ demo: true });

  const nav = (page: Page) => page.getByRole('navigation', { name: texts.nav.label });

  it(
    'admin: a wrong password is refused in the chosen language; then the page asked for, the demo tree and the users',
    async () => {
      const page = await newPage();
      await page.goto('/admin/organizations');
      await page.waitForURL('**/login');
      await page.getByRole('heading', { name: texts.login.title }).waitFor();
      await expectAccessible(page, { settle: false });

      await signIn(page, 'admin', 'not-the-password');
      const invalid = errorMessage('INVALID_CREDENTIALS');
      await expect(page.getByRole('alert').textContent()).resolves.toContain(invalid['zh-CN']);
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('alert').getByText(invalid.en).waitFor();
      await page.getByText('中文', { exact: true }).click();
      await page.getByRole('alert').getByText(invalid['zh-CN']).waitFor();
      await screenshot(page, 'login-error-1280');

      await signIn(page, 'admin');
      await page.waitForURL('**/admin/organizations');
      await page.getByRole('heading', { name: texts.organizations.title, level: 2 }).waitFor();
      const tree = page.getByRole('tree', { name: texts.organizations.tree });
      for (const name of ['山东省（演示）', '示范市', '东河县', '青石镇', '城关街道', '西山区']) {
        await tree.getByText(name, { exact: true }).waitFor();
      }
      await tree.getByText('青石镇', { exact: true }).click();
      await page.getByText('DEMO-370101001', { exact: true }).last().waitFor();
      await expectAccessible(page, { settle: false });
      await screenshot(page, 'organizations-1280');

      await nav(page).getByRole('link', { name: texts.nav.users }).click();
      await page.waitForURL('**/admin/users');
      for (const username of ['admin', 'township.official', 'xishan.approver']) {
        await page.getByRole('table').getByText(username, { exact: true }).waitFor();
      }
      await expectAccessible(page, { settle: false });
      await screenshot(page, 'users-1280');

      await nav(page).getByRole('link', { name: texts.nav.workspace }).click();
      await page.getByRole('heading', { name: texts.workspace.title }).waitFor();
      await page.getByText('系统管理员', { exact: true }).first().waitFor();
      await expectAccessible(page, { settle: false });
      await screenshot(page, 'workspace-1280');

      expect((await page.request.get('/api/v1/users')).status()).toBe(200);

      await page.getByRole('button', { name: texts.account.menu.replace('{{name}}', '系统管理员') }).click();
      await page.getByRole('menuitem', { name: texts.account.logout }).click();
      await page.waitForURL('**/login');
      expect((await page.request.get('/api/v1/me')).status()).toBe(401);
    },
    BROWSER_TEST_MS,
  );

  it(
    'township official: no admin menu; /admin/users shows "no permission" and the API answers 403',
    async () => {
      const page = await newPage();
      await page.goto('/login');
      await signIn(page, 'township.official');
      await page.getByRole('heading', { name: texts.workspace.title }).waitFor();
      await page.getByText('青石镇', { exact: true }).first().waitFor();
      await page.getByText(texts.workspace.noTasks).waitFor(); // the workspace's inbox card: nothing assigned yet
      await page.getByRole('button', { name: tr(texts.workspace.openUnclaimedCount, { count: 0 }) }).waitFor();
      await expect(nav(page).getByRole('link', { name: texts.nav.workspace }).count()).resolves.toBe(1);
      await expect(nav(page).getByRole('link', { name: texts.nav.organizations }).count()).resolves.toBe(0);
      await expect(nav(page).getByRole('link', { name: texts.nav.users }).count()).resolves.toBe(0);

      await page.goto('/admin/users');
      await page.getByText(texts.forbidden.title, { exact: true }).waitFor();
      await expect(page.getByRole('table').count()).resolves.toBe(0);
      await expectAccessible(page, { settle: false });
      await screenshot(page, 'forbidden-1280');

      const response = await page.request.get('/api/v1/users');
      expect(response.status()).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    },
    BROWSER_TEST_MS,
  );

  it(
    'at 375px: no horizontal scrolling on the pages, and the menu is in a drawer',
    async () => {
      const page = await newPage(375, 812);
      await page.goto('/login');
      expect(await horizontalOverflow(page)).toBe(0);
      await signIn(page, 'admin');
      await page.getByRole('heading', { name: texts.workspace.title }).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'workspace-375');

      await page.getByRole('button', { name: texts.nav.openMenu }).click();
      await nav(page).getByRole('link', { name: texts.nav.organizations }).click();
      await page.getByRole('tree', { name: texts.organizations.tree }).getByText('青石镇', { exact: true }).click();
      await page.getByRole('button', { name: texts.organizations.createChild }).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'organizations-375');

      await page.goto('/admin/users');
      await page.getByRole('table').getByText('township.official', { exact: true }).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await expectAccessible(page, { settle: false });
      await screenshot(page, 'users-375');
    },
    BROWSER_TEST_MS,
  );
});
