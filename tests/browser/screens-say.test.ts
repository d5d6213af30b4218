import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/demo-seed';
import { settled, stepName, texts, tr, horizontalOverflow } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { signIn, type Session } from '../support/factories';
import type { Harness } from '../support/harness';
import { CONVERSION_APPLICATION as application } from '../support/fixtures';
import { uploadEvidence } from '../support/village-conversion';

const BROWSER_TEST_MS = 300_000;
const WIDTHS = [1280, 390] as const;

/** Program text a reader must never see on a page: camelCase names, event codes, ISO dates and timestamps. */
const PROGRAM_TEXT: [string, RegExp][] = [
  ['camelCase value name', /\b[a-z]+[A-Z][A-Za-z]*\b/],
  ['event code', /\b[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*\b/],
  ['coded rule list', /rules:/],
  ['coded value', /\b[a-z]+(?:-[a-z]+){2,}\b/],
  ['ISO timestamp', /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/],
  ['ISO date', /\b\d{4}-\d{2}-\d{2}\b/],
];
/** The one China-time format: "2026年12月5日" (with "09:30" or "当日结束"). */
const CHINA_DATE = /\d{4}年\d{1,2}月\d{1,2}日/;

async function expectNoProgramText(where: string, locator: Locator): Promise<string> {
  const text = await locator.innerText();
  for (const [what, pattern] of PROGRAM_TEXT) {
    const found = pattern.exec(text);
    expect(found ? `${where}: ${what} "${found[0]}"` : '').toBe('');
  }
  return text;
}

/**
 * What the screens say, in Chromium at 1280 and 390 px: the workspace counts the tasks an official may claim; the
 * case record and the notifications speak in labels and sentences (no camelCase value names, event codes, coded rule
 * lists or ISO timestamps) and show dates in China time in one format.
 */
describe('web app in Chromium: what the screens say', () => {
  let h: Harness;
  const { signedIn } = browserSuite({ demo: true }, (started) => ({ h } = started));
  let caseId = '';
  let caseNumber = '';
  const sessions: Record<string, Session> = {};

  beforeAll(async () => {
    for (const username of ['village.official', 'township.official', 'county.reviewer', 'county.approver']) {
      sessions[username] = await signIn(h.api, username, DEMO_PASSWORD);
    }
  }, BROWSER_TEST_MS);

  const openTask = (kind: string) => h.db.task.findFirstOrThrow({ where: { caseId, kind, status: 'OPEN' } });
  const complete = async (username: string, kind: string, payload: unknown) => {
    const task = await openTask(kind);
    const res = await sessions[username]!.request({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/complete`,
      payload: { payload },
    });
    expect(res.statusCode).toBe(200);
  };

  it(
    'the workspace shows and counts the tasks an official may claim (待认领), instead of "no open tasks"',
    async () => {
      const village = sessions['village.official']!;
      const started = await village.request({
        method: 'POST',
        url: '/api/v1/village-conversions',
        payload: { title: '柳树村村改居' },
      });
      expect(started.statusCode).toBe(201);
      caseId = started.json<{ id: string }>().id;
      caseNumber = (await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).number;
      const prepare = await openTask('vc.prepare');
      const evidence = await uploadEvidence(village, prepare.id, (_, index) => `证明材料${index + 1}.pdf`);
      await complete('village.official', 'vc.prepare', {
        application,
        noticePosting: '村务公开栏张贴',
        restructuringRecord: '青石镇改制〔2026〕1号',
        evidence,
        votesAgainst: 200,
        abstentions: 50,
      });
      await openTask('vc.township-review');

      // The API counts it as claimable for the township.
      const counts = await sessions['township.official']!.request({ url: '/api/v1/task-counts' });
      expect(counts.json()).toMatchObject({ mine: 0, claimable: 1 });

      for (const width of WIDTHS) {
        const page = await signedIn('township.official', '/', width);
        await page.getByRole('heading', { name: texts.workspace.title }).waitFor();
        const heading = tr(texts.workspace.claimableHeading, { count: 1 });
        await page.getByRole('heading', { name: heading }).waitFor();
        const claimable = page.getByRole('region', { name: heading });
        await claimable.getByRole('link', { name: stepName('village-conversion', 'vc.township-review') }).waitFor();
        await claimable.getByText(caseNumber, { exact: false }).waitFor();
        await page.getByText(tr(texts.workspace.noMineButClaimable, { count: 1 })).waitFor();
        await page.getByRole('button', { name: tr(texts.workspace.openUnclaimedCount, { count: 1 }) }).waitFor();
        await expect(page.getByText(texts.workspace.noTasks, { exact: true }).count()).resolves.toBe(0);
        // The due date in the one China-time format.
        const main = await expectNoProgramText(`workspace ${width}`, page.locator('#main-content'));
        expect(main).toMatch(CHINA_DATE);
        expect(await horizontalOverflow(page)).toBe(0);
      }
    },
    BROWSER_TEST_MS,
  );

  async function openBell(page: Page, width: number): Promise<Locator> {
    await page.getByRole('button', { name: /^通知/ }).click();
    const region = page.getByRole('region', { name: texts.notifications.title });
    await region.waitFor();
    await settled(page);
    expect(width).toBeGreaterThan(0);
    return region;
  }

  it(
    'the case record and the notifications show labels, sentences and China time, never program text',
    async () => {
      await complete('township.official', 'vc.township-review', { decision: 'propose', opinion: '符合条件，提出改设' });
      await complete('county.reviewer', 'vc.civil-affairs-review', { decision: 'forward', opinion: '材料齐全' });
      await complete('county.approver', 'vc.county-decision', {
        decision: 'approve',
        documentNumber: '东政字〔2026〕15号',
        decisionText: '经研究，同意撤销柳树村民委员会，设立柳树社区居民委员会。',
        newCommittee: { name: '柳树社区居民委员会', area: '原柳树村村域', households: 300 },
      });
      await expect(h.db.case.findUniqueOrThrow({ where: { id: caseId } }).then((c) => c.status)).resolves.toBe('COMPLETED');

      for (const width of WIDTHS) {
        const page = await signedIn('village.official', `/cases/${caseId}`, width);
        await page.getByRole('heading', { name: texts.cases.sections.timeline }).waitFor();
        await page.getByRole('heading', { name: texts.cases.sections.rules }).waitFor();
        const main = await expectNoProgramText(`case page ${width}`, page.locator('#main-content'));
        expect(main).toMatch(CHINA_DATE);
        // The compared values are named: "从事非农产业的劳动力：600", not "nonFarmLabour = 600".
        expect(main).toContain('从事非农产业的劳动力：600');
        // The rule set by name, and the election law as words.
        expect(main).toContain('鲁办发〔2012〕22号');
        expect(main).toContain('《城市居民委员会组织法》');

        const bell = await openBell(page, width);
        const sentence = `案件 ${caseNumber}“柳树村村改居”：县级人民政府已批准村民委员会改设社区居民委员会。`;
        await bell.getByText(sentence).waitFor();
        const said = await expectNoProgramText(`notifications ${width}`, bell);
        expect(said).toMatch(CHINA_DATE);
        expect(await horizontalOverflow(page)).toBe(0);
      }
    },
    BROWSER_TEST_MS,
  );
});
