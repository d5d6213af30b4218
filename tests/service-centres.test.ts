import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LightMyRequestResponse } from 'fastify';
import { PROFILE_EXAMPLE } from '../api/schemas/community-profiles';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { startHarness, type Harness } from './support/harness';

type Org = Awaited<ReturnType<typeof makeOrganization>>;
interface CentreIndicator {
  id: string;
  met: number;
  evaluated: number;
  meetsTarget: boolean;
  areas: { organizationId: string; passed: boolean; recorded: boolean }[];
}

const YEAR = 2026;
const centreUrl = (orgId: string, year = YEAR) => `/api/v1/service-centres/${orgId}/${year}`;

/**
 * Township and county service centres (issue 22, 鲁办发〔2012〕22号 二(三)1) and the city's civil-affairs office:
 * who keeps which record, the version guard, the audit of changes and refusals, and the dashboard's counts at
 * township, county and city level.
 */
describe('service centres of townships and counties, and the city civil-affairs reviewer', () => {
  let h: Harness;
  let city: Org;
  let cityBureau: Org;
  let countyA: Org;
  let bureauA: Org;
  let countyB: Org;
  let t1: Org;
  let t2: Org;
  let t3: Org;
  let community: Org;
  let township1: Session;
  let township2: Session;
  let countyReviewer: Session;
  let countyApprover: Session;
  let cityReviewer: Session;
  let admin: Session;
  let township1UserId: string;
  let cityReviewerUserId: string;

  beforeAll(async () => {
    h = await startHarness();
    const province = await makeOrganization(h.db, 'PROVINCE');
    city = await makeOrganization(h.db, 'CITY', province.id, '示范市');
    cityBureau = await makeOrganization(h.db, 'CIVIL_AFFAIRS_BUREAU', city.id, '示范市民政局');
    countyA = await makeOrganization(h.db, 'COUNTY', city.id, '东河县');
    bureauA = await makeOrganization(h.db, 'CIVIL_AFFAIRS_BUREAU', countyA.id, '东河县民政局');
    countyB = await makeOrganization(h.db, 'COUNTY', city.id, '西山区');
    t1 = await makeOrganization(h.db, 'TOWNSHIP', countyA.id, '青石镇');
    t2 = await makeOrganization(h.db, 'SUBDISTRICT', countyA.id, '城关街道');
    t3 = await makeOrganization(h.db, 'SUBDISTRICT', countyB.id, '南关街道');
    community = await makeOrganization(h.db, 'COMMUNITY', t2.id, '幸福社区');
    const u1 = await makeUser(h.db, [{ organizationId: t1.id, role: 'TOWNSHIP_OFFICIAL' }]);
    const u2 = await makeUser(h.db, [{ organizationId: t2.id, role: 'TOWNSHIP_OFFICIAL' }]);
    const ur = await makeUser(h.db, [{ organizationId: bureauA.id, role: 'COUNTY_CIVIL_AFFAIRS_REVIEWER' }]);
    const ua = await makeUser(h.db, [{ organizationId: countyA.id, role: 'COUNTY_APPROVER' }]);
    const uc = await makeUser(h.db, [{ organizationId: cityBureau.id, role: 'CITY_CIVIL_AFFAIRS_REVIEWER' }]);
    const ux = await makeUser(h.db, [{ organizationId: province.id, role: 'SYSTEM_ADMIN' }]);
    township1UserId = u1.id;
    cityReviewerUserId = uc.id;
    const sessions = await Promise.all([u1, u2, ur, ua, uc, ux].map((u) => signIn(h.api, u.username)));
    [township1, township2, countyReviewer, countyApprover, cityReviewer, admin] = sessions as [
      Session,
      Session,
      Session,
      Session,
      Session,
      Session,
    ];
  }, 120_000);
  afterAll(async () => h?.close());

  async function refusalRow(actorId: string, res: LightMyRequestResponse, path: string) {
    return h.db.auditEvent.findFirst({
      where: {
        actorId,
        outcome: 'refused',
        requestId: res.json<{ error: { requestId: string } }>().error.requestId,
        targetId: path,
      },
    });
  }

  it('a township’s own official keeps its centre; other townships, the county approver and the city are refused (and audited)', async () => {
    const url = centreUrl(t1.id);
    const body = { areaM2: '1000.00', hasOneStopHall: true, expectedVersion: 0 };
    const other = await township2.request({ method: 'PUT', url, payload: body });
    expect(other.statusCode).toBe(404); // 城关街道 does not even see 青石镇's record
    for (const session of [countyApprover, cityReviewer, countyReviewer]) {
      expect((await session.request({ method: 'PUT', url, payload: body })).statusCode).toBe(403);
    }
    const refused = await cityReviewer.request({ method: 'PUT', url, payload: body });
    expect(refused.statusCode).toBe(403);
    const row = await h.db.auditEvent.findFirst({
      where: { actorId: cityReviewerUserId, outcome: 'refused', targetId: url },
      orderBy: { seq: 'desc' },
    });
    expect(row?.reason).toBe('FORBIDDEN');
    expect(await refusalRow(cityReviewerUserId, refused, url)).not.toBeNull();
    expect(await h.db.serviceCentre.count({ where: { organizationId: t1.id } })).toBe(0);

    const saved = await township1.request({ method: 'PUT', url, payload: body });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      ruleId: 'CT-TOWNSHIP-CENTRE',
      record: { areaM2: '1000.00', hasOneStopHall: true, version: 1 },
      result: { passed: true },
      mayKeep: true,
    });
    // The county and the city read it, read-only.
    expect((await countyReviewer.request({ url })).json()).toMatchObject({ record: { version: 1 }, mayKeep: false });
    expect((await cityReviewer.request({ url })).json()).toMatchObject({ record: { version: 1 }, mayKeep: false });
  });

  it('a stale version is refused with 409 and changes nothing; each change is audited with its author and fields', async () => {
    const url = centreUrl(t1.id, 2025);
    expect(
      (await township1.request({ method: 'PUT', url, payload: { areaM2: '1500', hasOneStopHall: false, expectedVersion: 0 } }))
        .statusCode,
    ).toBe(200);
    const edited = await township1.request({
      method: 'PUT',
      url,
      payload: { areaM2: '1500', hasOneStopHall: true, expectedVersion: 1 },
    });
    expect(edited.json()).toMatchObject({ record: { version: 2, hasOneStopHall: true }, result: { passed: true } });
    const stale = await township1.request({
      method: 'PUT',
      url,
      payload: { areaM2: '999.99', hasOneStopHall: true, expectedVersion: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await township1.request({ url })).json()).toMatchObject({ record: { areaM2: '1500.00', version: 2 } });
    expect((await refusalRow(township1UserId, stale, url))?.reason).toBe('CONFLICT');

    const history = (await countyApprover.request({ url: `${url}/history` })).json<
      { action: string; actorId: string; changed: string[]; version: number }[]
    >();
    expect(history).toEqual([
      expect.objectContaining({
        action: 'service-centre.updated',
        actorId: township1UserId,
        changed: ['hasOneStopHall'],
        version: 2,
      }),
      expect.objectContaining({ action: 'service-centre.created', actorId: township1UserId, version: 1 }),
    ]);
  });

  it('bad input is 400 with a field error and changes nothing', async () => {
    const url = centreUrl(t2.id);
    const res = await township2.request({ method: 'PUT', url, payload: { areaM2: '1000.005', hasOneStopHall: true } });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('areaM2');
    expect(await h.db.serviceCentre.count({ where: { organizationId: t2.id } })).toBe(0);
  });

  it('the county’s centre is kept by its civil-affairs reviewer, not by its approver or its townships', async () => {
    const url = centreUrl(countyA.id);
    const body = { areaM2: '2999.99', hasOneStopHall: true, expectedVersion: 0 };
    expect((await countyApprover.request({ method: 'PUT', url, payload: body })).statusCode).toBe(403);
    expect((await township1.request({ method: 'PUT', url, payload: body })).statusCode).toBe(404);
    const saved = await countyReviewer.request({ method: 'PUT', url, payload: body });
    expect(saved.json()).toMatchObject({ ruleId: 'CT-COUNTY-CENTRE', result: { passed: false }, record: { version: 1 } });
    // The other county's record is beyond this reviewer.
    expect((await countyReviewer.request({ url: centreUrl(countyB.id) })).statusCode).toBe(404);
  });

  it('the dashboard counts the areas meeting each centre target of all in scope, at township, county and city level', async () => {
    // 青石镇 1000.00 + hall (meets); 城关街道 999.99 + hall (misses); 南关街道: no record (misses); 东河县 2999.99 (misses);
    // 西山区 3000.00 without a hall (misses).
    await township2.request({
      method: 'PUT',
      url: centreUrl(t2.id),
      payload: { areaM2: '999.99', hasOneStopHall: true, expectedVersion: 0 },
    });
    await h.db.serviceCentre.create({
      data: { organizationId: countyB.id, year: YEAR, areaM2: '3000.00', hasOneStopHall: false, updatedById: township1UserId },
    });
    const centresOf = async (session: Session, query = '') => {
      const res = await session.request({ url: `/api/v1/community-indicators?year=${YEAR}${query}` });
      expect(res.statusCode).toBe(200);
      return res.json<{ centres: CentreIndicator[] }>().centres;
    };
    const byId = (rows: CentreIndicator[], id: string) => rows.find((r) => r.id === id)!;

    const county = await centresOf(countyReviewer);
    expect(byId(county, 'CT-TOWNSHIP-CENTRE')).toMatchObject({ met: 1, evaluated: 2, meetsTarget: false });
    expect(
      byId(county, 'CT-TOWNSHIP-CENTRE')
        .areas.filter((a) => !a.passed)
        .map((a) => a.organizationId),
    ).toEqual([t2.id]);
    expect(byId(county, 'CT-COUNTY-CENTRE')).toMatchObject({ met: 0, evaluated: 1 });

    const cityView = await centresOf(cityReviewer);
    expect(byId(cityView, 'CT-TOWNSHIP-CENTRE')).toMatchObject({ met: 1, evaluated: 3 });
    expect(byId(cityView, 'CT-TOWNSHIP-CENTRE').areas.find((a) => a.organizationId === t3.id)).toMatchObject({
      recorded: false,
      passed: false,
    });
    expect(byId(cityView, 'CT-COUNTY-CENTRE')).toMatchObject({ met: 0, evaluated: 2 });
    // The city narrows to one county inside it; a township sees only itself.
    expect(byId(await centresOf(cityReviewer, `&organizationId=${countyB.id}`), 'CT-TOWNSHIP-CENTRE')).toMatchObject({
      met: 0,
      evaluated: 1,
    });
    const own = await centresOf(township1);
    expect(byId(own, 'CT-TOWNSHIP-CENTRE')).toMatchObject({ met: 1, evaluated: 1, meetsTarget: true });
    expect(byId(own, 'CT-COUNTY-CENTRE')).toMatchObject({ evaluated: 0, meetsTarget: false });

    // The Excel export carries the same outcomes, area by area; the PDF report is there for the city too.
    const xlsx = await cityReviewer.request({ url: `/api/v1/community-indicators/export.xlsx?year=${YEAR}` });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('服务中心 Service centres')!;
    const rows: string[][] = [];
    sheet.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : ''))),
    );
    const outcome = (name: string) => rows.find((r) => r[1] === name)?.[4];
    expect([outcome('青石镇'), outcome('城关街道'), outcome('南关街道'), outcome('东河县'), outcome('西山区')]).toEqual([
      '✓',
      '✗',
      '✗',
      '✗',
      '✗',
    ]);
    const pdf = await cityReviewer.request({ url: `/api/v1/community-indicators/report.pdf?year=${YEAR}` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('CITY_CIVIL_AFFAIRS_REVIEWER reads the city’s profiles and dashboard, changes nothing, and has no part in procedures', async () => {
    const profileUrl = `/api/v1/community-profiles/${community.id}/${YEAR}`;
    const committee = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: community.id, role: 'RESIDENTS_COMMITTEE_OFFICIAL' }])).username,
    );
    expect(
      (await committee.request({ method: 'PUT', url: profileUrl, payload: { ...PROFILE_EXAMPLE, expectedVersion: 0 } }))
        .statusCode,
    ).toBe(200);
    expect((await cityReviewer.request({ url: profileUrl })).statusCode).toBe(200);
    expect((await cityReviewer.request({ url: `/api/v1/community-profiles?year=${YEAR}` })).json()).toHaveLength(1);
    expect((await cityReviewer.request({ method: 'PUT', url: profileUrl, payload: PROFILE_EXAMPLE })).statusCode).toBe(403);
    expect(
      (await cityReviewer.request({ method: 'POST', url: `${profileUrl}/confirm`, payload: { version: 1 } })).statusCode,
    ).toBe(403);
    const dashboard = await cityReviewer.request({ url: `/api/v1/community-indicators?year=${YEAR}` });
    expect(dashboard.json()).toMatchObject({ organization: { id: city.id } });
    // Procedures: no smoke case, no elections, no tasks' supervision view.
    expect((await cityReviewer.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: 'x' } })).statusCode).toBe(
      403,
    );
    expect((await cityReviewer.request({ url: '/api/v1/elections' })).statusCode).toBe(403);
  });

  it('the city role sits only at a city’s civil-affairs bureau (400 role_misplaced elsewhere, nothing added)', async () => {
    const user = await makeUser(h.db, [{ organizationId: countyA.id, role: 'COUNTY_APPROVER' }]);
    const url = `/api/v1/users/${user.id}/memberships`;
    for (const organizationId of [bureauA.id, city.id, countyA.id]) {
      const res = await admin.request({ method: 'POST', url, payload: { organizationId, role: 'CITY_CIVIL_AFFAIRS_REVIEWER' } });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain('role_misplaced');
    }
    expect(await h.db.membership.count({ where: { userId: user.id, role: 'CITY_CIVIL_AFFAIRS_REVIEWER' } })).toBe(0);
    const placed = await admin.request({
      method: 'POST',
      url,
      payload: { organizationId: cityBureau.id, role: 'CITY_CIVIL_AFFAIRS_REVIEWER' },
    });
    expect(placed.statusCode).toBe(200);
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: `city-${Date.now()}`,
        displayName: '市局',
        password: 'a long enough password 2026',
        memberships: [{ organizationId: countyA.id, role: 'CITY_CIVIL_AFFAIRS_REVIEWER' }],
      },
    });
    expect(created.statusCode).toBe(400);
    expect(JSON.stringify(created.json())).toContain('memberships.0.role');
  });
});
