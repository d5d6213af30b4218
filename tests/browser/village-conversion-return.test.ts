import { describe, expect, it } from '@jest/globals';
import { DEMO_PASSWORD } from '../../scripts/demo-seed';
import { expectAccessible, horizontalOverflow, texts } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { signIn, type Session } from '../support/factories';
import type { Harness } from '../support/harness';
import { CONVERSION_APPLICATION as application } from '../support/fixtures';
import { uploadEvidence } from '../support/village-conversion';

const BROWSER_TEST_MS = 300_000;

/** 村改居: the county government sends the file back to the township from the web app (at 390 px), with its opinion. */
describe('web app in Chromium: the county returns a 村改居 file to the township', () => {
  let h: Harness;
  const { signedIn } = browserSuite({ demo: true }, (started) => ({ h } = started));

  async function openTask(caseId: string, kind: string) {
    return h.db.task.findFirstOrThrow({ where: { caseId, kind, status: 'OPEN' } });
  }

  async function complete(session: Session, taskId: string, payload: unknown) {
    const res = await session.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/complete`, payload: { payload } });
    expect(res.statusCode).toBe(200);
  }

  it(
    'county government: the return button sends the file back to the township with its opinion, shown on the case',
    async () => {
      const village = await signIn(h.api, 'village.official', DEMO_PASSWORD);
      const township = await signIn(h.api, 'township.official', DEMO_PASSWORD);
      const reviewer = await signIn(h.api, 'county.reviewer', DEMO_PASSWORD);
      const started = await village.request({
        method: 'POST',
        url: '/api/v1/village-conversions',
        payload: { title: '柳树村村改居' },
      });
      expect(started.statusCode).toBe(201);
      const caseId = started.json<{ id: string }>().id;
      const prepare = await openTask(caseId, 'vc.prepare');
      const evidence = await uploadEvidence(village, prepare.id);
      await complete(village, prepare.id, {
        application,
        noticePosting: '村务公开栏',
        restructuringRecord: '改制〔2025〕1号',
        evidence,
        votesAgainst: 200,
        abstentions: 50,
      });
      await complete(township, (await openTask(caseId, 'vc.township-review')).id, { decision: 'propose', opinion: '提出' });
      await complete(reviewer, (await openTask(caseId, 'vc.civil-affairs-review')).id, { decision: 'forward', opinion: '转报' });
      const decision = await openTask(caseId, 'vc.county-decision');

      const page = await signedIn('county.approver', `/tasks/${decision.id}`, 390, 844);
      await page.getByRole('radio', { name: texts.vc.decision.return, exact: true }).check();
      // A return asks for its opinion, not for a document number.
      await expect(page.getByLabel(texts.vc.decision.documentNumber, { exact: true }).count()).resolves.toBe(0);
      await page.getByLabel(texts.vc.decision.opinion, { exact: true }).fill('请补充土地利用总体规划图');
      expect(await horizontalOverflow(page)).toBe(0);
      await expectAccessible(page);
      await page.getByRole('button', { name: texts.task.form.submit }).click();
      await page.waitForURL(`**/cases/${caseId}`);
      await page
        .getByText(/县级人民政府已退回/)
        .first()
        .waitFor();
      await page.getByText('请补充土地利用总体规划图').first().waitFor();
      expect(await horizontalOverflow(page)).toBe(0);

      const returned = await h.db.task.findUniqueOrThrow({ where: { id: decision.id } });
      expect(returned.result).toEqual({ decision: 'return', opinion: '请补充土地利用总体规划图' });
      // The file is with the township again, and the case is still open.
      expect((await openTask(caseId, 'vc.township-review')).candidateRole).toBe('TOWNSHIP_OFFICIAL');
      expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('OPEN');
    },
    BROWSER_TEST_MS,
  );
});
