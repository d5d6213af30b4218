import { describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { Caller } from '../../api/plugins/app/auth';
import { startElection } from '../../api/services/election/start-election';
import { addDays, chinaDateOf, endOfDayInChina } from '../../domain/clock';
import { residentIdProblemText } from '../../domain/resident-id';
import { EL_RULES } from '../../domain/rules/election';
import { DEMO_APPLICANT_ID_NUMBER, DEMO_PASSWORD } from '../../scripts/demo-seed';
import el from '../../web/src/i18n/procedures/election.zh-CN.json';
import {
  choose,
  expectAccessible,
  horizontalOverflow,
  screenshot,
  settled,
  stepName,
  texts,
  TINY_PDF,
  tr,
} from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { idFor, residentsCsv as csv, TEN_RESIDENTS as residents } from '../support/elections';
import { makeUser, signIn as apiSignIn, TEST_PASSWORD, type Session } from '../support/factories';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping';
import type { WebServer } from '../support/web-server';
import labels from '../../web/src/i18n/labels.zh-CN.json';

const BROWSER_TEST_MS = 300_000;

const today = chinaDateOf(new Date());
/** Thirty days ahead: the list is due 20 days before, so publishing today is in time (EL-LIST). */
const electionDate = addDays(today, 30);

/** The demo resident (`applicant`) applies under the ID number bound to their account (EL-SELF). */
const migrant = { name: '王小梅', birthDate: '1988-07-01', idNumber: DEMO_APPLICANT_ID_NUMBER };
const leftOut = { name: '赵六', idNumber: idFor('1979-03-03', '401') };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The residents' committee election through the web app (issue 6): the sub-district office starts the election of
 * 幸福社区 and sets it up (EL-SIZE refused first), the election committee imports the residents (a refused file with
 * its per-row report, then the valid one with a progress bar), a migrant applies themself and follows the status by
 * number, the committee asks for evidence and then approves, publishes the list, records and answers an objection;
 * the public reads the notice without signing in; the county sees the overview. The main pages at 375px, with axe.
 */
describe('web app in Chromium: a residents’ committee election with a migrant’s application', () => {
  let h: TimeSkippingHarness;
  let server: WebServer;
  let browser: Browser;
  const { signedIn, contexts } = browserSuite(
    { demo: true, acceptDownloads: true, harness: startTimeSkippingHarness },
    (started) => ({ h, server, browser } = started),
  );
  let electionId = '';
  let applicationNumber = '';

  const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 2 });
  const submitTask = (page: Page) => page.getByRole('button', { name: texts.task.form.submit }).click();
  const yesNo = (page: Page, group: string, answer: boolean) =>
    page
      .getByRole('radiogroup', { name: group })
      .getByRole('radio', { name: answer ? texts.rules.yes : texts.rules.no })
      .check();

  it(
    'township: starts the election of 幸福社区 (EL-LAW shown) and sets it up; ten seats are refused by EL-SIZE with its clause',
    async () => {
      const page = await signedIn('subdistrict.official', '/elections');
      await heading(page, el.list.title).waitFor();
      await page.getByRole('button', { name: el.start.button }).click();
      const dialog = page.getByRole('dialog', { name: el.start.title });
      await choose(dialog, el.start.community, '幸福社区', '幸福');
      await dialog.getByRole('radio', { name: el.start.restructuredYes }).check();
      await dialog.getByRole('list', { name: el.start.law }).getByText('EL-LAW', { exact: true }).waitFor();
      await expectAccessible(page);
      await dialog.getByRole('button', { name: el.start.submit }).click();
      await page.waitForURL('**/tasks/*');
      await heading(page, stepName('election', 'election.setup')).waitFor();
      await page.getByText(tr(el.forms.setup.law, { law: el.law['residents-committee-law'] })).waitFor();

      await page.getByLabel(el.fields.electionDate, { exact: true }).fill(electionDate);
      await page.getByLabel(el.fields.seats, { exact: true }).fill('10');
      await page.getByRole('radio', { name: '全体选民直接选举' }).check();
      await page.getByLabel(tr(el.forms.setup.memberName, { n: 1 }), { exact: true }).fill('陈主任');
      await page.getByRole('button', { name: el.forms.setup.addMember }).click();
      await page.getByLabel(tr(el.forms.setup.memberName, { n: 2 }), { exact: true }).fill('刘委员');
      // The live panel runs EL-SIZE with the workflow's own function.
      const live = page.getByRole('list', { name: el.forms.liveRules });
      await live.getByRole('listitem').filter({ hasText: 'EL-SIZE' }).getByText(texts.rules.failed, { exact: true }).waitFor();
      await page.getByText(tr(el.forms.setup.listDue, { date: addDays(electionDate, -20) })).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'election-setup-1280');

      await submitTask(page);
      const refused = page.getByRole('list', { name: texts.task.form.rulesFailed });
      await refused.getByText('EL-SIZE', { exact: true }).waitFor();
      await refused.getByText(EL_RULES['EL-SIZE'].citation).waitFor();
      await refused.getByText(`${labels.values.seats}：10`).waitFor();

      await page.getByLabel(el.fields.seats, { exact: true }).fill('5');
      await live.getByRole('listitem').filter({ hasText: 'EL-SIZE' }).getByText(texts.rules.passed, { exact: true }).waitFor();
      await submitTask(page);
      await page.waitForURL('**/cases/*');
      electionId = new URL(page.url()).pathname.split('/').pop()!;
      const election = await h.db.election.findUniqueOrThrow({ where: { id: electionId } });
      expect(election).toMatchObject({
        status: 'REGISTRATION',
        seats: 5,
        method: 'direct',
        electionDate,
        law: 'residents-committee-law',
      });
      expect(election.committeeMembers).toEqual([
        { name: '陈主任', position: 'chair' },
        { name: '刘委员', position: 'member' },
      ]);

      // The list shows it with its status.
      await page.goto('/elections');
      await page.getByRole('link', { name: '幸福社区' }).click();
      await heading(page, tr(el.detail.title, { community: '幸福社区' })).waitFor();
      await page.getByText(el.status.REGISTRATION, { exact: true }).first().waitFor();
      await expectAccessible(page);
    },
    BROWSER_TEST_MS,
  );

  it(
    'election committee: a file with bad rows is refused whole with a per-row report; the valid file imports with a progress bar',
    async () => {
      const page = await signedIn('election.member', `/elections/${electionId}/voters`);
      await page.getByRole('tab', { name: el.detail.tabs.voters, selected: true }).waitFor();
      const under18 = idFor(addDays(electionDate, -365 * 17), '301');
      const wrongCheck = `${residents[3]!.idNumber.slice(0, 17)}${residents[3]!.idNumber[17] === '0' ? '1' : '0'}`;
      const bad = [
        ...residents.slice(0, 3),
        { name: '错号', idNumber: wrongCheck },
        { name: '未成年', idNumber: under18 },
        residents[0]!,
      ];
      await page.locator('input[type=file]').setInputFiles({ name: 'voters-bad.csv', mimeType: 'text/csv', buffer: csv(bad) });
      await page.getByText(tr(el.import.rejected, { count: 3 })).waitFor();
      const report = page.getByRole('region', { name: el.import.rowReport });
      await report.getByText(residentIdProblemText('check-digit')['zh-CN']).waitFor();
      await report.getByText(/EL-AGE/).waitFor();
      await report.getByText('与第 2 行的身份证号码重复。').waitFor();
      await expect(h.db.voterListEntry.count({ where: { electionId } })).resolves.toBe(0);
      await expectAccessible(page);
      await screenshot(page, 'election-import-refused-1280');

      // The first answer is lost on the way (the server imported the list); the official uploads the file again, which
      // resends it with the same Idempotency-Key and gets the first import's answer, not "already on the list".
      // That answer is held a moment so the progress bar can be seen in its last phase (checking on the server).
      let answersLost = 0;
      await page.route('**/voters/import', async (route) => {
        if (answersLost === 0) {
          answersLost += 1;
          await route.fetch();
          return route.abort('connectionreset');
        }
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      const goodFile = { name: 'voters.csv', mimeType: 'text/csv', buffer: csv(residents) };
      await page.locator('input[type=file]').setInputFiles(goodFile);
      await page.getByText(texts.errors.network).waitFor();
      await expect(h.db.voterListEntry.count({ where: { electionId } })).resolves.toBe(10);
      await page.locator('input[type=file]').setInputFiles(goodFile);
      await page.getByRole('progressbar', { name: el.import.progress }).waitFor();
      await page.getByText(tr(el.import.success, { imported: 10, total: 10 })).waitFor();
      await page.unroute('**/voters/import');
      await page.getByRole('heading', { name: tr(el.voters.title, { count: 10 }) }).waitFor();
      // ID numbers are shown masked only.
      const table = page.locator('.ant-table');
      await table.getByText('居民1', { exact: true }).waitFor();
      expect(await page.content()).not.toContain(residents[0]!.idNumber);
      await table.getByText(`${residents[0]!.idNumber.slice(0, 3)}***********${residents[0]!.idNumber.slice(14)}`).waitFor();
      await expect(h.db.voterListEntry.count({ where: { electionId } })).resolves.toBe(10);
      await expectAccessible(page);
    },
    BROWSER_TEST_MS,
  );

  it(
    'migrant: applies themself — the ID number is checked as typed (GB 11643), the birth date filled from it — and gets a number with the pre-check',
    async () => {
      const page = await signedIn('applicant', '/elections/applications');
      await heading(page, el.mine.title).waitFor();
      const open = page.getByRole('list', { name: el.mine.open });
      await open.getByText('幸福社区').waitFor();
      await open.getByRole('button', { name: el.mine.apply }).click();
      await page.waitForURL(`**/elections/${electionId}/apply`);
      await heading(page, el.apply.title).waitFor();

      await page.getByLabel(el.fields.name, { exact: true }).fill(migrant.name);
      const id = page.getByLabel(el.fields.idNumber, { exact: true });
      await id.fill(`${migrant.idNumber.slice(0, 17)}${migrant.idNumber[17] === '0' ? '1' : '0'}`);
      await page.getByText(residentIdProblemText('check-digit')['zh-CN']).waitFor();
      await id.fill(migrant.idNumber);
      await page.getByText(tr(el.fields.idNumberValid, { birthDate: migrant.birthDate })).waitFor();
      await id.press('Tab');
      await expect(page.getByLabel(el.fields.birthDate, { exact: true }).inputValue()).resolves.toBe(migrant.birthDate);

      await page.getByLabel(el.fields.address, { exact: true }).fill('幸福社区 3 号楼 2 单元 101 室');
      await page.getByLabel(el.fields.residenceSince, { exact: true }).fill(addDays(electionDate, -400));
      await yesNo(page, el.fields.hasLegalFixedResidence, true);
      await page.getByLabel(el.fields.residenceEvidence, { exact: true }).fill('房屋租赁合同（已备案）');
      await yesNo(page, el.fields.politicalRightsDeprived, false);
      await yesNo(page, el.fields.registeredElsewhere, false);
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: '租赁合同.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
      await page.getByRole('list', { name: el.evidence.chosen }).getByText('租赁合同.pdf').waitFor();
      // Without the declaration the form refuses.
      await page.getByRole('button', { name: el.apply.submit }).click();
      await page.getByText(texts.validation.required).first().waitFor();
      await page.getByRole('checkbox', { name: el.apply.declaration }).check();
      await page.getByText(el.apply.previewPassed).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'election-apply-1280');

      await page.getByRole('button', { name: el.apply.submit }).click();
      await page.waitForURL('**/elections/applications/MIG-*');
      applicationNumber = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
      expect(applicationNumber).toMatch(/^MIG-\d{4}-\d{6}$/);
      await page.getByText(tr(el.application.submitted, { number: applicationNumber })).waitFor();
      await page.getByText(el.application.banner.UNDER_REVIEW).waitFor();
      const precheck = page.getByRole('list', { name: el.application.precheck });
      await precheck
        .getByRole('listitem')
        .filter({ hasText: 'EL-RESIDENCE' })
        .getByText(texts.rules.passed, { exact: true })
        .waitFor();
      await precheck.getByText(EL_RULES['EL-SELF'].citation).first().waitFor();
      expect(await page.content()).not.toContain(migrant.idNumber);
      const row = await h.db.migrantApplication.findUniqueOrThrow({ where: { number: applicationNumber } });
      expect(row).toMatchObject({
        status: 'UNDER_REVIEW',
        name: migrant.name,
        idNumber: migrant.idNumber,
        birthDate: migrant.birthDate,
      });
      await expectAccessible(page);
    },
    BROWSER_TEST_MS,
  );

  /** The committee opens the application's decision task from the election's applications tab. */
  async function openDecision(page: Page): Promise<void> {
    await page.goto(`/elections/${electionId}/applications`);
    await page.getByRole('link', { name: tr(el.applications.decide, { number: applicationNumber, name: migrant.name }) }).click();
    await heading(page, stepName('migrant-eligibility', 'election.migrant-decision')).waitFor();
  }

  it(
    'committee asks for evidence; the migrant reads what is needed by number and supplies it; the committee approves and the migrant sees why',
    async () => {
      const committee = await signedIn('election.member', `/elections/${electionId}`);
      await openDecision(committee);
      // The application (ID masked), its evidence and the pre-check are on the task.
      await committee.getByRole('link', { name: tr(texts.documents.downloadNamed, { name: '租赁合同.pdf' }) }).waitFor();
      await committee.getByRole('list', { name: el.application.precheck }).getByText('EL-HOME', { exact: true }).waitFor();
      await committee.getByRole('radio', { name: el.forms.decision.requestEvidence }).check();
      await committee.getByLabel(el.forms.decision.reason, { exact: true }).fill('租赁合同未见备案登记');
      await committee.getByLabel(el.forms.decision.requestedEvidence, { exact: true }).fill('请补充经备案的房屋租赁合同');
      await expectAccessible(committee);
      await screenshot(committee, 'election-decision-1280');
      await submitTask(committee);
      await committee.waitForURL('**/cases/*');

      const migrantPage = await signedIn('applicant', `/elections/applications/${applicationNumber}`);
      await migrantPage.getByText(el.application.banner.EVIDENCE_REQUESTED).waitFor();
      await migrantPage.getByText(tr(el.application.requested, { evidence: '请补充经备案的房屋租赁合同' })).waitFor();
      await migrantPage.getByText(tr(el.application.reason, { reason: '租赁合同未见备案登记' })).waitFor();
      await migrantPage.getByLabel(el.fields.residenceEvidence, { exact: true }).fill('房屋租赁合同（已在住建部门备案）');
      await migrantPage
        .locator('input[type=file]')
        .setInputFiles({ name: '备案证明.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
      await migrantPage.getByRole('list', { name: el.evidence.chosen }).getByText('备案证明.pdf').waitFor();
      await expectAccessible(migrantPage);
      await migrantPage.getByRole('button', { name: el.application.sendEvidence }).click();
      await migrantPage.getByText(el.application.banner.UNDER_REVIEW).waitFor();
      const app = await h.db.migrantApplication.findUniqueOrThrow({ where: { number: applicationNumber } });
      expect(app).toMatchObject({
        status: 'UNDER_REVIEW',
        precheckRound: 2,
        residenceEvidence: '房屋租赁合同（已在住建部门备案）',
      });
      await expect(h.db.document.count({ where: { caseId: app.id } })).resolves.toBe(2);

      await openDecision(committee);
      await committee.getByRole('radio', { name: el.forms.decision.approve, exact: true }).check();
      await committee.getByLabel(el.forms.decision.reason, { exact: true }).fill('材料齐全，符合条件');
      await submitTask(committee);
      await committee.waitForURL('**/cases/*');
      await expect(h.db.voterListEntry.count({ where: { electionId, source: 'MIGRANT' } })).resolves.toBe(1);

      await migrantPage.getByRole('button', { name: el.application.refresh }).click();
      await migrantPage.getByText(el.application.banner.APPROVED).waitFor();
      await migrantPage.getByText(tr(el.application.reason, { reason: '材料齐全，符合条件' })).waitFor();
      await expectAccessible(migrantPage);
      await screenshot(migrantPage, 'election-application-approved-1280');
    },
    BROWSER_TEST_MS,
  );

  it(
    'committee publishes the list (printable PDF notice), records an objection inside the window and answers it',
    async () => {
      const page = await signedIn('election.member', `/elections/${electionId}/voters`);
      await page.getByRole('heading', { name: tr(el.voters.title, { count: 11 }) }).waitFor();
      await page.getByRole('link', { name: el.voters.publish }).click();
      await heading(page, stepName('election', 'election.publish-list')).waitFor();
      await page.getByRole('checkbox', { name: el.forms.publish.confirm }).check();
      await expectAccessible(page);
      await submitTask(page);
      await page.waitForURL(`**/cases/${electionId}`);
      const election = await h.db.election.findUniqueOrThrow({ where: { id: electionId } });
      expect(election).toMatchObject({ status: 'OBJECTIONS', listPublishedOn: today, registeredVoters: 11 });

      await page.goto(`/elections/${electionId}/voters`);
      await page.getByText(tr(el.voters.published, { date: today, count: 11 })).waitFor();
      const pdf = await page.request.get(`/api/v1/elections/${electionId}/notice.pdf`);
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.getByRole('link', { name: el.notice.pdf }).first().waitFor();

      await page.getByRole('tab', { name: el.detail.tabs.objections }).click();
      await page.waitForURL(`**/elections/${electionId}/objections`);
      await page.getByRole('radio', { name: el.objectionKind.omission }).check();
      await page.getByLabel(el.objections.objector, { exact: true }).fill(leftOut.name);
      await page.getByLabel(el.objections.personName, { exact: true }).fill(leftOut.name);
      await page.getByLabel(el.objections.personIdNumber, { exact: true }).fill(leftOut.idNumber);
      await page.getByLabel(el.objections.grounds, { exact: true }).fill('本人户籍在本社区，名单遗漏');
      await expectAccessible(page);
      await page.getByRole('button', { name: el.objections.record }).click();
      const objections = page.getByRole('list', { name: el.objections.listLabel });
      await objections.getByText(tr(el.objections.heading, { number: 1, kind: el.objectionKind.omission })).waitFor();
      await objections.getByRole('link', { name: tr(el.objections.answerNamed, { number: 1 }) }).click();
      await heading(page, stepName('election', 'election.objection-answer')).waitFor();
      await page.getByText('本人户籍在本社区，名单遗漏').waitFor();
      await page.getByRole('radio', { name: el.forms.answer.upheld }).check();
      await page.getByLabel(el.forms.answer.answer, { exact: true }).fill('经核实，赵六户籍在本社区，补列入选民名单。');
      await submitTask(page);
      await page.waitForURL(`**/cases/${electionId}`);
      const objection = await h.db.voterObjection.findFirstOrThrow({ where: { electionId } });
      expect(objection).toMatchObject({ status: 'UPHELD', answeredInTime: true });
      await expect(h.db.voterListEntry.count({ where: { electionId, source: 'OBJECTION' } })).resolves.toBe(1);

      await page.goto(`/elections/${electionId}/objections`);
      await objections.getByText(el.objectionStatus.UPHELD, { exact: true }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'election-objections-1280');
    },
    BROWSER_TEST_MS,
  );

  it(
    'the public reads the published notice without signing in: names and groups, the migrant marked, the answer; no ID numbers',
    async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, baseURL: server.url });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`/elections/${electionId}/notice`);
      await heading(page, tr(el.notice.title, { community: '幸福社区' })).waitFor();
      await page.getByText(tr(el.notice.voters, { count: 12 })).waitFor();
      const firstGroup = page.getByRole('list', { name: '第一居民小组' });
      await firstGroup.getByText('居民1', { exact: true }).waitFor();
      await page.getByRole('listitem').filter({ hasText: migrant.name }).getByText(el.notice.migrant).waitFor();
      await page.getByText(leftOut.name, { exact: true }).first().waitFor();
      const answers = page.getByRole('list', { name: el.notice.answers });
      await answers.getByText('经核实，赵六户籍在本社区，补列入选民名单。').waitFor();
      const html = await page.content();
      for (const id of [residents[0]!.idNumber, migrant.idNumber, leftOut.idNumber]) expect(html).not.toContain(id);
      expect(await horizontalOverflow(page)).toBe(0);
      await expectAccessible(page);
      await screenshot(page, 'election-notice-375');
    },
    BROWSER_TEST_MS,
  );

  it(
    'county: the overview shows 幸福社区’s status, the direct-election rate against the 80% target, and the approved migrant',
    async () => {
      const page = await signedIn('county.approver', '/elections/overview');
      await heading(page, el.overview.title).waitFor();
      const row = page.locator('.ant-table-row').filter({ hasText: '幸福社区' });
      await row.getByText(el.status.OBJECTIONS, { exact: true }).waitFor();
      await page
        .getByRole('img', { name: tr(el.overview.chartLabel, { percent: 100, direct: 1, total: 1, target: 80 }) })
        .waitFor();
      await page.getByText(el.overview.meets, { exact: true }).waitFor();
      await page.getByText(`${el.overview.approved}: 1`).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'election-overview-1280');
    },
    BROWSER_TEST_MS,
  );

  /** The open task of a kind in a case, once the workflow has written it. */
  async function openTask(caseId: string, kind: string, waitMs = 30_000) {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const task = await h.db.task.findFirst({ where: { caseId, kind, status: 'OPEN' } });
      if (task) return task;
      if (Date.now() > deadline) throw new Error(`no open ${kind} task`);
      await sleep(250);
    }
  }
  const complete = async (session: Session, taskId: string, payload: unknown) => {
    const response = await session.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/complete`, payload: { payload } });
    expect(response.statusCode).toBe(200);
  };

  it(
    'later steps on the statute’s calendar, time skipped (和平社区): candidates refused by EL-CANDIDATES then set, the count with an unfilled seat, the run-off, the handover',
    async () => {
      // Started through the service; set-up, list and publication through the API.
      const member = await h.db.membership.findFirstOrThrow({
        where: { user: { username: 'subdistrict.official' } },
        include: { organization: true },
      });
      const membership = {
        id: member.id,
        organizationId: member.organizationId,
        organizationName: member.organization.name,
        organizationKind: member.organization.kind,
        organizationPath: member.organization.path,
        role: member.role,
      };
      const caller = {
        userId: member.userId,
        username: 'subdistrict.official',
        displayName: '城关街道 工作人员',
        sessionId: 'test',
        csrfToken: 'test',
        mustChangePassword: false,
        membership,
        memberships: [membership],
      } as Caller;
      const heping = await h.db.organization.findFirstOrThrow({ where: { name: '和平社区' } });
      const started = await startElection({
        db: h.db,
        temporal: h.temporal,
        taskQueue: h.taskQueue,
        caller,
        communityOrgId: heping.id,
        restructuringComplete: false,
        requestId: 'browser-test',
      });
      const id = started.id;
      const township = await apiSignIn(h.api, 'subdistrict.official', DEMO_PASSWORD);
      await complete(township, (await openTask(id, 'election.setup')).id, {
        electionDate,
        seats: 3,
        method: 'household-representatives',
        committeeMembers: [{ name: '周主任', position: 'chair' }],
      });
      const { committeeOrgId } = await h.db.election.findUniqueOrThrow({ where: { id } });
      const user = await makeUser(h.db, [{ organizationId: committeeOrgId, role: 'ELECTION_COMMITTEE_MEMBER' }]);
      const committee = await apiSignIn(h.api, user.username);
      const voters = Array.from({ length: 5 }, (_, i) => ({
        name: `和平居民${i + 1}`,
        idNumber: idFor(`1965-0${i + 1}-20`, `5${String(i).padStart(2, '0')}`),
      }));
      const imported = await committee.request({
        method: 'POST',
        url: `/api/v1/elections/${id}/voters/import`,
        payload: { filename: 'heping.csv', contentBase64: csv(voters).toString('base64') },
      });
      expect(imported.statusCode).toBe(200);
      await complete(committee, (await openTask(id, 'election.publish-list')).id, { confirmed: true });

      // EL-OBJECT's 5 days pass on the workflow's clock (Temporal's time-skipping server); the candidates step opens.
      for (let day = 0; day < 15 && !(await h.db.task.findFirst({ where: { caseId: id, kind: 'election.candidates' } })); day++)
        await h.skip('1 day');
      await openTask(id, 'election.candidates');
      const page = await signedIn(user.username, `/elections/${id}`, 1280, 900, TEST_PASSWORD);
      await page.getByRole('link', { name: stepName('election', 'election.candidates') }).click();
      await heading(page, stepName('election', 'election.candidates')).waitFor();
      for (const [i, name] of ['吴一', '郑二', '王三'].entries()) {
        await page.getByLabel(tr(el.forms.candidates.name, { n: i + 1 }), { exact: true }).fill(name);
      }
      // Four rows for three seats: leave one out, and EL-CANDIDATES (more candidates than seats) refuses.
      await page.getByRole('button', { name: tr(el.forms.candidates.remove, { n: 4 }) }).click();
      const live = page.getByRole('list', { name: el.forms.liveRules });
      await live.getByText(texts.rules.failed, { exact: true }).waitFor();
      await submitTask(page);
      const refused = page.getByRole('list', { name: texts.task.form.rulesFailed });
      await refused.getByText('EL-CANDIDATES', { exact: true }).waitFor();
      await refused.getByText(`${labels.values.candidates}：3`).waitFor();
      await page.getByRole('button', { name: el.forms.candidates.add }).click();
      await page.getByLabel(tr(el.forms.candidates.name, { n: 4 }), { exact: true }).fill('李四');
      await live.getByText(texts.rules.passed, { exact: true }).waitFor();
      await expectAccessible(page);
      await submitTask(page);
      await page.waitForURL(`**/cases/${id}`);

      // Election day comes on the workflow's clock: the first round leaves a seat to the run-off (EL-WIN).
      await h.skip(endOfDayInChina(addDays(electionDate, -1)).getTime() - (await h.now()).getTime() + 60_000);
      await openTask(id, 'election.results');
      await page.goto(`/elections/${id}`);
      await page.getByRole('link', { name: stepName('election', 'election.results') }).click();
      await heading(page, stepName('election', 'election.results')).waitFor();
      await page.getByLabel(el.forms.results.votesCast, { exact: true }).fill('5');
      for (const [name, votes] of [
        ['吴一', 4],
        ['郑二', 3],
        ['王三', 2],
        ['李四', 1],
      ] as const) {
        await page.getByLabel(tr(el.forms.results.candidateVotes, { name }), { exact: true }).fill(String(votes));
      }
      await page.getByText(tr(el.forms.results.outcome, { elected: '吴一、郑二', unfilled: 1 })).waitFor();
      await page.getByRole('list', { name: el.forms.results.preview }).getByText('EL-WIN', { exact: true }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'election-results-1280');
      await submitTask(page);
      await page.waitForURL(`**/cases/${id}`);

      await openTask(id, 'election.runoff');
      await page.goto(`/elections/${id}`);
      await page.getByRole('link', { name: stepName('election', 'election.runoff') }).click();
      await heading(page, stepName('election', 'election.runoff')).waitFor();
      await page.getByLabel(el.forms.results.votesCast, { exact: true }).fill('5');
      await page.getByLabel(tr(el.forms.results.candidateVotes, { name: '王三' }), { exact: true }).fill('3');
      await page.getByLabel(tr(el.forms.results.candidateVotes, { name: '李四' }), { exact: true }).fill('2');
      await page.getByText(tr(el.forms.results.outcome, { elected: '王三', unfilled: 0 })).waitFor();
      await submitTask(page);
      await page.waitForURL(`**/cases/${id}`);

      // The township records the handover (EL-HANDOVER) and the election closes with its report.
      await openTask(id, 'election.handover');
      const townshipPage = await signedIn('subdistrict.official', `/elections/${id}`);
      await townshipPage.getByRole('link', { name: stepName('election', 'election.handover') }).click();
      await heading(townshipPage, stepName('election', 'election.handover')).waitFor();
      // Handed over on the day of the count (the workflow's clock is weeks ahead of this machine's).
      const handedOverOn = chinaDateOf(await h.now());
      await townshipPage.getByLabel(el.forms.handover.handedOverOn, { exact: true }).fill(handedOverOn);
      await townshipPage.getByRole('checkbox', { name: el.handoverItem.seals }).check();
      await townshipPage.getByRole('checkbox', { name: el.handoverItem.files }).check();
      await townshipPage.getByRole('list', { name: el.forms.liveRules }).getByText(texts.rules.passed, { exact: true }).waitFor();
      await expectAccessible(townshipPage);
      await submitTask(townshipPage);
      await townshipPage.waitForURL(`**/cases/${id}`);
      await townshipPage.getByText(texts.cases.status.COMPLETED, { exact: true }).first().waitFor();
      const done = await h.db.election.findUniqueOrThrow({ where: { id } });
      expect(done).toMatchObject({ status: 'COMPLETED', elected: ['吴一', '郑二', '王三'], handedOverOn });

      await townshipPage.goto(`/elections/${id}`);
      await townshipPage.getByRole('heading', { name: el.detail.results }).waitFor();
      await townshipPage.getByText(`${el.detail.elected}：吴一、郑二、王三`).waitFor();
      await expectAccessible(townshipPage);
      await screenshot(townshipPage, 'election-completed-1280');
    },
    BROWSER_TEST_MS,
  );

  it(
    'at 375px: the elections list, the election’s tabs, the migrant’s pages and the county overview fit the phone and are accessible',
    async () => {
      const check = async (page: Page, name: string) => {
        await settled(page);
        expect(await horizontalOverflow(page)).toBe(0);
        await expectAccessible(page);
        await screenshot(page, `${name}-375`);
      };
      const township = await signedIn('subdistrict.official', '/elections', 375, 812);
      await township.getByRole('list', { name: el.list.title }).getByRole('link', { name: '幸福社区' }).waitFor();
      await check(township, 'election-list');

      const committee = await signedIn('election.member', `/elections/${electionId}`, 375, 812);
      await committee.getByRole('heading', { name: el.detail.calendar }).waitFor();
      await check(committee, 'election-overview-tab');
      const tabContent = {
        voters: () => committee.getByRole('heading', { name: tr(el.voters.title, { count: 12 }) }),
        objections: () => committee.getByText(tr(el.objections.heading, { number: 1, kind: el.objectionKind.omission })),
        applications: () => committee.getByRole('link', { name: applicationNumber }),
      };
      for (const tab of ['voters', 'objections', 'applications'] as const) {
        await committee.goto(`/elections/${electionId}/${tab}`);
        await committee.getByRole('tab', { name: el.detail.tabs[tab], selected: true }).waitFor();
        await tabContent[tab]().waitFor();
        await check(committee, `election-${tab}-tab`);
      }

      const applicant = await signedIn('applicant', '/elections/applications', 375, 812);
      await applicant.getByRole('link', { name: applicationNumber }).first().waitFor();
      await check(applicant, 'election-mine');
      await applicant.goto(`/elections/applications/${applicationNumber}`);
      await applicant.getByText(el.application.banner.APPROVED).waitFor();
      await check(applicant, 'election-application');
      await applicant.goto(`/elections/${electionId}/apply`);
      await applicant.getByText(el.apply.closed).waitFor();
      await check(applicant, 'election-apply');

      const county = await signedIn('county.approver', '/elections/overview', 375, 812);
      await county.getByRole('list', { name: el.overview.communitiesLabel }).getByText('幸福社区').waitFor();
      await check(county, 'election-county-overview');
    },
    BROWSER_TEST_MS,
  );
});
