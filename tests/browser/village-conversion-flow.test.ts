import { describe, expect, it } from '@jest/globals';
import { DEMO_PASSWORD } from '../../scripts/demo-seed';
import { expectAccessible, horizontalOverflow, texts } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { signIn, type Session } from '../support/factories';
import type { Harness } from '../support/harness';
import { CONVERSION_APPLICATION as application } from '../support/fixtures';
import { uploadEvidence } from '../support/village-conversion';
import { until } from '../support/wait';

const BROWSER_TEST_MS = 300_000;
const o = texts.office;

/**
 * 村改居 in the web app at 390 px: the county government sends the file back (退回) to the village committee, the
 * township takes back (取回) its proposal before the bureau acts, the county urges (催办) the reopened proposal, and
 * the county circulates (传阅) the case to its civil-affairs bureau; the case's 流转记录 shows all four.
 */
describe('web app in Chromium: 退回, 取回, 催办 and 传阅 on a 村改居', () => {
  let h: Harness;
  const { signedIn } = browserSuite({ demo: true }, (started) => ({ h } = started));

  const openTask = (caseId: string, kind: string) => h.db.task.findFirstOrThrow({ where: { caseId, kind, status: 'OPEN' } });

  async function complete(session: Session, taskId: string, payload: unknown) {
    const res = await session.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/complete`, payload: { payload } });
    expect(res.statusCode).toBe(200);
  }

  it(
    'the county returns the file to the village committee with its reason; the township takes back its proposal; the county urges it and circulates the case to its bureau; the history shows each',
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
      const prepare = async () => {
        const task = await openTask(caseId, 'vc.prepare');
        await complete(village, task.id, {
          application,
          noticePosting: '村务公开栏',
          restructuringRecord: '改制〔2025〕1号',
          evidence: await uploadEvidence(village, task.id),
          votesAgainst: 200,
          abstentions: 50,
        });
      };
      await prepare();
      await complete(township, (await openTask(caseId, 'vc.township-review')).id, { decision: 'propose', opinion: '提出' });
      await complete(reviewer, (await openTask(caseId, 'vc.civil-affairs-review')).id, { decision: 'forward', opinion: '转报' });
      const decision = await openTask(caseId, 'vc.county-decision');

      // 退回: the county chooses the village committee's step among those allowed, and gives its reason.
      const county = await signedIn('county.approver', `/tasks/${decision.id}`, 390, 844);
      const sendBack = county.getByRole('form', { name: texts.flow.sendBackTitle });
      await sendBack.getByRole('button', { name: texts.flow.submit }).click();
      // Nothing chosen, no reason: the form says so on its fields and sends nothing.
      await sendBack.locator('.ant-form-item-explain-error').first().waitFor();
      expect(await h.db.task.count({ where: { caseId, status: 'OPEN', kind: 'vc.county-decision' } })).toBe(1);
      await sendBack.getByRole('combobox', { name: texts.flow.target }).click();
      await county.locator('.ant-select-item-option[title="村委会准备申请"]').click();
      await sendBack.getByLabel(texts.flow.reason).fill('村民会议记录缺少签到表');
      expect(await horizontalOverflow(county)).toBe(0);
      await expectAccessible(county);
      await sendBack.getByRole('button', { name: texts.flow.submit }).click();
      await county.waitForURL(`**/cases/${caseId}`);
      const reopened = await openTask(caseId, 'vc.prepare');
      expect(reopened.context).toMatchObject({ returned: { from: 'vc.county-decision', reason: '村民会议记录缺少签到表' } });
      expect(await h.db.ruleDecision.count({ where: { caseId, ruleId: 'VC-RETURN' } })).toBe(1);

      // The village sees why its step is open again.
      const villagePage = await signedIn('village.official', `/tasks/${reopened.id}`, 390, 844);
      await villagePage.getByText(texts.flow.returnedNotice).waitFor();
      await villagePage
        .getByText(/村民会议记录缺少签到表/)
        .first()
        .waitFor();
      expect(await horizontalOverflow(villagePage)).toBe(0);

      // The village prepares again; the township proposes; before the bureau claims, the township takes it back.
      await prepare();
      const proposal = await openTask(caseId, 'vc.township-review');
      await complete(township, proposal.id, { decision: 'propose', opinion: '提出' });
      const town = await signedIn('township.official', `/cases/${caseId}`, 390, 844);
      await town.getByRole('button', { name: texts.flow.takeBack, exact: true }).first().click();
      await town.locator('.ant-popconfirm').getByRole('button', { name: texts.flow.takeBack }).click();
      await town.waitForURL(/\/tasks\//);
      await town.getByText(texts.flow.takenBackNotice).waitFor();
      const again = await openTask(caseId, 'vc.township-review');
      expect(town.url()).toContain(`/tasks/${again.id}`);
      expect(again.assigneeId).not.toBeNull();
      expect(await h.db.task.count({ where: { caseId, kind: 'vc.civil-affairs-review', status: 'OPEN' } })).toBe(0);

      // 催办: the county urges the township's reopened proposal from the case page, with a reason.
      const countyCase = await signedIn('county.approver', `/cases/${caseId}`, 390, 844);
      await countyCase.getByRole('button', { name: o.urge.button, exact: true }).first().click();
      await countyCase.getByLabel(o.urge.reason).fill('请于今日重新提出。');
      await countyCase.getByRole('button', { name: o.urge.submit, exact: true }).click();
      await until(async () => (await h.db.taskUrge.count({ where: { taskId: again.id } })) === 1, 10_000);
      expect(await h.db.notification.count({ where: { taskId: again.id, kind: 'task.urged' } })).toBe(1);

      // 传阅: the county circulates the case to its civil-affairs bureau (in its subtree), with a purpose.
      await countyCase.reload();
      // The county's subtree is long (the dropdown renders a window of it): search by name, as an official would.
      await countyCase.getByLabel(o.circulation.organizations, { exact: true }).click();
      await countyCase.getByLabel(o.circulation.organizations, { exact: true }).fill('东河县民政局');
      await countyCase
        .locator('.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"])')
        .last()
        .locator('[title="东河县民政局"]')
        .click();
      await countyCase.keyboard.press('Escape');
      await countyCase.getByLabel(o.circulation.purpose).fill('请民政局阅知退回与取回情况。');
      await countyCase.getByRole('button', { name: o.circulation.submit, exact: true }).click();
      await countyCase
        .getByRole('list', { name: o.circulation.listLabel })
        .getByText(o.circulation.unread, { exact: true })
        .first()
        .waitFor();
      expect(await h.db.caseCirculation.count({ where: { caseId } })).toBe(1);

      // The 流转记录 shows the return (to which step, why), the take-back, the urge and the circulation.
      await town.goto(new URL(`/cases/${caseId}`, town.url()).toString());
      const history = town.getByRole('list', { name: texts.cases.history.listLabel });
      await history.getByText('村民会议记录缺少签到表').waitFor();
      await history.getByText(texts.flow.returnTo).first().waitFor();
      await history.getByText(texts.flow.takeBackDecision, { exact: true }).first().waitFor();
      await history.getByText(o.history.urged, { exact: true }).waitFor();
      await history.getByText('请于今日重新提出。', { exact: true }).waitFor();
      await history.getByText(o.history.circulated, { exact: true }).waitFor();
      await history.getByText('请民政局阅知退回与取回情况。', { exact: true }).waitFor();
      expect(await horizontalOverflow(town)).toBe(0);
      await expectAccessible(town);
    },
    BROWSER_TEST_MS,
  );
});
