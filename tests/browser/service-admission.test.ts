import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { addYears, chinaDateOf } from '../../domain/clock';
import { SA_CLASSIFICATION_NAMES, SA_RULES } from '../../domain/rules/service-admission';
import sa from '../../web/src/i18n/procedures/serviceAdmission.zh-CN.json';
import type { ServiceItemCaseData, ServiceItemReportCaseData } from '../../workflows/service-admission/messages';
import {
  expectAccessible,
  horizontalOverflow,
  screenshot,
  stepName,
  submitTaskForm,
  texts,
  TINY_PDF,
  tr,
} from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import type { Harness } from '../support/harness';
import labels from '../../web/src/i18n/labels.zh-CN.json';
import { ROLE_NAMES } from '../../domain/roles';

const BROWSER_TEST_MS = 300_000;
const ITEM = '城镇燃气用户安全入户宣传';
const today = chinaDateOf(new Date());
const nextYear = addYears(today, 1);

const kindName = (kind: string) => stepName(['service-admission', 'service-admission-report'], kind);

/**
 * 社区工作事项准入 through the web app: the county housing bureau applies (the live panel shows the item held, then
 * admissible), civil affairs returns it, the bureau raises the funding and resubmits, civil affairs forwards, the
 * county admits, and the item appears on the public list of the city (no sign-in) and in its Excel export. A
 * residents' committee reports an item pushed without admission; the county answers and the outcome is published
 * without the committee's name. Every page is checked at 375px and with axe.
 */
describe('web app in Chromium: 社区工作事项准入 from the application to the public list', () => {
  let h: Harness;
  const { newPage, signedIn } = browserSuite({ demo: true, width: 1600, acceptDownloads: true }, (started) => ({ h } = started));

  // Wide pages at 1600px: at 1280px a county official's header menu (seven entries with the elections and owners'
  // meetings) overflows into antd's "…" entry, whose hidden items axe reports (aria-hidden-focus) — a layout issue.

  async function fitsAndAccessible(page: Page, name: string): Promise<void> {
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, name);
  }

  const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

  let caseId = '';
  let caseNumber = '';

  /** Opens the application from the pending list, then its open task of the given kind. */
  async function openTask(page: Page, kind: string): Promise<void> {
    await page.getByRole('heading', { name: sa.list.title, level: 2 }).waitFor();
    await page.getByRole('link', { name: tr(sa.list.openNamed, { number: caseNumber, item: ITEM }) }).click();
    await page.waitForURL(`**/service-items/${caseId}`);
    await page
      .getByRole('list', { name: sa.list.waitingFor })
      .getByRole('link', { name: kindName(kind) })
      .click();
    await page.getByRole('heading', { name: kindName(kind), level: 2 }).waitFor();
  }

  const submitTask = (page: Page) => submitTaskForm(page, caseId);

  async function stage(): Promise<ServiceItemCaseData['stage']> {
    const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
    return (row.data as unknown as ServiceItemCaseData).stage;
  }

  it(
    'department: applies with the admission rules checked live (held, then admissible) and sees it under review',
    async () => {
      const page = await signedIn('dept.applicant', '/service-items/apply');
      await page.getByRole('heading', { name: sa.apply.title, level: 2 }).waitFor();
      await page.getByRole('button', { name: tr(sa.apply.allCommunities, { count: 2 }) }).click();
      await field(page, sa.fields.itemName).fill(ITEM);
      await field(page, sa.fields.legalBasis).fill('《城镇燃气管理条例》第四十一条');
      await page.getByRole('radio', { name: SA_CLASSIFICATION_NAMES.assist['zh-CN'], exact: true }).check();
      // Assistance without funding: the same rules as the server say it would be held, naming SA-ASSIST's clause.
      await page.getByText(sa.rules.held).waitFor();
      const panel = page.getByRole('list', { name: sa.rules.title });
      await panel.getByText(SA_RULES['SA-ASSIST'].citation).waitFor();
      await panel
        .getByText(
          `${labels.values.missing}：${labels.values.fundingAmount}、${labels.values.fundingPayer}、${labels.values.workingConditions}`,
        )
        .waitFor();

      await field(page, sa.fields.workloadEstimate).fill('每季度入户宣传一次，约 16 小时');
      await field(page, sa.fields.fundingAmount).fill('12000');
      await field(page, sa.fields.fundingPayer).fill('县住房和城乡建设局');
      await field(page, sa.fields.workingConditions).fill('提供宣传资料和入户检查表');
      await field(page, sa.fields.periodUntil).fill(nextYear);
      await page.getByText(sa.rules.admissible).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'sa-apply-1280');

      await page.getByRole('button', { name: sa.apply.submit }).click();
      await page.waitForURL(/\/service-items\/[0-9a-f-]{36}$/);
      caseId = new URL(page.url()).pathname.split('/').pop()!;
      const heading = await page.getByRole('heading', { level: 2, name: /SA-\d{4}-\d+/ }).textContent();
      caseNumber = /SA-\d{4}-\d+/.exec(heading ?? '')?.[0] ?? '';
      expect(caseNumber).not.toBe('');
      await page.getByText(sa.stage.review, { exact: true }).waitFor();
      await page
        .getByRole('list', { name: sa.list.waitingFor })
        .getByRole('link', { name: kindName('sa.review') })
        .waitFor();
      await expectAccessible(page);
      expect(await stage()).toBe('review');
    },
    BROWSER_TEST_MS,
  );

  it(
    'civil affairs: finds it among the pending applications and returns it with an opinion',
    async () => {
      const page = await signedIn('county.reviewer', '/service-items');
      await openTask(page, 'sa.review');
      await page.getByRole('radio', { name: sa.review.return }).check();
      await field(page, sa.review.opinion).fill('经费不足以覆盖入户宣传成本，请增加到 15000 元。');
      await expectAccessible(page);
      await screenshot(page, 'sa-review-1280');
      await submitTask(page);
      expect(await stage()).toBe('returned');
    },
    BROWSER_TEST_MS,
  );

  it(
    'department: reads the opinion, raises the funding and resubmits',
    async () => {
      const page = await signedIn('dept.applicant', '/service-items');
      await page.getByText(sa.stage.returned, { exact: true }).first().waitFor();
      await openTask(page, 'sa.revise');
      await page.getByText('经费不足以覆盖入户宣传成本，请增加到 15000 元。').waitFor();
      // The form starts from the submitted terms.
      await expect(field(page, sa.fields.itemName).inputValue()).resolves.toBe(ITEM);
      await field(page, sa.fields.fundingAmount).fill('15000');
      await field(page, sa.fields.fundingAmount).blur();
      await page.getByText(sa.rules.admissible).waitFor();
      await field(page, sa.revise.note).fill('经费增加到 15000 元');
      await expectAccessible(page);
      await screenshot(page, 'sa-revise-1280');
      await submitTask(page);
      const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
      expect((row.data as unknown as ServiceItemCaseData).terms.fundingAmount).toBe(15000);
      expect(await stage()).toBe('review');
    },
    BROWSER_TEST_MS,
  );

  it(
    'civil affairs forwards; the county government admits it (SA-DECIDE) and it is listed',
    async () => {
      const reviewer = await signedIn('county.reviewer', '/service-items');
      await openTask(reviewer, 'sa.review');
      await reviewer.getByRole('radio', { name: sa.review.forward }).check();
      await field(reviewer, sa.review.opinion).fill('经费和工作条件已落实，同意报县级决定。');
      await submitTask(reviewer);
      expect(await stage()).toBe('decision');

      const page = await signedIn('county.approver', '/service-items');
      await openTask(page, 'sa.decide');
      // The civil-affairs opinion and the rules as evaluated are shown with the decision form.
      await page.getByText('经费和工作条件已落实，同意报县级决定。').waitFor();
      await page.getByRole('list', { name: sa.context.rules }).getByText('SA-ASSIST', { exact: true }).waitFor();
      await page.getByRole('radio', { name: sa.decide.admit, exact: true }).check();
      // Admission without reasons is refused by the form's own schema.
      await page.getByRole('button', { name: texts.task.form.submit }).click();
      await page.getByText(texts.validation.required).first().waitFor();
      await field(page, sa.decide.reasons).fill('经县社区建设领导小组研究，同意准入。');
      await field(page, sa.decide.meetingReference).fill('县社区建设领导小组 2026 年第 2 次会议');
      await expectAccessible(page);
      await screenshot(page, 'sa-decide-1280');
      await submitTask(page);
      expect(await stage()).toBe('listed');

      await page.goto(`/service-items/${caseId}`);
      await page.getByText(sa.stage.listed, { exact: true }).waitFor();
      await page.getByText(tr(sa.detail.listingStatus.listed, { round: 1, from: today, until: nextYear })).waitFor();
    },
    BROWSER_TEST_MS,
  );

  it(
    'the public (no sign-in, 375px): finds the item on the city list and exports it to Excel',
    async () => {
      const page = await newPage(375, 812);
      await page.goto('/public/service-items');
      await page.getByRole('heading', { name: sa.public.title, level: 2 }).waitFor();
      const search = page.getByLabel(sa.public.search, { exact: true });
      await search.fill('燃气');
      await search.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === '燃气');
      const list = page.getByRole('list', { name: sa.public.listLabel });
      await list.getByRole('heading', { name: ITEM, level: 4 }).waitFor();
      await list.getByText(tr(sa.summary.funding, { amount: 15000, payer: '县住房和城乡建设局' })).waitFor();
      await page.getByText(tr(sa.public.count, { count: 1 })).waitFor();
      await fitsAndAccessible(page, 'sa-public-375');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: sa.public.export }).click(),
      ]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getRow(3).getCell(2).value).toBe(ITEM);
      expect(sheet.getRow(3).getCell(15).value).toBe(caseNumber);

      // A search that matches nothing says so.
      await search.fill('不存在的事项');
      await search.press('Enter');
      await page.getByText(sa.public.empty).waitFor();
    },
    BROWSER_TEST_MS,
  );

  it(
    'residents’ committee reports an item pushed without admission; the county answers; the outcome is published anonymously',
    async () => {
      const page = await signedIn('rc.official', '/service-items/report', 375, 812);
      await page.getByRole('heading', { name: sa.report.title, level: 2 }).waitFor();
      await field(page, sa.report.itemDescription).fill('要求社区每周上报辖区商户消防检查台账');
      await field(page, sa.report.pushedBy).fill('县应急管理局');
      await page.getByRole('checkbox', { name: sa.report.anonymous }).check();
      await page.locator('input[type=file]').setInputFiles({
        name: 'notice.pdf',
        mimeType: 'application/pdf',
        buffer: TINY_PDF,
      });
      await page
        .getByRole('list', { name: sa.report.chosenFiles })
        .getByText(/notice\.pdf/)
        .waitFor();
      await fitsAndAccessible(page, 'sa-report-375');
      await page.getByRole('button', { name: sa.report.submit }).click();
      await page.getByText(/^报告已提交（SAR-\d{4}-\d+）$/).waitFor();
      const report = await h.db.case.findFirstOrThrow({
        where: { procedure: 'service-admission-report' },
        include: { documents: true },
      });
      expect(report.documents.map((d) => d.name)).toEqual(['notice.pdf']);
      await expectAccessible(page);

      const county = await signedIn('county.approver', '/inbox');
      await county.getByRole('heading', { name: texts.inbox.title, level: 2 }).waitFor();
      await county.getByRole('tab', { name: texts.inbox.views.unclaimed }).click();
      await county
        .getByRole('link', {
          name: tr(texts.inbox.openTaskNamed, { caseNumber: report.number, task: kindName('sa.report-answer') }),
        })
        .click();
      await county.getByRole('heading', { name: kindName('sa.report-answer'), level: 2 }).waitFor();
      await county.getByText('要求社区每周上报辖区商户消防检查台账', { exact: true }).waitFor();
      await county.getByRole('radio', { name: sa.answer.upheld }).check();
      await field(county, sa.answer.answer).fill('经核实，该事项未经准入，已责令县应急管理局停止向社区摊派。');
      await expectAccessible(county);
      await county.getByRole('button', { name: texts.task.form.submit }).click();
      await county.waitForURL(`**/cases/${report.id}`);
      const answered = await h.db.case.findUniqueOrThrow({ where: { id: report.id } });
      expect((answered.data as unknown as ServiceItemReportCaseData).stage).toBe('published');

      const reader = await newPage(375, 812);
      await reader.goto('/public/service-items');
      const outcomes = reader.getByRole('list', { name: sa.public.reportsLabel });
      await outcomes.getByText('要求社区每周上报辖区商户消防检查台账').waitFor();
      await outcomes.getByText(sa.public.anonymous).waitFor();
      await expect(outcomes.getByText('幸福社区').count()).resolves.toBe(0);
      await fitsAndAccessible(reader, 'sa-public-reports-375');
    },
    BROWSER_TEST_MS,
  );

  it(
    'at 375px: apply (with a 422 SA-GATE refusal), the pending list, an application and the yearly summary fit and are accessible',
    async () => {
      // A township (not a sub-district office) may not hand items to communities: the API refuses under SA-GATE.
      const township = await signedIn('township.official', '/service-items/apply', 375, 812);
      await township.getByRole('heading', { name: sa.apply.title, level: 2 }).waitFor();
      await fitsAndAccessible(township, 'sa-apply-375');
      await township.getByRole('button', { name: tr(sa.apply.allCommunities, { count: 2 }) }).click();
      await field(township, sa.fields.itemName).fill('农村人居环境整治督查');
      await field(township, sa.fields.legalBasis).fill('县政府办公室通知');
      await township.getByRole('radio', { name: SA_CLASSIFICATION_NAMES.entrusted['zh-CN'], exact: true }).check();
      await field(township, sa.fields.workloadEstimate).fill('每月一次');
      await field(township, sa.fields.fundingAmount).fill('5000');
      await field(township, sa.fields.fundingPayer).fill('青石镇人民政府');
      // An entrusted item is not asked for working conditions (SA-ENTRUST; they belong to SA-ASSIST).
      await township.getByRole('checkbox', { name: sa.fields.authorityTransferred }).check();
      await field(township, sa.fields.periodUntil).fill(nextYear);
      await township.getByRole('button', { name: sa.apply.submit }).click();
      const refused = township.getByRole('list', { name: texts.task.form.rulesFailed });
      await refused.getByText('SA-GATE', { exact: true }).waitFor();
      await refused.getByText(SA_RULES['SA-GATE'].citation).waitFor();
      await refused.getByText(`${labels.values.role}：${ROLE_NAMES.TOWNSHIP_OFFICIAL['zh-CN']}`).waitFor();
      await fitsAndAccessible(township, 'sa-apply-refused-375');

      const county = await signedIn('county.approver', '/service-items', 375, 812);
      await county.getByRole('tab', { name: sa.list.views.listed }).click();
      const cards = county.getByRole('list', { name: sa.list.label });
      await cards.getByRole('link', { name: tr(sa.list.openNamed, { number: caseNumber, item: ITEM }) }).waitFor();
      await expect(county.locator('.ant-table').count()).resolves.toBe(0);
      await fitsAndAccessible(county, 'sa-list-375');

      await county.goto(`/service-items/${caseId}`);
      await county.getByText(sa.stage.listed, { exact: true }).waitFor();
      await fitsAndAccessible(county, 'sa-item-375');

      await county.goto('/service-items/summary');
      const donghe = county.getByRole('heading', {
        name: tr(sa.summary.county, { county: '东河县', year: today.slice(0, 4) }),
        level: 3,
      });
      await donghe.waitFor();
      const card = county.locator('.ant-card').filter({ has: donghe });
      const count = (label: string) =>
        card
          .locator('.summary-bar-row')
          .filter({ has: county.getByText(label, { exact: true }) })
          .locator('.summary-bar-value');
      await expect(count(sa.summary.fields.admitted).textContent()).resolves.toBe('1');
      await expect(count(sa.summary.fields.received).textContent()).resolves.toBe('1');
      await expect(count(sa.summary.fields.upheld).textContent()).resolves.toBe('1');
      await fitsAndAccessible(county, 'sa-summary-375');
    },
    BROWSER_TEST_MS,
  );
});
