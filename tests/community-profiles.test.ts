import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PROFILE_EXAMPLE } from '../api/schemas/community-profiles';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { startHarness, type Harness } from './support/harness';

type Org = Awaited<ReturnType<typeof makeOrganization>>;

interface RowError {
  sheet: string;
  row: number;
  column: string;
  field: string;
  message: { 'zh-CN': string; en: string };
}

/** Fills the template's three sheets (as downloaded) with rows, by column key. */
async function fillTemplate(
  template: Buffer,
  rows: { profiles: unknown[][]; members: unknown[][]; estates: unknown[][] },
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const [profiles, members, estates] = workbook.worksheets;
  rows.profiles.forEach((r) => profiles!.addRow(r));
  rows.members.forEach((r) => members!.addRow(r));
  rows.estates.forEach((r) => estates!.addRow(r));
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const members = (code: string, year: number, college: number, directorTraining = `${year}-03-01`) => [
  [code, year, '王主任', '主任', '本科', directorTraining],
  [code, year, '李副主任', 'DEPUTY', college > 1 ? '大专' : '高中（中专）', `${year}-03-01`],
  [code, year, '张委员', '委员', college > 2 ? 'BACHELOR' : 'HIGH_SCHOOL', `${year - 1}-10-01`],
  [code, year, '赵委员', '委员', 'HIGH_SCHOOL', `${year}-03-01;${year - 1}-05-05`],
  [code, year, '刘委员', '委员', 'HIGH_SCHOOL', `${year}-03-01`],
];

describe('community profiles (issue 22): kept by the residents’ committee, confirmed by the township, audited', () => {
  let h: Harness;
  let county: Org;
  let township: Org;
  let communityA: Org;
  let communityB: Org;
  let committeeA: Session;
  let committeeB: Session;
  let townshipOfficial: Session;
  let countyOfficial: Session;
  let committeeAUserId: string;
  let template: Buffer;

  beforeAll(async () => {
    h = await startHarness();
    const province = await makeOrganization(h.db, 'PROVINCE');
    const city = await makeOrganization(h.db, 'CITY', province.id);
    county = await makeOrganization(h.db, 'COUNTY', city.id, '东河县');
    township = await makeOrganization(h.db, 'SUBDISTRICT', county.id, '城关街道');
    communityA = await makeOrganization(h.db, 'COMMUNITY', township.id, '幸福社区');
    communityB = await makeOrganization(h.db, 'COMMUNITY', township.id, '和平社区');
    const a = await makeUser(h.db, [{ organizationId: communityA.id, role: 'RESIDENTS_COMMITTEE_OFFICIAL' }]);
    committeeAUserId = a.id;
    const b = await makeUser(h.db, [{ organizationId: communityB.id, role: 'RESIDENTS_COMMITTEE_OFFICIAL' }]);
    const t = await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }]);
    const c = await makeUser(h.db, [{ organizationId: county.id, role: 'COUNTY_APPROVER' }]);
    committeeA = await signIn(h.api, a.username);
    committeeB = await signIn(h.api, b.username);
    townshipOfficial = await signIn(h.api, t.username);
    countyOfficial = await signIn(h.api, c.username);
    const res = await committeeA.request({ url: '/api/v1/community-profiles/template.xlsx' });
    expect(res.statusCode).toBe(200);
    template = res.rawPayload;
  }, 120_000);
  afterAll(async () => h?.close());

  it('only the community’s own committee saves its profile; the township confirms it; each change is audited with its author', async () => {
    const url = `/api/v1/community-profiles/${communityA.id}/2025`;
    // Another community's committee does not even see it (404); the township sees it but does not keep it (403).
    expect((await committeeB.request({ method: 'PUT', url, payload: PROFILE_EXAMPLE })).statusCode).toBe(404);
    expect((await townshipOfficial.request({ method: 'PUT', url, payload: PROFILE_EXAMPLE })).statusCode).toBe(403);
    const saved = await committeeA.request({ method: 'PUT', url, payload: { ...PROFILE_EXAMPLE, expectedVersion: 0 } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'DRAFT', version: 1, officeSpaceM2: '320.50', households: 2800 });

    // A committee cannot confirm; the township confirms the version it read.
    expect((await committeeA.request({ method: 'POST', url: `${url}/confirm`, payload: { version: 1 } })).statusCode).toBe(403);
    expect((await townshipOfficial.request({ method: 'POST', url: `${url}/confirm`, payload: { version: 2 } })).statusCode).toBe(
      409,
    );
    const confirmed = await townshipOfficial.request({ method: 'POST', url: `${url}/confirm`, payload: { version: 1 } });
    expect(confirmed.json()).toMatchObject({ status: 'CONFIRMED', version: 1 });

    // A stale edit is refused and changes nothing; a fresh one goes back to DRAFT.
    const stale = await committeeA.request({
      method: 'PUT',
      url,
      payload: { ...PROFILE_EXAMPLE, socialWorkers: 0, expectedVersion: 0 },
    });
    expect(stale.statusCode).toBe(409);
    const edited = await committeeA.request({
      method: 'PUT',
      url,
      payload: { ...PROFILE_EXAMPLE, socialWorkers: 0, expectedVersion: 1 },
    });
    expect(edited.json()).toMatchObject({ status: 'DRAFT', version: 2, socialWorkers: 0, confirmedAt: null });

    const history = (await countyOfficial.request({ url: `${url}/history` })).json<
      { action: string; actorId: string; changed: string[] }[]
    >();
    expect(history.map((e) => e.action)).toEqual([
      'community-profile.updated',
      'community-profile.confirmed',
      'community-profile.created',
    ]);
    expect(history[0]).toMatchObject({ actorId: committeeAUserId, changed: ['socialWorkers'] });
    const audit = await h.db.auditEvent.findMany({
      where: { targetType: 'community-profile', action: 'community-profile.updated' },
    });
    expect(audit.some((e) => e.actorId === committeeAUserId && (e.data as { before: object }).before !== null)).toBe(true);

    // Bad input: 400 with the field named in both languages, nothing changed.
    const bad = await committeeA.request({
      method: 'PUT',
      url,
      payload: { ...PROFILE_EXAMPLE, officeSpaceM2: '300.123', registeredVolunteers: 99_999 },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ error: { fields: { path: string; message: { en: string } }[] } }>().error.fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['officeSpaceM2', 'registeredVolunteers']));
    expect((await h.db.communityProfile.findFirstOrThrow({ where: { communityOrgId: communityA.id, year: 2025 } })).version).toBe(
      2,
    );
  });

  it('an Excel import with errors reports each by sheet, row and column in both languages and imports nothing', async () => {
    const content = await fillTemplate(template, {
      profiles: [
        [communityA.code, 2024, 3000, 9000, 1, 5, 900, 2700, 100, 80, '300', '500'],
        [communityA.code, 2023, 'many', 9000, 1, 5, 900, 2700, 100, 80, '300', '500'],
        [communityB.code, 2024, 3000, 9000, 1, 5, 900, 2700, 100, 80, '300', '500'],
      ],
      members: [
        ...members(communityA.code, 2024, 3),
        [communityA.code, 2024, '钱委员', '书记', '本科', ''],
        [communityA.code, 2022, '孙委员', '委员', '本科', ''],
      ],
      estates: [[communityA.code, 2024, '新苑', 100, 120, '是', '否']],
    });
    const res = await committeeA.request({
      method: 'POST',
      url: '/api/v1/community-profiles/import',
      payload: { filename: 'profiles.xlsx', contentBase64: content },
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json<{ error: { details: { rowErrors: RowError[] } } }>().error.details.rowErrors;
    const at = (sheet: string, row: number) => errors.find((e) => e.sheet.startsWith(sheet) && e.row === row);
    expect(at('社区概况', 3)).toMatchObject({ column: 'C', field: 'households' });
    expect(at('社区概况', 3)!.message['zh-CN']).toContain('第 3 行 C 列');
    expect(at('社区概况', 3)!.message.en).toContain('Row 3, column C');
    expect(at('社区概况', 4)).toMatchObject({ column: 'A', field: 'communityCode' }); // community B is not A's to keep
    expect(at('居委会成员', 7)).toMatchObject({ column: 'D', field: 'position' });
    expect(at('居委会成员', 8)).toMatchObject({ field: 'communityCode' }); // no profile row for 2022
    expect(at('小区', 2)).toMatchObject({ column: 'E', field: 'occupiedHouseholds' });
    expect(at('小区', 2)!.message.en).toContain('Occupied households cannot exceed');
    expect(await h.db.communityProfile.count({ where: { communityOrgId: communityA.id, year: 2024 } })).toBe(0);
  });

  it('imports a correct workbook in one go, and exports it back in the same layout', async () => {
    const content = await fillTemplate(template, {
      profiles: [
        [communityA.code, 2024, 3000, 9000, 1, 5, 900, 2700, 100, 80, 300, '500.5'],
        [communityA.code, 2023, 2900, 8800, 0, 4, 800, 2000, 90, 70, '250', '500'],
      ],
      members: [...members(communityA.code, 2024, 3), ...members(communityA.code, 2023, 1)],
      estates: [[communityA.code, 2024, '新苑', 200, 100, '是', '否']],
    });
    const res = await committeeA.request({
      method: 'POST',
      url: '/api/v1/community-profiles/import',
      payload: { filename: 'profiles.xlsx', contentBase64: content },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ profiles: 2, changed: 2 });
    const p = (await townshipOfficial.request({ url: `/api/v1/community-profiles/${communityA.id}/2024` })).json<{
      officeSpaceM2: string;
      serviceCentreM2: string;
      committeeMembers: { name: string; position: string; education: string; trainings: string[] }[];
      estates: unknown[];
    }>();
    expect(p.officeSpaceM2).toBe('300.00');
    expect(p.serviceCentreM2).toBe('500.50');
    expect(p.committeeMembers[0]).toEqual({
      name: '王主任',
      position: 'DIRECTOR',
      education: 'BACHELOR',
      trainings: ['2024-03-01'],
    });
    expect(p.committeeMembers[3]!.trainings).toEqual(['2024-03-01', '2023-05-05']);
    expect(p.estates).toEqual([{ name: '新苑', households: 200, occupiedHouseholds: 100, isNew: true, hasCommittee: false }]);

    const exported = await countyOfficial.request({ url: '/api/v1/community-profiles/export.xlsx?year=2024' });
    expect(exported.statusCode).toBe(200);
    const reimport = await committeeA.request({
      method: 'POST',
      url: '/api/v1/community-profiles/import',
      payload: { filename: 'export.xlsx', contentBase64: exported.rawPayload.toString('base64') },
    });
    expect(reimport.json()).toEqual({ profiles: 1, changed: 0 });
  });

  it('the county reads indicators of its communities; a committee cannot, and nobody sees another county', async () => {
    const res = await countyOfficial.request({ url: '/api/v1/community-indicators?year=2024' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      indicators: { id: string; met: number; evaluated: number; missing: string[] }[];
      areas: { name: string }[];
      trend: { year: number; communitiesWithProfile: number }[];
    }>();
    const office = body.indicators.find((i) => i.id === 'CT-OFFICE-SPACE')!;
    expect(office).toMatchObject({ met: 1, evaluated: 1 });
    const estate = body.indicators.find((i) => i.id === 'CT-NEW-ESTATE')!;
    expect(estate).toMatchObject({ met: 0, evaluated: 1, missing: [communityA.id] });
    expect(body.areas.map((a) => a.name)).toEqual(['城关街道']);
    expect(body.trend.find((t) => t.year === 2023)!.communitiesWithProfile).toBe(1);
    expect((await committeeA.request({ url: '/api/v1/community-indicators?year=2024' })).statusCode).toBe(403);

    const otherCity = await makeOrganization(h.db, 'CITY', (await makeOrganization(h.db, 'PROVINCE')).id);
    const otherCounty = await makeOrganization(h.db, 'COUNTY', otherCity.id);
    const other = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: otherCounty.id, role: 'COUNTY_APPROVER' }])).username,
    );
    expect((await other.request({ url: `/api/v1/community-indicators?year=2024&organizationId=${county.id}` })).statusCode).toBe(
      404,
    );
    expect((await other.request({ url: `/api/v1/community-profiles/${communityA.id}/2024` })).statusCode).toBe(404);
    expect((await other.request({ url: '/api/v1/community-profiles?year=2024' })).json()).toEqual([]);
  });

  it('prompts the township once per prompt: a new estate at 50 % occupancy without a committee, far above 3,000 households, a director untrained this year', async () => {
    const url = `/api/v1/community-profiles/${communityB.id}/2026`;
    const figures = {
      ...PROFILE_EXAMPLE,
      households: 4501,
      officeSpaceM2: '400',
      committeeMembers: PROFILE_EXAMPLE.committeeMembers.map((m) =>
        m.position === 'DIRECTOR' ? { ...m, trainings: ['2025-12-31'] } : m,
      ),
      estates: [
        { name: '半满苑', households: 200, occupiedHouseholds: 100, isNew: true, hasCommittee: false },
        { name: '未满苑', households: 200, occupiedHouseholds: 99, isNew: true, hasCommittee: false },
        { name: '有会苑', households: 200, occupiedHouseholds: 200, isNew: true, hasCommittee: true },
      ],
    };
    expect((await committeeB.request({ method: 'PUT', url, payload: figures })).statusCode).toBe(200);
    // Saved again with another change: no second notification of the same prompts.
    expect((await committeeB.request({ method: 'PUT', url, payload: { ...figures, socialWorkers: 3 } })).statusCode).toBe(200);

    const notifications = await h.db.notification.findMany({
      where: { kind: 'community-profile.prompt', organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' },
    });
    const ofB = notifications.filter((n) => (n.params as { communityOrgId: string }).communityOrgId === communityB.id);
    expect(ofB.map((n) => (n.params as { prompt: string }).prompt).sort()).toEqual([
      'director-untrained',
      'far-above-households',
      'new-estate-without-committee',
    ]);
    const bell = (await townshipOfficial.request({ url: '/api/v1/notifications' })).json<{
      items: { kind: string; text: { 'zh-CN': string; en: string } }[];
    }>();
    const texts = bell.items.filter((n) => n.kind === 'community-profile.prompt').map((n) => n.text);
    expect(texts.map((x) => x['zh-CN'])).toEqual(expect.arrayContaining([expect.stringContaining('“半满苑”入住 100/200 户')]));
    expect(texts.map((x) => x.en)).toEqual(expect.arrayContaining([expect.stringContaining('4501 households')]));

    // The same prompts are items on the township's list (the dashboard), while they hold.
    const list = (await townshipOfficial.request({ url: '/api/v1/community-indicators?year=2026' })).json<{
      prompts: { communityOrgId: string; kind: string; message: { en: string } }[];
    }>();
    expect(list.prompts.filter((p) => p.communityOrgId === communityB.id).map((p) => p.kind)).toEqual([
      'new-estate-without-committee',
      'far-above-households',
      'director-untrained',
    ]);
  });

  it('prints the dashboard as a PDF report for the county, and refuses it to a committee', async () => {
    const res = await countyOfficial.request({ url: '/api/v1/community-indicators/report.pdf?year=2024' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(2000);
    expect((await committeeA.request({ url: '/api/v1/community-indicators/report.pdf?year=2024' })).statusCode).toBe(403);
  });
});
