import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { horizontalOverflow, screenshot, texts } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../support/factories';
import type { Harness } from '../support/harness';

const BROWSER_TEST_MS = 180_000;
/** WCAG 2.5.5 (target size, enhanced) and Apple's guideline: 44 × 44 CSS px for a thumb. */
const MIN_TAP_PX = 44;

/**
 * Every visible thing to tap on the page that is smaller than MIN_TAP_PX either way, as "tag 'text' w×h". antd hides
 * the native checkbox, radio and file inputs (zero opacity or size): their visible wrapper is what is tapped and
 * measured. Links inside running text (a paragraph) are exempt, as in WCAG, and so is what lies outside the page until
 * focused by keyboard (the skip link).
 */
function smallTapTargets(page: Page): Promise<string[]> {
  // Runs in the page (a string: the tests are compiled without the DOM's types, as tests/support/browser.ts does).
  return page.evaluate<string[]>(`(() => {
    const min = ${MIN_TAP_PX};
    const selector = [
      'a[href]',
      'button',
      'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file])',
      'textarea',
      '.ant-select',
      '.ant-checkbox-wrapper',
      '.ant-radio-wrapper',
      '.ant-segmented-item',
      '[role=button]',
    ].join(',');
    const small = [];
    for (const element of document.querySelectorAll(selector)) {
      // Inputs inside an antd Select or a composite input are measured by their wrapper.
      if (element.matches('input') && element.closest('.ant-select, .ant-input-affix-wrapper, .ant-picker')) continue;
      if (element.matches('a') && element.closest('p, .ant-typography:not(a), td')) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom <= 0 || box.right <= 0) continue;
      if (box.width < min || box.height < min) {
        const name = element.tagName.toLowerCase() + '.' + String(element.className).split(' ')[0];
        const text = (element.textContent || '').trim().slice(0, 20);
        small.push(name + " '" + text + "' " + Math.round(box.width) + '×' + Math.round(box.height));
      }
    }
    return small;
  })()`);
}

/** The task page on a phone (issue 20, item 9): one-handed, the form before the evidence and the comments. */
describe('web app in Chromium: the task page at 390 px', () => {
  let h: Harness;
  const { newPage, signedIn } = browserSuite({}, (started) => ({ h } = started));
  let official: { id: string; username: string };

  beforeAll(async () => {
    const county = await makeOrganization(h.db, 'COUNTY');
    const township = await makeOrganization(h.db, 'TOWNSHIP', county.id);
    official = await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }]);
  }, BROWSER_TEST_MS);

  /** A smoke case of the township: its one task is offered to the township's officials. */
  async function townshipTask(title: string): Promise<string> {
    const page = await newPage();
    const res = await page.request.post('/api/v1/auth/login', { data: { username: official.username, password: TEST_PASSWORD } });
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const started = await page.request.post('/api/v1/smoke-cases', { data: { title }, headers: { 'x-csrf-token': csrfToken } });
    expect(started.status()).toBe(201);
    const caseId = ((await started.json()) as { id: string }).id;
    await page.close();
    return (await h.db.task.findFirstOrThrow({ where: { caseId } })).id;
  }

  it(
    'puts the form right after the task details, before the evidence and the comments, and every tap target is at least 44 px',
    async () => {
      const taskId = await townshipTask('手机办理');
      const page = await signedIn(official.username, `/tasks/${taskId}`, 390, 844, TEST_PASSWORD);
      await page.getByRole('button', { name: texts.task.actions.claim, exact: true }).click();
      const heading = (name: string) => page.getByRole('heading', { name, exact: true });
      await heading(texts.task.sections.form).waitFor();
      // The claim has gone through (the form is enabled) before anything is measured.
      await page.getByRole('button', { name: texts.task.form.submit }).and(page.locator(':enabled')).waitFor();

      const top = async (name: string) => (await heading(name).boundingBox())!.y;
      const [details, form, evidence, comments] = [
        await top(texts.task.sections.details),
        await top(texts.task.sections.form),
        await top(texts.task.sections.evidence),
        await top(texts.task.sections.comments),
      ];
      expect(details).toBeLessThan(form);
      expect(form).toBeLessThan(evidence);
      expect(evidence).toBeLessThan(comments);

      expect(await smallTapTargets(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'task-page-390');
    },
    BROWSER_TEST_MS,
  );

  it(
    "starts loading the task page's chunk with the app, before the session check has answered",
    async () => {
      const taskId = await townshipTask('直接打开');
      const page = await signedIn(official.username, `/tasks/${taskId}`, 390, 844, TEST_PASSWORD);
      const events: string[] = [];
      page.on('request', (request) => {
        if (/\/assets\/TaskPage-[\w-]+\.js$/.test(request.url())) events.push('task chunk requested');
      });
      page.on('response', (response) => {
        if (new URL(response.url()).pathname === '/api/v1/me') events.push('session answered');
      });
      // Opened from a link (a notification): the whole app loads again, signed in by its cookie.
      await page.reload();
      await page.getByRole('heading', { name: texts.task.sections.form, exact: true }).waitFor();
      expect(events.indexOf('task chunk requested')).toBeGreaterThanOrEqual(0);
      expect(events.indexOf('task chunk requested')).toBeLessThan(events.indexOf('session answered'));
    },
    BROWSER_TEST_MS,
  );

  it(
    'keeps the form beside the details, evidence and comments on a wide screen',
    async () => {
      const taskId = await townshipTask('桌面办理');
      const page = await signedIn(official.username, `/tasks/${taskId}`, 1280, 900, TEST_PASSWORD);
      const heading = (name: string) => page.getByRole('heading', { name, exact: true });
      await heading(texts.task.sections.form).waitFor();
      const form = (await heading(texts.task.sections.form).boundingBox())!;
      const details = (await heading(texts.task.sections.details).boundingBox())!;
      const evidence = (await heading(texts.task.sections.evidence).boundingBox())!;
      // The form on the left, the details then the evidence in the column on its right.
      expect(form.x).toBeLessThan(details.x);
      expect(Math.abs(details.x - evidence.x)).toBeLessThan(2);
      expect(details.y).toBeLessThan(evidence.y);
      expect(Math.abs(form.y - details.y)).toBeLessThan(2);
      await screenshot(page, 'task-page-1280');
    },
    BROWSER_TEST_MS,
  );
});
