import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import en from '../../web/src/i18n/en.json';
import publicTexts from '../../web/src/i18n/procedures/publicService.zh-CN.json';
import { expectAccessible, horizontalOverflow, screenshot, texts } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { makeOrganization } from '../support/factories';
import type { Harness } from '../support/harness';
import { provideDemoSigners } from '../../runtime/official-documents/demo-signers';
import { issueOfficialDocument } from '../../runtime/official-documents/issue';

const BROWSER_TEST_MS = 240_000;

/**
 * 公文核验 in Chromium, anonymously, on a 390 px phone: the page a document's QR code opens shows the issuer, the
 * 发文字号, the date and the sha256, and says whether a chosen copy is the issued document byte for byte.
 */
describe('web app in Chromium: the public verification page of an issued 公文', () => {
  let h: Harness;
  const { newPage } = browserSuite({}, (started) => ({ h } = started));

  it(
    'opens /verify/<code> without signing in at 390 px: issuer, number, date and sha256; the issued copy matches, a changed one does not',
    async () => {
      const county = await makeOrganization(h.db, 'COUNTY', undefined, '东河县');
      await provideDemoSigners(h.db, [county]);
      const doc = await issueOfficialDocument({
        db: h.db,
        kind: 'vc-decision',
        caseId: randomUUID(),
        organizationId: county.id,
        organName: '东河县人民政府',
        draft: {
          title: '东河县人民政府关于柳树村村民委员会改设社区居民委员会的批复',
          addressee: '青石镇人民政府',
          paragraphs: ['经研究，同意。此复。'],
          dated: '2026-12-08',
          copiesTo: ['东河县民政局'],
          printedBy: '东河县人民政府办公室',
          printedOn: '2026-12-08',
          decisions: [],
        },
      });
      const bytes = Buffer.from(doc.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc.sha256);

      // From the login page's 公共服务 block: the code typed as printed (5-5, lower case) opens its page.
      const page = await newPage(390, 844);
      await page.goto('/login');
      await page.getByRole('link', { name: publicTexts.block.verify, exact: true }).click();
      await page.waitForURL('**/verify');
      const codeField = page.getByLabel(texts.verify.enterCode, { exact: true });
      await codeField.waitFor();
      // Checked before the error message below, which fades in (axe would measure its contrast mid-animation).
      await expectAccessible(page);
      await codeField.fill('12345');
      await page.getByRole('button', { name: texts.verify.enterCodeSubmit }).click();
      await page.getByText(texts.verify.enterCodeInvalid).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      const printed = `${doc.verifyCode.slice(0, 5)}-${doc.verifyCode.slice(5)}`.toLowerCase();
      await codeField.fill(printed);
      await page.getByRole('button', { name: texts.verify.enterCodeSubmit }).click();
      await page.waitForURL(`**/verify/${doc.verifyCode}`);
      await page.getByRole('heading', { name: texts.verify.title, level: 2 }).waitFor();
      await page.getByText(doc.number, { exact: true }).waitFor();
      await page.getByText('东河县', { exact: true }).waitFor();
      await page.getByText('2026年12月8日', { exact: true }).waitFor();
      await expect(page.getByTestId('verify-sha256').innerText()).resolves.toContain(doc.sha256);
      expect(await horizontalOverflow(page)).toBe(0);
      await expectAccessible(page);
      await screenshot(page, 'verify-390');

      await page.locator('input[type=file]').setInputFiles({ name: '批复.pdf', mimeType: 'application/pdf', buffer: bytes });
      await page.getByRole('status').filter({ hasText: texts.verify.matches }).waitFor();
      const changed = Buffer.from(bytes);
      changed[12] = changed[12]! ^ 0x01;
      await page.locator('input[type=file]').setInputFiles({ name: '副本.pdf', mimeType: 'application/pdf', buffer: changed });
      await page.getByRole('status').filter({ hasText: texts.verify.differs }).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);

      // In English too.
      await page.evaluate("window.localStorage.setItem('cg.language', 'en')");
      await page.reload();
      await page.getByRole('heading', { name: en.verify.title, level: 2 }).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);

      // An unknown code: a page that says so, not an error.
      await page.goto('/verify/0000000000');
      await page.getByText(en.verify.notFound).waitFor();
    },
    BROWSER_TEST_MS,
  );
});
