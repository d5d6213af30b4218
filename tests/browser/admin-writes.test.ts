import { describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { residentIdCheckChar, residentIdProblemText } from '../../domain/resident-id';
import { choose, screenshot, expectAccessible, signIn, texts } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import type { Harness } from '../support/harness';
import type { WebServer } from '../support/web-server';

const BROWSER_TEST_MS = 180_000;

/**
 * The admin pages' writes through the UI (each one a non-GET request carrying the CSRF token): creating, renaming
 * and importing organizations; creating a user with a membership; adding a second one; the new user's first sign-in
 * (forced password change) and membership switch.
 */
describe('web app in Chromium: administration writes', () => {
  let h: Harness;
  let server: WebServer;
  let browser: Browser;
  const { signedIn } = browserSuite({ demo: true }, (started) => ({ h, server, browser } = started));

  const adminPage = (path: string) => signedIn('admin', path);

  it(
    'organizations: create under the selected node, rename, import with row errors, then a valid import',
    async () => {
      const page = await adminPage('/admin/organizations');
      const tree = page.getByRole('tree', { name: texts.organizations.tree });
      await tree.getByText('青石镇', { exact: true }).click();
      await page.getByRole('button', { name: texts.organizations.createChild }).click();
      const dialog = page.getByRole('dialog');
      await choose(dialog, texts.organizations.fields.kind, '村民委员会');
      await dialog.getByLabel(texts.organizations.fields.code, { exact: true }).fill('UI-VILLAGE-1');
      await dialog.getByLabel(texts.organizations.fields.name, { exact: true }).fill('界面测试村');
      await expectAccessible(page);
      await dialog.getByRole('button', { name: texts.organizations.create }).click();
      await tree.getByText('界面测试村', { exact: true }).waitFor();
      const created = await h.db.organization.findUniqueOrThrow({ where: { code: 'UI-VILLAGE-1' }, include: { parent: true } });
      expect(created).toMatchObject({ kind: 'VILLAGE', name: '界面测试村', parent: { code: 'DEMO-370101001' } });

      await page.getByRole('button', { name: texts.organizations.rename }).click();
      await page.getByRole('dialog').getByLabel(texts.organizations.fields.name, { exact: true }).fill('界面测试村（改）');
      await page.getByRole('dialog').getByLabel(texts.organizations.fields.nameEnOptional, { exact: true }).fill('UI Village');
      await page.getByRole('dialog').getByRole('button', { name: texts.organizations.save }).click();
      await tree.getByText('界面测试村（改）', { exact: true }).waitFor();
      expect(await h.db.organization.findUniqueOrThrow({ where: { code: 'UI-VILLAGE-1' } })).toMatchObject({
        nameEn: 'UI Village',
      });

      await page.getByRole('button', { name: texts.organizations.import.open }).click();
      const csv = (lines: string[]) => Buffer.from(['code,name,nameEn,kind,parentCode', ...lines].join('\n'));
      await page.locator('input[type=file]').setInputFiles({
        name: 'orgs.csv',
        mimeType: 'text/csv',
        buffer: csv(['UI-COMM-1,导入社区,,COMMUNITY,DEMO-370101002', 'UI-BAD-1,坏行,,NOT_A_KIND,DEMO-370101002']),
      });
      const rowErrors = page.getByRole('dialog').getByRole('table');
      await rowErrors.getByText('未知的组织类型 NOT_A_KIND。').waitFor();
      await expect(rowErrors.getByRole('cell', { name: '3', exact: true }).count()).resolves.toBe(1);
      expect(await h.db.organization.count({ where: { code: { startsWith: 'UI-COMM' } } })).toBe(0);
      await expectAccessible(page);
      await screenshot(page, 'import-errors-1280');

      await page.locator('input[type=file]').setInputFiles({
        name: 'orgs.csv',
        mimeType: 'text/csv',
        buffer: csv([
          'UI-COMM-1,导入社区,Imported Community,COMMUNITY,DEMO-370101002',
          'UI-EC-1,导入社区选委会,,ELECTION_COMMITTEE,UI-COMM-1',
        ]),
      });
      await page.getByRole('dialog').getByText('导入成功：新建 2 个组织（共 2 行）。').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('searchbox', { name: texts.organizations.search }).fill('导入社区');
      await tree.getByText('导入社区', { exact: true }).waitFor();
      await tree.getByText('导入社区选委会', { exact: true }).waitFor();
    },
    BROWSER_TEST_MS,
  );

  it(
    'users: create with a membership, add a second one; the new user must change the password, then switches membership',
    async () => {
      const page = await adminPage('/admin/users');
      await page.getByRole('table').getByText('township.official', { exact: true }).waitFor();
      await page.getByRole('button', { name: texts.users.create, exact: true }).click();
      const drawer = page.getByRole('dialog', { name: texts.users.createTitle });
      await drawer.getByLabel(texts.users.fields.username, { exact: true }).fill('ui.user');
      await drawer.getByLabel(texts.users.fields.displayName, { exact: true }).fill('界面 新用户');
      await drawer.getByLabel(texts.users.fields.initialPassword, { exact: true }).fill('short');
      await drawer.getByRole('button', { name: texts.users.createSubmit, exact: true }).click();
      await drawer.getByText('至少需要 10 个字符。').waitFor(); // client-side validation, translated
      await drawer.getByText(texts.validation.required).first().waitFor(); // organization and role not chosen
      await drawer.getByLabel(texts.users.fields.initialPassword, { exact: true }).fill('initial-pass-2026');
      await choose(drawer, texts.users.fields.organization, '幸福社区（社区居民委员会）', '幸福');
      await choose(drawer, texts.users.fields.role, '居委会工作人员');
      await expectAccessible(page);
      await screenshot(page, 'create-user-1280');
      await drawer.getByRole('button', { name: texts.users.createSubmit, exact: true }).click();
      await drawer.waitFor({ state: 'hidden' });

      // The new user's drawer opens: add a second membership.
      const details = page.getByRole('dialog', { name: '管理用户：ui.user' });
      await choose(details, texts.users.fields.organization, '青石镇（乡镇）', '青石');
      await choose(details, texts.users.fields.role, '乡镇（街道）工作人员');
      await details.getByRole('button', { name: texts.users.addMembership }).click();
      await details.getByText('青石镇 · 乡镇（街道）工作人员').waitFor();
      const user = await h.db.user.findUniqueOrThrow({ where: { username: 'ui.user' }, include: { memberships: true } });
      expect(user.mustChangePassword).toBe(true);
      expect(user.memberships.map((m) => m.role).sort()).toEqual(['RESIDENTS_COMMITTEE_OFFICIAL', 'TOWNSHIP_OFFICIAL']);

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
      const newUser = await context.newPage();
      await newUser.goto('/');
      await signIn(newUser, 'ui.user', 'initial-pass-2026');
      await newUser.waitForURL('**/account/password');
      await newUser.getByText(texts.password.mustChange).waitFor();
      await expectAccessible(newUser);
      await screenshot(newUser, 'change-password-1280');
      await newUser.getByLabel(texts.password.current, { exact: true }).fill('initial-pass-2026');
      await newUser.getByLabel(texts.password.new, { exact: true }).fill('my-own-pass-2026');
      await newUser.getByLabel(texts.password.confirm, { exact: true }).fill('my-own-pass-2026');
      await newUser.getByRole('button', { name: texts.password.submit }).click();
      await newUser.getByRole('heading', { name: texts.workspace.title }).waitFor();
      expect(await h.db.user.findUniqueOrThrow({ where: { username: 'ui.user' } })).toMatchObject({ mustChangePassword: false });

      await newUser.getByText('幸福社区', { exact: true }).waitFor();
      await choose(newUser, texts.membership.label, '青石镇 · 乡镇（街道）工作人员');
      await newUser.getByRole('main').getByText('青石镇', { exact: true }).waitFor();
      await screenshot(newUser, 'workspace-switched-1280');
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'real-name accounts at 390 px: a resident account is issued with the holder’s ID number — required, checked as typed (GB 11643), stored, shown masked',
    async () => {
      const idNumber = `${'11010519491231002'}${residentIdCheckChar('11010519491231002')}`;
      const page = await signedIn('admin', '/admin/users', 390, 844);
      await page.getByRole('button', { name: texts.users.create, exact: true }).click();
      const drawer = page.getByRole('dialog', { name: texts.users.createTitle });
      await drawer.getByLabel(texts.users.fields.username, { exact: true }).fill('resident.li');
      await drawer.getByLabel(texts.users.fields.displayName, { exact: true }).fill('李居民');
      await drawer.getByLabel(texts.users.fields.initialPassword, { exact: true }).fill('initial-pass-2026');
      await choose(drawer, texts.users.fields.organization, '幸福社区（社区居民委员会）', '幸福');
      await choose(drawer, texts.users.fields.role, '申请人（居民）');
      // A resident account without the number is refused in the form, in Chinese.
      await drawer.getByRole('button', { name: texts.users.createSubmit, exact: true }).click();
      await drawer.getByText(texts.validation.idNumberRequired).waitFor();
      const field = drawer.getByLabel(texts.users.fields.idNumber, { exact: true });
      await field.fill(`${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`);
      await drawer.getByText(residentIdProblemText('check-digit')['zh-CN']).waitFor();
      await field.fill(idNumber);
      await expectAccessible(page);
      // Nothing overflows the 390 px viewport.
      expect(await page.locator('html').evaluate((html: { scrollWidth: number }) => html.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, 'create-resident-user-390');
      await drawer.getByRole('button', { name: texts.users.createSubmit, exact: true }).click();
      await drawer.waitFor({ state: 'hidden' });

      const details = page.getByRole('dialog', { name: '管理用户：resident.li' });
      await details.getByText(`${idNumber.slice(0, 3)}***********${idNumber.slice(14)}`).waitFor();
      expect(await page.content()).not.toContain(idNumber);
      expect((await h.db.user.findUniqueOrThrow({ where: { username: 'resident.li' } })).idNumber).toBe(idNumber);
    },
    BROWSER_TEST_MS,
  );
});
