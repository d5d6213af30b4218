import { afterAll, beforeAll } from '@jest/globals';
import type { Browser, BrowserContext } from 'playwright-core';
import { seedDemo } from '../../scripts/demo-seed';
import { launchBrowser, pageOpener, type PageDefaults } from './browser';
import { startHarness, type Harness } from './harness';
import { startWebServer, type WebServer } from './web-server';

/** What a browser test block runs against, once its beforeAll has started them. */
export interface BrowserSuite<H extends Harness = Harness> {
  h: H;
  server: WebServer;
  browser: Browser;
}

export interface BrowserSuiteOptions<H extends Harness = Harness> extends Omit<PageDefaults, 'contexts'> {
  /** Seeds the demo organizations and accounts (scripts/demo-seed) before the server starts. */
  demo?: boolean;
  /** Starts the harness (default: the dev server's; e.g. startTimeSkippingHarness for statutory periods). */
  harness?: () => Promise<H>;
}

const START_MS = 300_000;

/**
 * The set-up every browser test block shares, registered in its describe: beforeAll starts a harness (the demo seeded
 * when asked), serves the app from its API and launches Chromium, then hands them to `started` (the block keeps its
 * own `h`, `server`, `browser`); afterAll closes the pages' contexts, the browser, the server and the harness.
 * Returns the block's page opener and the list of contexts afterAll closes (push any context opened by hand).
 */
export function browserSuite<H extends Harness = Harness>(
  options: BrowserSuiteOptions<H> = {},
  started?: (suite: BrowserSuite<H>) => void,
) {
  const { demo = false, harness = startHarness as () => Promise<H>, ...pageDefaults } = options;
  const contexts: BrowserContext[] = [];
  let h: H | undefined;
  let server: WebServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    h = await harness();
    if (demo) await h.db.$transaction((tx) => seedDemo(tx), { timeout: 60_000, maxWait: 30_000 });
    server = await startWebServer(h);
    browser = await launchBrowser();
    started?.({ h, server, browser });
  }, START_MS);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await h?.close();
  });

  const opener = pageOpener(
    () => {
      if (!browser || !server) throw new Error('the browser suite has not started (open pages inside tests)');
      return { browser, server };
    },
    { ...pageDefaults, contexts },
  );
  return { ...opener, contexts };
}
