// `npm run lighthouse`: Lighthouse's mobile profile (simulated slow 4G, 4× CPU slowdown, Moto G-sized screen) on the
// login page, the inbox and one task page, as a phone on a county's mobile network loads them.
// Options:
//   --quick           the login page only (no sign-in, no case started): what CI would call
//   --url <origin>    measure a running product (e.g. http://127.0.0.1:3000) instead of starting one; the inbox and the
//                     task page sign in as --user (default township.official, the demo password) and start a smoke case
//   --user <name>     the account signed in for the inbox and task pages
//   --lhr-dir <dir>   also keep each page's full Lighthouse report there (<page>.json: every audit, for diagnosis)
// Chromium: CHROME_PATH, else /usr/bin/chromium. Prints one line per page and writes
// bench/results/lighthouse-<date>.json (scores and the key metrics: FCP, LCP, TBT, transferred KiB, unused JS).
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from '../scripts/demo-seed';
import { repoRoot } from '../runtime/paths';
import { exitAfterStopping, installShutdown, onShutdown } from '../runtime/shutdown';
import { startBenchEnvironment } from './environment';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const username = option('--user') ?? 'township.official';
const lhrDir = option('--lhr-dir');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const log = (line: string) => process.stderr.write(`[lighthouse] ${line}\n`);

interface PageTarget {
  name: string;
  path: string;
  /** Sent with every request of the page (the session cookie of a signed-in page). */
  headers?: Record<string, string>;
}

export interface PageResult {
  name: string;
  path: string;
  /** Lighthouse's performance score, 0–1. */
  performance: number | null;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  speedIndexMs: number;
  cumulativeLayoutShift: number;
  transferredKiB: number;
  unusedJavaScriptKiB: number;
  /** What serving the text assets compressed would still save (0 when they are). */
  textCompressionSavingsKiB: number;
  /** Wall time of this page's Lighthouse run. */
  runSeconds: number;
}

const kib = (bytes: number | undefined) => Math.round((bytes ?? 0) / 1024);

interface SignedIn {
  cookie: string;
  csrf: string;
}

async function signIn(baseUrl: string): Promise<SignedIn> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  if (res.status !== 200 || !body.csrfToken || !cookie) throw new Error(`sign-in of ${username}: ${res.status}`);
  return { cookie, csrf: body.csrfToken };
}

/** Starts a smoke case and waits for its first task in the inbox (mine or unclaimed): the task page to measure. */
async function openTask(baseUrl: string, session: SignedIn): Promise<string> {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  const started = await fetch(`${baseUrl}/api/v1/smoke-cases`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Lighthouse 移动端测量' }),
  });
  if (started.status !== 201) throw new Error(`smoke case: ${started.status} ${await started.text()}`);
  const { id: caseId } = (await started.json()) as { id: string };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    for (const view of ['mine', 'unclaimed']) {
      const res = await fetch(`${baseUrl}/api/v1/tasks?view=${view}&status=OPEN&limit=200`, { headers });
      const page = (await res.json()) as { items?: { id: string; caseId: string }[] };
      const task = page.items?.find((t) => t.caseId === caseId);
      if (task) return task.id;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no task of smoke case ${caseId} after 2 minutes`);
}

async function measure(baseUrl: string, port: number, target: PageTarget): Promise<PageResult> {
  const startedAt = Date.now();
  // ES modules only (this harness is CommonJS under tsx).
  const { default: lighthouse } = await import('lighthouse');
  // The default configuration is the mobile profile (formFactor mobile, simulated throttling).
  const result = await lighthouse(
    `${baseUrl}${target.path}`,
    { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], extraHeaders: target.headers },
    undefined,
  );
  if (!result) throw new Error(`no Lighthouse result for ${target.path}`);
  const { lhr } = result;
  if (lhrDir) {
    fs.mkdirSync(lhrDir, { recursive: true });
    fs.writeFileSync(path.join(lhrDir, `${target.name}.json`), JSON.stringify(lhr));
  }
  if (lhr.runtimeError) throw new Error(`${target.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id];
  const numeric = (id: string) => Math.round(audit(id)?.numericValue ?? NaN);
  const savings = (id: string) => (audit(id)?.details as { overallSavingsBytes?: number } | undefined)?.overallSavingsBytes;
  return {
    name: target.name,
    path: target.path,
    performance: lhr.categories.performance?.score ?? null,
    firstContentfulPaintMs: numeric('first-contentful-paint'),
    largestContentfulPaintMs: numeric('largest-contentful-paint'),
    totalBlockingTimeMs: numeric('total-blocking-time'),
    speedIndexMs: numeric('speed-index'),
    cumulativeLayoutShift: Math.round((audit('cumulative-layout-shift')?.numericValue ?? NaN) * 1000) / 1000,
    transferredKiB: kib(audit('total-byte-weight')?.numericValue),
    unusedJavaScriptKiB: kib(savings('unused-javascript')),
    textCompressionSavingsKiB: kib(savings('uses-text-compression')),
    runSeconds: Math.round((Date.now() - startedAt) / 100) / 10,
  };
}

async function main(): Promise<void> {
  installShutdown({ log });
  const began = Date.now();
  const given = option('--url')?.replace(/\/$/, '');
  const env = given ? undefined : await startBenchEnvironment(log);
  try {
    await run(given ?? env!.apiUrl, began);
  } finally {
    await env?.close();
  }
}

async function run(baseUrl: string, began: number): Promise<void> {
  const targets: PageTarget[] = [{ name: 'login', path: '/login' }];
  if (!quick) {
    const session = await signIn(baseUrl);
    const taskId = await openTask(baseUrl, session);
    const headers = { Cookie: session.cookie };
    targets.push({ name: 'inbox', path: '/inbox', headers }, { name: 'task', path: `/tasks/${taskId}`, headers });
  }

  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  onShutdown('chromium', () => chrome.kill());
  const pages: PageResult[] = [];
  for (const target of targets) {
    const page = await measure(baseUrl, chrome.port, target);
    pages.push(page);
    process.stdout.write(`${JSON.stringify(page)}\n`);
  }

  const date = new Date().toISOString().slice(0, 10);
  const file = path.join(repoRoot, 'bench', 'results', `lighthouse-${date}${quick ? '-quick' : ''}.json`);
  const report = {
    date: new Date().toISOString(),
    profile: 'lighthouse mobile (default config: simulated slow 4G, 4x CPU slowdown)',
    lighthouse: '12.8.2',
    baseUrl,
    quick,
    runSeconds: Math.round((Date.now() - began) / 1000),
    pages,
  };
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(
    `\n${pages.map((p) => `${p.name.padEnd(6)} score ${p.performance} · FCP ${p.firstContentfulPaintMs} ms · LCP ${p.largestContentfulPaintMs} ms · TBT ${p.totalBlockingTimeMs} ms · ${p.transferredKiB} KiB · unused JS ${p.unusedJavaScriptKiB} KiB`).join('\n')}`,
  );
  log(`written to ${path.relative(repoRoot, file)} (${report.runSeconds} s)`);
}

main().then(
  () => exitAfterStopping(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return exitAfterStopping(1);
  },
);
