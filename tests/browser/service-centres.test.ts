import { describe, expect, it, beforeAll } from '@jest/globals';
import { chinaDateOf } from '../../domain/clock';
import { PROFILE_EXAMPLE } from '../../api/schemas/community-profiles';
import { expectAccessible, horizontalOverflow } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { makeOrganization, makeUser, signIn, TEST_PASSWORD } from '../support/factories';
import type { Harness } from '../support/harness';
import zh from '../../web/src/i18n/procedures/dashboard.zh-CN.json';

type Org = Awaited<ReturnType<typeof makeOrganization>>;
const Y = Number(chinaDateOf(new Date()).slice(0, 4));

/** A centre as the test records it: area in hundredths of m² (an independent model), hall or not; null: no record. */
type Centre = { hundredths: number; hall: boolean } | null;

/**
 * The service-centre targets on the dashboard for a county user and a city user (numbers checked against a count
 * made here with integer arithmetic, without the product's rule code), and the profile form: the residents'
 * committee edits its profile at 390 px (a concurrent change explained, then saved), the township confirms it.
 */
describe('service-centre targets on the dashboard, and the profile edit form', () => {
  let h: Harness;
  const { signedIn } = browserSuite({}, (started) => ({ h } = started));
  const towns: Record<string, { org: Org; county: 'a' | 'b'; centre: Centre }> = {};
  const counties: Record<'a' | 'b', { org: Org; centre: Centre }> = {} as never;
  let countyUser: string;
  let cityUser: string;
  let committeeUser: string;
  let townshipUser: string;
  let community: Org;

  /** 不低于 1,000 m² (township) / 3,000 m² (county), and a one-stop hall: counted here on hundredths. */
  const meets = (c: Centre, minimumM2: number) => c !== null && c.hall && c.hundredths >= minimumM2 * 100;
  const count = (centres: Centre[], minimumM2: number) =>
    `${centres.filter((c) => meets(c, minimumM2)).length} / ${centres.length}`;

  beforeAll(async () => {
    const province = await makeOrganization(h.db, 'PROVINCE');
    const city = await makeOrganization(h.db, 'CITY', province.id, '看板市');
    const cityBureau = await makeOrganization(h.db, 'CIVIL_AFFAIRS_BUREAU', city.id, '看板市民政局');
    counties.a = { org: await makeOrganization(h.db, 'COUNTY', city.id, '甲县'), centre: { hundredths: 300_000, hall: true } };
    counties.b = { org: await makeOrganization(h.db, 'COUNTY', city.id, '乙县'), centre: { hundredths: 299_999, hall: true } };
    const plan: [string, 'a' | 'b', 'TOWNSHIP' | 'SUBDISTRICT', Centre][] = [
      ['甲一镇', 'a', 'TOWNSHIP', { hundredths: 100_000, hall: true }],
      ['甲二街道', 'a', 'SUBDISTRICT', { hundredths: 99_999, hall: true }],
      ['甲三镇', 'a', 'TOWNSHIP', { hundredths: 120_000, hall: false }],
      ['乙一街道', 'b', 'SUBDISTRICT', null],
      ['乙二镇', 'b', 'TOWNSHIP', { hundredths: 250_050, hall: true }],
    ];
    for (const [name, county, kind, centre] of plan) {
      towns[name] = { org: await makeOrganization(h.db, kind, counties[county].org.id, name), county, centre };
    }
    const keeper = await makeUser(h.db, [{ organizationId: towns['甲一镇']!.org.id, role: 'TOWNSHIP_OFFICIAL' }]);
    const area = (hundredths: number) => `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
    for (const { org, centre } of [...Object.values(towns), ...Object.values(counties)]) {
      if (!centre) continue;
      await h.db.serviceCentre.create({
        data: {
          organizationId: org.id,
          year: Y,
          areaM2: area(centre.hundredths),
          hasOneStopHall: centre.hall,
          updatedById: keeper.id,
        },
      });
    }
    countyUser = (await makeUser(h.db, [{ organizationId: counties.a.org.id, role: 'COUNTY_APPROVER' }])).username;
    cityUser = (await makeUser(h.db, [{ organizationId: cityBureau.id, role: 'CITY_CIVIL_AFFAIRS_REVIEWER' }])).username;
    townshipUser = keeper.username;

    community = await makeOrganization(h.db, 'COMMUNITY', towns['甲一镇']!.org.id, '甲一社区');
    committeeUser = (await makeUser(h.db, [{ organizationId: community.id, role: 'RESIDENTS_COMMITTEE_OFFICIAL' }])).username;
    const committee = await signIn(h.api, committeeUser);
    const res = await committee.request({
      method: 'PUT',
      url: `/api/v1/community-profiles/${community.id}/${Y}`,
      payload: { ...PROFILE_EXAMPLE, expectedVersion: 0 },
    });
    expect(res.statusCode).toBe(200);
  }, 180_000);

  const centresOf = (county?: 'a' | 'b') => ({
    township: Object.values(towns)
      .filter((t) => county === undefined || t.county === county)
      .map((t) => t.centre),
    county: Object.entries(counties)
      .filter(([k]) => county === undefined || k === county)
      .map(([, c]) => c.centre),
  });

  it.each([
    ['county', 1280],
    ['city', 390],
  ] as const)(
    'a %s user sees the centre targets matching an independent count (%i px) and opens a missing area',
    async (who, width) => {
      const expected = centresOf(who === 'county' ? 'a' : undefined);
      const page = await signedIn(who === 'county' ? countyUser : cityUser, '/dashboard', width, 900, TEST_PASSWORD);
      const town = page
        .locator('[data-rule="CT-TOWNSHIP-CENTRE"]')
        .filter({ has: page.locator('[data-list="missing-areas"], div') })
        .first();
      await page.locator('[data-rule="CT-TOWNSHIP-CENTRE"] [data-field="met"]').last().waitFor();
      const met = async (id: string) => page.locator(`li[data-rule="${id}"] [data-field="met"]`).textContent();
      expect(await met('CT-TOWNSHIP-CENTRE')).toBe(count(expected.township, 1000));
      expect(await met('CT-COUNTY-CENTRE')).toBe(count(expected.county, 3000));
      // The areas that miss it are listed, each a link to its record.
      const missing = Object.entries(towns)
        .filter(([, t]) => (who === 'city' || t.county === 'a') && !meets(t.centre, 1000))
        .map(([name]) => name);
      for (const name of missing) await town.getByRole('link', { name }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page);

      await town.getByRole('link', { name: '甲二街道' }).click();
      await page.waitForURL(`**/service-centres/${towns['甲二街道']!.org.id}/${Y}`);
      await page
        .getByRole('heading', { name: zh.centre.title.replace('{{area}}', '甲二街道').replace('{{year}}', String(Y)) })
        .waitFor();
      await page.getByText('999.99 m²').first().waitFor();
      // Read-only for county and city users: no form.
      expect(await page.getByRole('button', { name: zh.centre.save }).count()).toBe(0);
      await page.context().close();
    },
  );

  it('the committee edits and saves its profile in the form at 390 px (a concurrent change explained); the township confirms it', async () => {
    const url = `/community-profiles/${community.id}/${Y}`;
    const page = await signedIn(committeeUser, url, 390, 844, TEST_PASSWORD);
    await page.getByRole('button', { name: zh.profileForm.edit }).click();
    const households = page.getByLabel(zh.fields.households, { exact: true }).first();
    await households.fill('3100');

    // Meanwhile the profile changes elsewhere (another member of the committee saves version 2).
    const other = await signIn(h.api, committeeUser);
    expect(
      (
        await other.request({
          method: 'PUT',
          url: `/api/v1/community-profiles/${community.id}/${Y}`,
          payload: { ...PROFILE_EXAMPLE, socialWorkers: 3, expectedVersion: 1 },
        })
      ).statusCode,
    ).toBe(200);
    await page.getByRole('button', { name: zh.profileForm.save }).click();
    const conflict = page.getByTestId('profile-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(zh.profileForm.conflict.split('（')[0]!);
    expect(await conflict.textContent()).toContain('2');
    await conflict.getByRole('button', { name: zh.profileForm.reload }).click();

    // Reloaded (version 2): edit again, with a field error shown at its field first.
    await page.getByRole('button', { name: zh.profileForm.edit }).click();
    await page.getByLabel(zh.fields.households, { exact: true }).first().fill('3100');
    const office = page.getByLabel(zh.fields.officeSpaceM2, { exact: true });
    await office.fill('320.555');
    await page.getByRole('button', { name: zh.profileForm.save }).click();
    expect(await office.getAttribute('aria-invalid')).toBe('true');
    await office.fill('320.55');
    await page.getByRole('button', { name: zh.profileForm.addMember }).click();
    await page.locator('[data-member="5"]').getByLabel(zh.fields.name, { exact: true }).fill('孙新');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await page.getByRole('button', { name: zh.profileForm.save }).click();
    await page.getByRole('button', { name: zh.profileForm.edit }).waitFor();
    const stored = await h.db.communityProfile.findUniqueOrThrow({
      where: { communityOrgId_year: { communityOrgId: community.id, year: Y } },
    });
    expect(stored).toMatchObject({ version: 3, households: 3100, socialWorkers: 3, status: 'DRAFT' });
    expect(stored.officeSpaceM2.toFixed(2)).toBe('320.55');
    expect((stored.committeeMembers as { name: string }[]).map((m) => m.name)).toContain('孙新');
    await page.getByText(zh.profile.statusDraft, { exact: true }).waitFor();
    await page.context().close();

    // The township above confirms the version it sees.
    const township = await signedIn(townshipUser, url, 390, 844, TEST_PASSWORD);
    await township.getByRole('button', { name: zh.profile.confirm }).click();
    await township.getByText(zh.profile.statusConfirmed, { exact: true }).waitFor();
    expect(
      await h.db.communityProfile.findUniqueOrThrow({
        where: { communityOrgId_year: { communityOrgId: community.id, year: Y } },
        select: { status: true, version: true },
      }),
    ).toEqual({ status: 'CONFIRMED', version: 3 });
    // The township keeps its own centre: its form is there.
    await township.goto(`/service-centres/${towns['甲一镇']!.org.id}/${Y}`);
    await township.getByRole('button', { name: zh.centre.save }).waitFor();
    await township.context().close();
  });
});
