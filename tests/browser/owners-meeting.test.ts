import { formatChinaDay } from '../../domain/china-time';
import { describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { addDays, chinaDateOf } from '../../domain/clock';
import { OM_CITATIONS } from '../../domain/rules/owners-meeting';
import { DEMO_PASSWORD } from '../../scripts/demo-seed';
import type { Caller } from '../../api/plugins/app/auth';
import { registerOwnersMeeting } from '../../api/services/owners-meeting/register-meeting';
import { signIn as apiSignIn } from '../support/factories';
import om from '../../web/src/i18n/procedures/ownersMeeting.zh-CN.json';
import { expectAccessible, horizontalOverflow, screenshot, stepName, submitTaskForm, texts, tr } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { openTaskOf } from '../support/wait';
import type { Harness } from '../support/harness';
import type { WebServer } from '../support/web-server';
import labels from '../../web/src/i18n/labels.zh-CN.json';

const BROWSER_TEST_MS = 300_000;

const kindName = (kind: string) => stepName('owners-meeting', kind);

/**
 * 业主大会会议告知 end to end through the web app (issue 8): the owners' committee announces an assembly meeting — a
 * late notice is refused with its clause and the suggested date is used — the residents' committee gives its
 * opinion, the owners' committee sees it and records the votes (a third decimal of an area is refused in the form),
 * the decisions are reported and the residents' committee answers with suggestions, the decisions are posted, and the
 * sub-district office sees the meeting and the refused late notice. The main pages are checked at 375px with axe.
 */
describe('web app in Chromium: owners’ assembly meeting from the notice to the reported decisions', () => {
  let h: Harness;
  let server: WebServer;
  let browser: Browser;
  // Wide enough for the header menu of every role here (antd hides overflowing menu items; see the report).
  const { signedIn, contexts } = browserSuite({ demo: true, width: 1600 }, (started) => ({ h, server, browser } = started));
  const today = chinaDateOf(new Date());
  const lateDate = addDays(today, 10);
  const earliest = addDays(today, 15);
  /** A meeting already held (registered as of 20 days ago): its results can be recorded and posted today. */
  const heldOn = addDays(today, -5);

  /** The open task of a kind, once the workflow has written it. */
  async function openTask(kind: string, timeoutMs = 30_000) {
    return openTaskOf(h.db, caseId, kind, timeoutMs);
  }

  /** Opens the meeting page and from it the open task of a kind (the page lists the case's open steps). */
  async function openTaskFromMeeting(page: Page, kind: string): Promise<void> {
    await openTask(kind);
    await page.goto(`/owners-meetings/${caseId}`);
    await page
      .getByRole('list', { name: om.meeting.openTasks })
      .getByRole('link', { name: kindName(kind) })
      .click();
    await page.getByRole('heading', { name: kindName(kind), level: 2 }).waitFor();
  }

  const submitTask = (page: Page) => submitTaskForm(page, caseId);

  // Dates in the one China-date format ("2026年12月22日").
  const day = (date: string) => formatChinaDay(date, 'zh-CN');
  let caseId = '';
  let meetingDate = earliest;
  const meetingLink = (page: Page) => page.getByRole('link', { name: `${om.types.assembly} ${day(meetingDate)}` });

  /**
   * Results exist only once a meeting is held (the votes task opens on the meeting day), so the votes, report and
   * posting steps run on a second meeting, registered as of 20 days ago and held 5 days ago, whose residents'
   * committee has given its opinion.
   */
  async function registerHeldMeeting(): Promise<string> {
    const membership = await h.db.membership.findFirstOrThrow({
      where: { user: { username: 'owners.member' }, role: 'OWNERS_COMMITTEE_MEMBER' },
      include: { user: true, organization: true },
    });
    const held = {
      id: membership.id,
      organizationId: membership.organizationId,
      organizationName: membership.organization.name,
      organizationKind: membership.organization.kind,
      organizationPath: membership.organization.path,
      role: membership.role,
    };
    const caller = {
      userId: membership.userId,
      username: 'owners.member',
      displayName: membership.user.displayName,
      membership: held,
      memberships: [held],
    } as unknown as Caller;
    const registeredOn = addDays(today, -20);
    const row = await registerOwnersMeeting({
      db: h.db,
      temporal: h.temporal,
      taskQueue: h.taskQueue,
      caller,
      requestId: 'browser-test',
      registeredOn,
      opinionDeadline: new Date(Date.now() + 3_600_000).toISOString(),
      body: {
        meetingType: 'assembly',
        kind: 'regular',
        meetingDate: heldOn,
        place: '小区活动中心',
        noticeDate: registeredOn,
        items: [
          { title: '续聘物业服务企业', matter: 'ordinary' },
          { title: '筹集专项维修资金', matter: 'special', art278Item: 6 },
        ],
      },
    });
    const rc = await apiSignIn(h.api, 'rc.official', DEMO_PASSWORD);
    const until = Date.now() + 30_000;
    let task = await h.db.task.findFirst({ where: { caseId: row.id, kind: 'owners-meeting.opinion', status: 'OPEN' } });
    while (!task && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      task = await h.db.task.findFirst({ where: { caseId: row.id, kind: 'owners-meeting.opinion', status: 'OPEN' } });
    }
    const answered = await rc.request({
      method: 'POST',
      url: `/api/v1/tasks/${task!.id}/complete`,
      payload: { payload: { opinion: '建议会议同时公布维修资金使用方案。' } },
    });
    expect(answered.statusCode).toBe(200);
    return row.id;
  }

  it(
    "owners' committee: a late notice is refused with its clause, the suggested date is used and the meeting registered",
    async () => {
      const page = await signedIn('owners.member', '/owners-meetings');
      await page.getByRole('heading', { name: om.list.title.ownersCommittee, level: 2 }).waitFor();
      await page.getByRole('button', { name: om.register.title }).click();
      await page.waitForURL('**/owners-meetings/new');
      await page.getByRole('heading', { name: om.register.title, level: 2 }).waitFor();

      await page.getByLabel(om.fields.meetingDate, { exact: true }).fill(lateDate);
      await page.getByLabel(om.fields.place, { exact: true }).fill('阳光花园社区活动中心');
      await page.getByLabel(tr(om.register.itemTitle, { index: 1 }), { exact: true }).fill('续聘物业服务企业');
      await page.getByRole('button', { name: om.register.addItem }).click();
      await page.getByLabel(tr(om.register.itemTitle, { index: 2 }), { exact: true }).fill('筹集专项维修资金');
      await page
        .getByRole('radiogroup', { name: tr(om.register.itemMatter, { index: 2 }) })
        .getByRole('radio', { name: om.matters.special })
        .check();
      // The live check already says the notice is late, with the statutory clock's earliest date.
      await page.getByText(om.register.noticeLate).waitFor();
      await page
        .getByText(tr(om.register.earliest, { date: earliest }))
        .first()
        .waitFor();
      await expectAccessible(page);
      await screenshot(page, 'om-register-late-desktop');

      // Submitted anyway: the API refuses it (and records the refusal for the sub-district office).
      await page.getByRole('button', { name: om.register.submit }).click();
      const outcome = page.getByRole('region', { name: om.register.outcome });
      await outcome.getByText(om.register.refused).waitFor();
      const refused = outcome.getByRole('list', { name: om.register.refusedRules });
      await refused.getByText('OM-NOTICE', { exact: true }).waitFor();
      await refused.getByText(OM_CITATIONS.notice).waitFor();
      await refused.getByText(`${labels.values.daysBefore}：10`).waitFor();
      expect(page.url()).toContain('/owners-meetings/new');

      // One click puts in the suggested date; the notice then passes and the meeting is registered.
      await outcome.getByRole('button', { name: tr(om.register.useEarliest, { date: earliest }) }).click();
      await expect(page.getByLabel(om.fields.meetingDate, { exact: true }).inputValue()).resolves.toBe(earliest);
      await page.getByText(om.register.noticeOk).waitFor();
      await page.getByRole('button', { name: om.register.submit }).click();
      await page.waitForURL(/\/owners-meetings\/[0-9a-f-]{36}$/);
      caseId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByText(om.opinionStatus.pending, { exact: true }).waitFor();
      const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
      expect(row.procedure).toBe('owners-meeting');
      expect((row.data as { meeting: { meetingDate: string } }).meeting.meetingDate).toBe(earliest);
      const refusal = await h.db.auditEvent.findFirst({ where: { action: 'owners-meeting.notice-refused' } });
      expect(refusal?.data).toMatchObject({ meetingDate: lateDate, earliestMeetingDate: earliest });
    },
    BROWSER_TEST_MS,
  );

  it(
    "residents' committee: sees the notice among its meetings and gives its opinion",
    async () => {
      const page = await signedIn('rc.official', '/owners-meetings');
      await page.getByRole('heading', { name: om.list.title.residentsCommittee, level: 2 }).waitFor();
      await meetingLink(page).waitFor();
      await openTaskFromMeeting(page, 'owners-meeting.opinion');
      await page.getByText('OM-OPINION', { exact: true }).waitFor();
      await page.getByLabel(om.opinion.field, { exact: true }).fill('建议会议同时公布维修资金使用方案。');
      await expectAccessible(page);
      await screenshot(page, 'om-opinion-desktop');
      await submitTask(page);
      const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
      expect((row.data as { opinion: { status: string } }).opinion.status).toBe('given');
      // The meeting is 15 days away: nothing to record until its day (China time).
      await new Promise((r) => setTimeout(r, 1500));
      expect(await h.db.task.count({ where: { caseId, kind: 'owners-meeting.votes' } })).toBe(0);
      expect((row.data as { votesOpenAt: string }).votesOpenAt).toBe(new Date(`${earliest}T00:00:00+08:00`).toISOString());
    },
    BROWSER_TEST_MS,
  );

  it(
    "owners' committee: sees the opinion, then records the votes (two decimals at most) and sees each item decided",
    async () => {
      caseId = await registerHeldMeeting();
      meetingDate = heldOn;
      const page = await signedIn('owners.member', `/owners-meetings/${caseId}`);
      await page.getByText(om.opinionStatus.given, { exact: true }).waitFor();
      await page.getByText('建议会议同时公布维修资金使用方案。').waitFor();

      await openTaskFromMeeting(page, 'owners-meeting.votes');
      // The opinion is shown with the votes form too.
      await page.getByText('建议会议同时公布维修资金使用方案。').waitFor();
      const f = om.votes.fields;
      await page.getByLabel(f.totalArea, { exact: true }).fill('12000.5');
      await page.getByLabel(f.totalOwners, { exact: true }).fill('120');
      await page.getByLabel(f.participatingArea, { exact: true }).fill('8000.345');
      await page.getByLabel(f.participatingOwners, { exact: true }).fill('80');
      await page.getByLabel(tr(f.areaFor, { index: 1 }), { exact: true }).fill('4000.18');
      await page.getByLabel(tr(f.ownersFor, { index: 1 }), { exact: true }).fill('41');
      await page.getByLabel(tr(f.areaFor, { index: 2 }), { exact: true }).fill('6000.26');
      // 59 of 80 owners is below three quarters: the special matter fails.
      await page.getByLabel(tr(f.ownersFor, { index: 2 }), { exact: true }).fill('59');
      await page.getByRole('button', { name: texts.task.form.submit }).click();
      await page.getByText('面积最多保留两位小数').waitFor();
      expect(page.url()).toContain('/tasks/');

      await page.getByLabel(f.participatingArea, { exact: true }).fill('8000.34');
      await page.getByText(tr(om.votes.quorumMet, { passed: 1, total: 2 })).waitFor();
      const live = page.getByRole('list', { name: om.votes.rules });
      await live.getByRole('listitem').filter({ hasText: 'OM-TURNOUT' }).getByText(texts.rules.passed, { exact: true }).waitFor();
      const special = live.getByRole('listitem').filter({ hasText: 'OM-SPECIAL' });
      await special.getByText(texts.rules.failed, { exact: true }).waitFor();
      await special.getByText(`${labels.values.ownersFor}：59`).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'om-votes-desktop');
      await submitTask(page);
    },
    BROWSER_TEST_MS,
  );

  it(
    "residents' committee: receives the decisions with their rules and makes suggestions; the decisions are posted",
    async () => {
      const page = await signedIn('rc.official', '/owners-meetings');
      await meetingLink(page).click();
      await page.waitForURL(`**/owners-meetings/${caseId}`);
      await openTaskFromMeeting(page, 'owners-meeting.report');
      const decisions = page.getByRole('list', { name: om.decisions.title });
      await decisions
        .getByRole('listitem')
        .filter({ hasText: '续聘物业服务企业' })
        .getByText(om.outcome.passed, { exact: true })
        .waitFor();
      await decisions
        .getByRole('listitem')
        .filter({ hasText: '筹集专项维修资金' })
        .getByText(om.outcome.failed, { exact: true })
        .waitFor();
      await page.getByRole('list', { name: om.decisions.rules }).getByText(OM_CITATIONS.vote).first().waitFor();
      await page.getByLabel(om.report.suggestions, { exact: true }).fill('维修资金事项可在完善方案后再次表决。');
      await expectAccessible(page);
      await screenshot(page, 'om-report-desktop');
      await submitTask(page);

      await page.goto(`/owners-meetings/${caseId}`);
      await page.getByText(om.reportStatus.given, { exact: true }).waitFor();
      await page.getByText('维修资金事项可在完善方案后再次表决。').waitFor();

      // The owners' committee posts the decisions (not before the meeting date).
      const oc = await signedIn('owners.member', `/owners-meetings/${caseId}`);
      await openTaskFromMeeting(oc, 'owners-meeting.post');
      await oc.getByLabel(om.post.postedOn, { exact: true }).fill(today);
      await oc.getByLabel(om.post.place, { exact: true }).fill('小区公告栏');
      await submitTask(oc);
      await oc.getByText(texts.cases.status.COMPLETED, { exact: true }).first().waitFor();
      await oc.goto(`/owners-meetings/${caseId}`);
      await oc.getByText(tr(om.post.posted, { date: day(today) })).waitFor();
      const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
      expect(row.status).toBe('COMPLETED');
    },
    BROWSER_TEST_MS,
  );

  it(
    'sub-district office: its area’s meetings with opinions given and the refused late notice',
    async () => {
      const page = await signedIn('subdistrict.official', '/owners-meetings');
      await page.getByRole('heading', { name: om.list.title.supervision, level: 2 }).waitFor();
      const summary = page.getByRole('list', { name: om.summary.title });
      await summary.getByRole('listitem').filter({ hasText: om.summary.lateNotices }).getByText('1', { exact: true }).waitFor();
      await summary.getByRole('listitem').filter({ hasText: om.summary.opinionsGiven }).getByText('2', { exact: true }).waitFor();
      const refused = page.getByRole('list', { name: om.refused.title });
      await refused
        .getByText(tr(om.refused.detail, { notice: day(today), meeting: day(lateDate), earliest: day(earliest) }))
        .waitFor();
      await refused.getByText('OM-NOTICE', { exact: true }).waitFor();
      const meetings = page.getByRole('list', { name: om.list.meetings });
      await expect(meetings.getByText(om.opinionStatus.given, { exact: true }).count()).resolves.toBe(2);
      await expectAccessible(page);
      await screenshot(page, 'om-supervision-desktop');
    },
    BROWSER_TEST_MS,
  );

  it(
    'at 375px: the meeting lists, the registration, a meeting and the public vote check fit and are accessible',
    async () => {
      const oc = await signedIn('owners.member', '/owners-meetings', 375, 812);
      await meetingLink(oc).waitFor();
      expect(await horizontalOverflow(oc)).toBe(0);
      await expectAccessible(oc);
      await screenshot(oc, 'om-list-375');

      await oc.goto('/owners-meetings/new');
      await oc.getByRole('heading', { name: om.register.title, level: 2 }).waitFor();
      await oc.getByText(om.register.noticeIncomplete).waitFor();
      expect(await horizontalOverflow(oc)).toBe(0);
      await expectAccessible(oc);
      await screenshot(oc, 'om-register-375');

      const street = await signedIn('subdistrict.official', `/owners-meetings/${caseId}`, 375, 812);
      await street.getByText(om.reportStatus.given, { exact: true }).waitFor();
      expect(await horizontalOverflow(street)).toBe(0);
      await expectAccessible(street);
      await screenshot(street, 'om-meeting-375');
      await street.goto('/owners-meetings');
      await street.getByRole('list', { name: om.summary.title }).waitFor();
      await street.getByRole('list', { name: om.refused.title }).waitFor();
      expect(await horizontalOverflow(street)).toBe(0);
      await expectAccessible(street);
      await screenshot(street, 'om-supervision-375');

      // The public vote check, without signing in.
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, baseURL: server.url });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto('/check/owners-meeting');
      await page.getByRole('heading', { name: om.check.title, level: 2 }).waitFor();
      const f = om.votes.fields;
      await page.getByLabel(om.fields.noticeDate, { exact: true }).fill('2026-06-01');
      await page.getByLabel(om.fields.meetingDate, { exact: true }).fill('2026-06-16');
      await page.getByLabel(f.totalArea, { exact: true }).fill('12000.5');
      await page.getByLabel(f.totalOwners, { exact: true }).fill('120');
      await page.getByLabel(f.participatingArea, { exact: true }).fill('8000.34');
      await page.getByLabel(f.participatingOwners, { exact: true }).fill('79');
      await page.getByLabel(tr(om.check.fields.itemTitle, { index: 1 }), { exact: true }).fill('续聘物业服务企业');
      await page.getByLabel(tr(f.areaFor, { index: 1 }), { exact: true }).fill('4000.18');
      await page.getByLabel(tr(f.ownersFor, { index: 1 }), { exact: true }).fill('41');
      await page.getByRole('button', { name: om.check.submit }).click();
      await page.getByText(om.check.notAllPassed).waitFor();
      const items = page.getByRole('list', { name: om.check.items });
      await items
        .getByRole('listitem')
        .filter({ hasText: '续聘物业服务企业' })
        .getByText(om.outcome.failed, { exact: true })
        .waitFor();
      const rules = page.getByRole('list', { name: om.check.result });
      await rules
        .getByRole('listitem')
        .filter({ hasText: 'OM-TURNOUT' })
        .getByText(texts.rules.failed, { exact: true })
        .waitFor();
      await rules.getByText(`${labels.values.participatingOwners}：79`).first().waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await expectAccessible(page);
      await screenshot(page, 'om-check-375');
    },
    BROWSER_TEST_MS,
  );
});
