import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { PROCEDURES, type ProcedureId } from '../../domain/procedures';
import { DEMO_PASSWORD } from '../../scripts/demo-seed';
import zh from '../../web/src/i18n/zh-CN.json';
import type { WebServer } from './web-server';

/** Debian's Chromium, headless, no sandbox (containers), no background traffic. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** The app's Chinese texts (the default language), so tests follow the translation files. */
export const texts = zh;

/** A translation with its {{placeholders}} filled in, as i18next renders it. */
export function tr(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** The Chinese name of a step (as task pages title it): the first step of that kind in these procedures. */
export function stepName(procedures: ProcedureId | readonly ProcedureId[], kind: string): string {
  for (const procedure of typeof procedures === 'string' ? [procedures] : procedures) {
    const step = (PROCEDURES[procedure].steps as readonly { key: string; name: { 'zh-CN': string } }[]).find(
      (s) => s.key === kind,
    );
    if (step) return step.name['zh-CN'];
  }
  throw new Error(`no step ${kind} in ${String(procedures)}`);
}

export { TINY_PDF } from './fixtures';

/** Signs in on the login page (already open) with a demo account. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel(zh.login.username, { exact: true }).fill(username);
  await page.getByLabel(zh.login.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: zh.login.submit, exact: true }).click();
}

export interface PageDefaults {
  /** The viewport when a call gives none (1280 × 900 unless set). */
  width?: number;
  height?: number;
  /** Passed to every new context when set. */
  acceptDownloads?: boolean;
  /** Every context opened is added here (for the test to close). */
  contexts?: BrowserContext[];
}

/**
 * Opens pages of a test's browser on its web server, each in a new context (its own cookies, so its own sign-in).
 * `target` is read when a page is opened: the browser and the server are started in beforeAll.
 */
export function pageOpener(target: () => { browser: Browser; server: WebServer }, defaults: PageDefaults = {}) {
  const { width: defaultWidth = 1280, height: defaultHeight = 900, acceptDownloads, contexts } = defaults;

  async function newPage(width = defaultWidth, height = defaultHeight): Promise<Page> {
    const { browser, server } = target();
    const context = await browser.newContext({
      viewport: { width, height },
      baseURL: server.url,
      ...(acceptDownloads === undefined ? {} : { acceptDownloads }),
    });
    contexts?.push(context);
    return context.newPage();
  }

  /** A new page at `path`, signed in there with a demo account (the password too when given). */
  async function signedIn(username: string, path: string, width?: number, height?: number, password?: string): Promise<Page> {
    const page = await newPage(width, height);
    await page.goto(path);
    await signIn(page, username, password);
    await page.waitForURL(`**${path}`);
    return page;
  }

  return { newPage, signedIn };
}

/** Submits the task form on the page and waits until the app has gone on to the case's page. */
export async function submitTaskForm(page: Page, caseId: string): Promise<void> {
  await page.getByRole('button', { name: zh.task.form.submit }).click();
  await page.waitForURL(`**/cases/${caseId}`);
}

/** Picks an option of an antd Select / TreeSelect (labelled `label` inside `scope`) by its visible title. */
export async function choose(scope: Page | Locator, label: string, title: string, search?: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByLabel(label, { exact: true }).click();
  if (search) await page.keyboard.type(search);
  // Click only once the popup has finished its opening animation (antd's motion classes end in -enter/-appear).
  // Popups of closed drawers stay in the DOM; the one just opened is the last one appended to the body.
  const popup = page.locator('.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"])').last();
  await popup.locator(`[title="${title}"]`).click();
  // Wait for the popup to close. (While open, antd's listbox has no accessible name: axe reports it; see the report.)
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
}

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core on the page and returns its serious and critical violations, one readable line each.
 * axe is injected with evaluate (not a <script> tag), which a Content-Security-Policy would block.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(axeSource);
  const violations = await page.evaluate<AxeViolation[]>(
    'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)',
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

/** Waits until no CSS animation or transition runs (axe measures colours mid-fade otherwise). */
export async function settled(page: Page): Promise<void> {
  // (Polled from here: waitForFunction would evaluate a string in the page, which the app's CSP forbids.)
  for (let i = 0; i < 100; i++) {
    if (!(await page.evaluate<boolean>('document.getAnimations().some((a) => a.playState === "running")'))) return;
    await page.waitForTimeout(50);
  }
}

/**
 * Expects no serious or critical axe violation on the page. Unless `settle` is false, first moves the mouse away from
 * the button just clicked (a hovered primary button is lighter; see the report on the theme) and waits until the
 * page is settled. With AXE_DEBUG set, a failure prints the offending nodes.
 */
export async function expectAccessible(page: Page, { settle = true }: { settle?: boolean } = {}): Promise<void> {
  if (settle) {
    await page.mouse.move(0, (page.viewportSize()?.height ?? 600) - 1);
    await settled(page);
  }
  const violations = await seriousAccessibilityViolations(page);
  if (violations.length > 0 && process.env.AXE_DEBUG) {
    const detail = await page.evaluate<unknown>(
      'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ html: n.html, summary: n.failureSummary })) })))',
    );
    console.log(JSON.stringify(detail, null, 1));
  }
  expect(violations).toEqual([]);
}

/** Document width beyond the viewport (0 = no horizontal scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/** Saves a full-page screenshot when BROWSER_SCREENSHOTS names a directory (for looking at the pages). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.BROWSER_SCREENSHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
