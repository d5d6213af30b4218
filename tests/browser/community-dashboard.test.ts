import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { chinaDateOf } from '../../domain/clock';
import { expectAccessible, horizontalOverflow } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { makeOrganization, makeUser, signIn, TEST_PASSWORD } from '../support/factories';
import type { Harness } from '../support/harness';
import zh from '../../web/src/i18n/procedures/dashboard.zh-CN.json';

type Org = Awaited<ReturnType<typeof makeOrganization>>;

/** One community's figures as its committee types them into the template (an independent model of the sheet). */
interface Figures {
  households: number;
  residents: number;
  socialWorkers: number;
  socialOrganizations: number;
  volunteers: number;
  serviceResidents: number;
  partyMembers: number;
  partyVolunteers: number;
  /** Office space in hundredths of m² (written to the sheet as text with two decimals). */
  officeHundredths: number;
  /** [education, last training year] per member; the first is the director. */
  members: [string, number][];
  estates: { households: number; occupied: number; isNew: boolean; hasCommittee: boolean }[];
}

const Y = Number(chinaDateOf(new Date()).slice(0, 4));
const COLLEGE = ['大专', '本科', '研究生'];

const FIGURES: Record<'c1' | 'c2' | 'c3', Figures> = {
  // Meets everything except the new estate (exactly 50 % occupied, no committee).
  c1: {
    households: 3000,
    residents: 9000,
    socialWorkers: 1,
    socialOrganizations: 5,
    volunteers: 900,
    serviceResidents: 2700,
    partyMembers: 100,
    partyVolunteers: 80,
    officeHundredths: 30_000,
    members: [
      ['本科', Y],
      ['大专', Y - 1],
      ['大专', Y],
      ['高中（中专）', Y],
      ['高中（中专）', Y - 1],
    ],
    estates: [{ households: 200, occupied: 100, isNew: true, hasCommittee: false }],
  },
  // Misses most: far above 3,000 households, four members, no social worker, volunteers just under 10 %, …
  c2: {
    households: 5000,
    residents: 15_000,
    socialWorkers: 0,
    socialOrganizations: 6,
    volunteers: 1499,
    serviceResidents: 4500,
    partyMembers: 50,
    partyVolunteers: 39,
    officeHundredths: 29_999,
    members: [
      ['本科', Y - 1],
      ['大专', Y],
      ['高中（中专）', Y - 2],
      ['高中（中专）', Y],
    ],
    estates: [],
  },
  // Three of seven with college, four social organizations, 1,799 of 6,000 in volunteer service, no party members.
  c3: {
    households: 2000,
    residents: 6000,
    socialWorkers: 2,
    socialOrganizations: 4,
    volunteers: 600,
    serviceResidents: 1799,
    partyMembers: 0,
    partyVolunteers: 0,
    officeHundredths: 30_000,
    members: [
      ['研究生', Y],
      ['本科', Y],
      ['大专', Y - 1],
      ['高中（中专）', Y],
      ['高中（中专）', Y],
      ['高中（中专）', Y],
      ['高中（中专）', Y - 1],
    ],
    estates: [{ households: 100, occupied: 49, isNew: true, hasCommittee: false }],
  },
};

/**
 * The independent count: each target checked straight from the figures above with integer arithmetic, written
 * without the product's rule code. Returns, per rule, [met, evaluated].
 */
function independentCount(elections: Record<string, string>): Record<string, [number, number]> {
  const count: Record<string, [number, number]> = {};
  const tally = (id: string, passed: boolean) => {
    const [met, evaluated] = count[id] ?? [0, 0];
    count[id] = [met + (passed ? 1 : 0), evaluated + 1];
  };
  for (const method of Object.values(elections)) tally('CT-DIRECT-ELECTION', method === 'direct');
  for (const f of Object.values(FIGURES)) {
    const college = f.members.filter(([e]) => COLLEGE.includes(e)).length;
    tally('CT-COMMITTEE-SIZE', f.members.length >= 5 && f.members.length <= 9);
    tally('CT-EDUCATION', college * 2 >= f.members.length);
    tally('CT-SOCIAL-WORKER', f.socialWorkers >= 1);
    tally('CT-SOCIAL-ORGANIZATIONS', f.socialOrganizations >= 5);
    tally('CT-VOLUNTEERS', f.volunteers * 10 >= f.residents);
    if (f.partyMembers > 0) tally('CT-PARTY-VOLUNTEERS', f.partyVolunteers * 5 >= f.partyMembers * 4);
    tally('CT-RESIDENT-VOLUNTEERS', f.serviceResidents * 10 >= f.residents * 3);
    tally('CT-OFFICE-SPACE', f.officeHundredths >= 30_000 && f.officeHundredths * 20 >= f.households * 100);
    tally('CT-SCALE', f.households * 2 <= 9000);
    tally('CT-NEW-ESTATE', !f.estates.some((e) => e.isNew && !e.hasCommittee && e.occupied * 2 >= e.households));
    tally('CT-DIRECTOR-TRAINING', f.members[0]![1] === Y);
    tally(
      'CT-MEMBER-TRAINING',
      f.members.slice(1).every(([, year]) => year >= Y - 1),
    );
  }
  return count;
}

describe('the county’s targets dashboard, from community profiles imported from Excel', () => {
  let h: Harness;
  const { signedIn } = browserSuite({}, (started) => ({ h } = started));
  let countyUser: string;
  const communities: Record<string, Org> = {};
  let expected: Record<string, [number, number]>;

  async function importFor(community: Org, rows: { profiles: unknown[][]; members: unknown[][]; estates: unknown[][] }) {
    const user = await makeUser(h.db, [{ organizationId: community.id, role: 'RESIDENTS_COMMITTEE_OFFICIAL' }]);
    const session = await signIn(h.api, user.username);
    const template = await session.request({ url: '/api/v1/community-profiles/template.xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const [profiles, members, estates] = workbook.worksheets;
    rows.profiles.forEach((r) => profiles!.addRow(r));
    rows.members.forEach((r) => members!.addRow(r));
    rows.estates.forEach((r) => estates!.addRow(r));
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const res = await session.request({
      method: 'POST',
      url: '/api/v1/community-profiles/import',
      payload: { filename: `${community.code}.xlsx`, contentBase64: content },
    });
    expect(res.statusCode).toBe(200);
  }

  function sheetRows(code: string, year: number, f: Figures) {
    const area = `${Math.floor(f.officeHundredths / 100)}.${String(f.officeHundredths % 100).padStart(2, '0')}`;
    return {
      profiles: [
        [code, year, f.households, f.residents, f.socialWorkers, f.socialOrganizations, f.volunteers, f.serviceResidents]
          .concat([f.partyMembers, f.partyVolunteers])
          .concat([area, 800]),
      ],
      members: f.members.map(([education, trained], n) => [
        code,
        year,
        `成员${n + 1}`,
        n === 0 ? '主任' : '委员',
        education,
        `${trained}-06-01`,
      ]),
      estates: f.estates.map((e, n) => [
        code,
        year,
        `新苑${n + 1}`,
        e.households,
        e.occupied,
        e.isNew ? '是' : '否',
        e.hasCommittee ? '是' : '否',
      ]),
    };
  }

  async function election(community: Org, township: Org, method: string, date: string, late = false) {
    const id = randomUUID();
    const committee = await makeOrganization(h.db, 'ELECTION_COMMITTEE', community.id);
    await h.db.case.create({
      data: {
        id,
        procedure: 'election',
        number: `ELC-${Y}-D${id.slice(0, 6)}`,
        title: `${community.name} 选举`,
        organizationId: community.id,
        workflowId: `dashboard-test-${id}`,
        ruleSetVersion: 'jumin-2025',
        status: 'COMPLETED',
      },
    });
    await h.db.election.create({
      data: {
        id,
        communityOrgId: community.id,
        townshipOrgId: township.id,
        committeeOrgId: committee.id,
        law: 'residents-committee-law',
        status: 'COMPLETED',
        electionDate: date,
        method,
        listLateReason: late ? '测试：逾期公布' : null,
      },
    });
  }

  beforeAll(async () => {
    const province = await makeOrganization(h.db, 'PROVINCE');
    const city = await makeOrganization(h.db, 'CITY', province.id);
    const county = await makeOrganization(h.db, 'COUNTY', city.id, '看板县');
    const east = await makeOrganization(h.db, 'SUBDISTRICT', county.id, '东城街道');
    const west = await makeOrganization(h.db, 'TOWNSHIP', county.id, '西河镇');
    communities.c1 = await makeOrganization(h.db, 'COMMUNITY', east.id, '东一社区');
    communities.c2 = await makeOrganization(h.db, 'COMMUNITY', east.id, '东二社区');
    communities.c3 = await makeOrganization(h.db, 'COMMUNITY', west.id, '西一社区');
    communities.c4 = await makeOrganization(h.db, 'COMMUNITY', west.id, '西二社区');
    // Another county's community with a profile: it must not be counted.
    const otherCounty = await makeOrganization(h.db, 'COUNTY', city.id, '邻县');
    const otherCommunity = await makeOrganization(
      h.db,
      'COMMUNITY',
      (await makeOrganization(h.db, 'TOWNSHIP', otherCounty.id)).id,
      '邻县社区',
    );
    for (const key of ['c1', 'c2', 'c3'] as const) {
      const rows = sheetRows(communities[key]!.code, Y, FIGURES[key]);
      const before = sheetRows(communities[key]!.code, Y - 1, FIGURES.c2);
      await importFor(communities[key]!, {
        profiles: [...rows.profiles, ...before.profiles],
        members: [...rows.members, ...before.members],
        estates: [...rows.estates, ...before.estates],
      });
    }
    // Community 4 kept only last year's profile: it is not counted this year.
    await importFor(communities.c4, sheetRows(communities.c4.code, Y - 1, FIGURES.c1));
    await importFor(otherCommunity, sheetRows(otherCommunity.code, Y, FIGURES.c1));

    await election(communities.c1, east, 'direct', `${Y}-03-01`);
    await election(communities.c2, east, 'household-representatives', `${Y}-03-01`, true);
    await election(communities.c3, west, 'direct', `${Y - 1}-05-01`);
    expected = independentCount({ c1: 'direct', c2: 'household-representatives', c3: 'direct' });
    countyUser = (await makeUser(h.db, [{ organizationId: county.id, role: 'COUNTY_APPROVER' }])).username;
  }, 180_000);

  it.each([1280, 390])(
    'a county user sees every indicator for its communities, matching an independent count, at %i px',
    async (width) => {
      const page = await signedIn(countyUser, '/dashboard', width, 900, TEST_PASSWORD);
      await page.getByRole('heading', { name: `${zh.title} · 看板县` }).waitFor();
      expect(Object.keys(expected)).toHaveLength(13);
      for (const [id, [met, evaluated]] of Object.entries(expected)) {
        const cell = page.locator(`[data-rule="${id}"] [data-field="met"]`);
        await cell.waitFor();
        expect(`${id}: ${await cell.textContent()}`).toBe(`${id}: ${met} / ${evaluated}`);
      }
      // The charts are drawn (canvas) and named for screen readers.
      expect(await page.locator('[data-chart] canvas').count()).toBeGreaterThanOrEqual(2);
      await page.getByRole('img', { name: new RegExp(zh.chart.rateLabel.split('：')[0]!) }).waitFor();
      // Election figures: 2 of 3 direct (66.7 %), one late list.
      expect(await page.locator('[data-field="direct-election"]').textContent()).toBe('2 / 3');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page);

      // A community that misses a target is a link to its profile.
      await page.locator('[data-rule="CT-NEW-ESTATE"]').getByRole('link', { name: '东一社区' }).click();
      await page.waitForURL(`**/community-profiles/${communities.c1!.id}/${Y}`);
      await page
        .getByRole('heading', { name: zh.profile.title.replace('{{community}}', '东一社区').replace('{{year}}', String(Y)) })
        .waitFor();
      await page.context().close();
    },
  );

  it('exports the dashboard as Excel with the same figures', async () => {
    const page = await signedIn(countyUser, '/dashboard', 1280, 900, TEST_PASSWORD);
    await page.locator('[data-rule="CT-SCALE"] [data-field="met"]').waitFor();
    const res = await page.request.get(`/api/v1/community-indicators/export.xlsx?year=${Y}`);
    expect(res.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const fromSheet: Record<string, [number, number]> = {};
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.values as unknown[];
      fromSheet[String(v[1])] = [Number(v[4]), Number(v[5])];
    });
    expect(fromSheet).toEqual(expected);
    await page.context().close();
  });
});
