// The demo data set offered on a fresh start (APP_MODE=demo, the default for `npm start`); production never seeds.
// Every organization code starts with DEMO- and every user is flagged is_demo. Passwords are documented in README.
import { provideDemoSigners } from '../runtime/official-documents/demo-signers';
import type { OrgKind, Role } from '../prisma/generated/client';
import { createDb, type DbTx } from '../runtime/db';
import { appendAudit } from '../runtime/audit';
import { createOrganization } from '../runtime/organizations';
import { createUser } from '../api/services/users/create-user';
import { residentIdCheckChar } from '../domain/resident-id';
import { chinaDateOf } from '../domain/clock';

/** The one password of every demo account (documented in README; demo only). */
export const DEMO_PASSWORD = 'demo-2026-pass';

interface OrgSeed {
  key: string;
  code: string;
  name: string;
  nameEn: string;
  kind: OrgKind;
  children?: OrgSeed[];
}

export const DEMO_TREE: OrgSeed = {
  key: 'province',
  code: 'DEMO-37',
  name: '山东省（演示）',
  nameEn: 'Shandong (demo)',
  kind: 'PROVINCE',
  children: [
    {
      key: 'city',
      code: 'DEMO-3701',
      name: '示范市',
      nameEn: 'Demo City',
      kind: 'CITY',
      children: [
        {
          key: 'city-mz',
          code: 'DEMO-3701-MZ',
          name: '示范市民政局',
          nameEn: 'Demo City Civil Affairs Bureau',
          kind: 'CIVIL_AFFAIRS_BUREAU',
        },
        {
          key: 'donghe',
          code: 'DEMO-370101',
          name: '东河县',
          nameEn: 'Donghe County',
          kind: 'COUNTY',
          children: [
            {
              key: 'donghe-mz',
              code: 'DEMO-370101-MZ',
              name: '东河县民政局',
              nameEn: 'Donghe Civil Affairs Bureau',
              kind: 'CIVIL_AFFAIRS_BUREAU',
            },
            {
              key: 'donghe-zj',
              code: 'DEMO-370101-ZJ',
              name: '东河县住房和城乡建设局',
              nameEn: 'Donghe Housing Bureau',
              kind: 'DEPARTMENT',
            },
            {
              key: 'qingshi',
              code: 'DEMO-370101001',
              name: '青石镇',
              nameEn: 'Qingshi Township',
              kind: 'TOWNSHIP',
              children: [
                { key: 'liushu', code: 'DEMO-370101001201', name: '柳树村', nameEn: 'Liushu Village', kind: 'VILLAGE' },
                { key: 'taoyuan', code: 'DEMO-370101001202', name: '桃园村', nameEn: 'Taoyuan Village', kind: 'VILLAGE' },
              ],
            },
            {
              key: 'chengguan',
              code: 'DEMO-370101002',
              name: '城关街道',
              nameEn: 'Chengguan Sub-district',
              kind: 'SUBDISTRICT',
              children: [
                {
                  key: 'xingfu',
                  code: 'DEMO-370101002001',
                  name: '幸福社区',
                  nameEn: 'Xingfu Community',
                  kind: 'COMMUNITY',
                  children: [
                    {
                      key: 'xingfu-ec',
                      code: 'DEMO-370101002001-EC',
                      name: '幸福社区选举委员会',
                      nameEn: 'Xingfu Election Committee',
                      kind: 'ELECTION_COMMITTEE',
                    },
                    {
                      key: 'sunshine-oc',
                      code: 'DEMO-370101002001-OC1',
                      name: '阳光花园业主委员会',
                      nameEn: "Sunshine Garden Owners' Committee",
                      kind: 'OWNERS_COMMITTEE',
                    },
                  ],
                },
                { key: 'heping', code: 'DEMO-370101002002', name: '和平社区', nameEn: 'Heping Community', kind: 'COMMUNITY' },
              ],
            },
          ],
        },
        {
          key: 'xishan',
          code: 'DEMO-370102',
          name: '西山区',
          nameEn: 'Xishan District',
          kind: 'COUNTY',
          children: [
            {
              key: 'xishan-mz',
              code: 'DEMO-370102-MZ',
              name: '西山区民政局',
              nameEn: 'Xishan Civil Affairs Bureau',
              kind: 'CIVIL_AFFAIRS_BUREAU',
            },
            {
              key: 'nanguan',
              code: 'DEMO-370102001',
              name: '南关街道',
              nameEn: 'Nanguan Sub-district',
              kind: 'SUBDISTRICT',
              children: [
                { key: 'xinhua', code: 'DEMO-370102001001', name: '新华社区', nameEn: 'Xinhua Community', kind: 'COMMUNITY' },
              ],
            },
          ],
        },
      ],
    },
  ],
};

/**
 * The demo resident's ID number (real-name account; a made-up number valid by GB 11643, born 1988-07-01): the
 * migrant application demo files under it, as EL-SELF requires.
 */
export const DEMO_APPLICANT_ID_NUMBER = `37010219880701201${residentIdCheckChar('37010219880701201')}`;

/** One user per role (and a second county for "foreign organization" checks). */
export const DEMO_USERS: { username: string; displayName: string; org: string; role: Role; idNumber?: string }[] = [
  { username: 'admin', displayName: '系统管理员', org: 'province', role: 'SYSTEM_ADMIN' },
  { username: 'county.approver', displayName: '东河县 审批人', org: 'donghe', role: 'COUNTY_APPROVER' },
  { username: 'county.reviewer', displayName: '东河县民政局 审核人', org: 'donghe-mz', role: 'COUNTY_CIVIL_AFFAIRS_REVIEWER' },
  { username: 'township.official', displayName: '青石镇 工作人员', org: 'qingshi', role: 'TOWNSHIP_OFFICIAL' },
  { username: 'subdistrict.official', displayName: '城关街道 工作人员', org: 'chengguan', role: 'TOWNSHIP_OFFICIAL' },
  { username: 'village.official', displayName: '柳树村 村委会', org: 'liushu', role: 'VILLAGE_COMMITTEE_OFFICIAL' },
  { username: 'rc.official', displayName: '幸福社区 居委会', org: 'xingfu', role: 'RESIDENTS_COMMITTEE_OFFICIAL' },
  { username: 'election.member', displayName: '幸福社区 选委会委员', org: 'xingfu-ec', role: 'ELECTION_COMMITTEE_MEMBER' },
  { username: 'owners.member', displayName: '阳光花园 业委会委员', org: 'sunshine-oc', role: 'OWNERS_COMMITTEE_MEMBER' },
  { username: 'dept.applicant', displayName: '县住建局 申请人', org: 'donghe-zj', role: 'DEPARTMENT_APPLICANT' },
  { username: 'applicant', displayName: '张三（居民）', org: 'xingfu', role: 'APPLICANT', idNumber: DEMO_APPLICANT_ID_NUMBER },
  { username: 'xishan.approver', displayName: '西山区 审批人', org: 'xishan', role: 'COUNTY_APPROVER' },
  { username: 'city.official', displayName: '示范市民政局 审核人', org: 'city-mz', role: 'CITY_CIVIL_AFFAIRS_REVIEWER' },
];

/**
 * Service centres of the demo's townships and counties (二(三)1), each kept by the area's own official (南关街道, which has no
 * demo official, by the administrator), for this China year and the one before: 青石镇 and 东河县 meet their targets, 城关街道 is 0.01 m² short, 南关街道 has no 一站式 hall, 西山区
 * has kept no record (so the dashboard shows each way of missing the target).
 */
export const DEMO_SERVICE_CENTRES: { org: string; keeper: string; areaM2: string; hasOneStopHall: boolean }[] = [
  { org: 'qingshi', keeper: 'township.official', areaM2: '1200.00', hasOneStopHall: true },
  { org: 'chengguan', keeper: 'subdistrict.official', areaM2: '999.99', hasOneStopHall: true },
  { org: 'nanguan', keeper: 'admin', areaM2: '1350.00', hasOneStopHall: false },
  { org: 'donghe', keeper: 'county.reviewer', areaM2: '3000.00', hasOneStopHall: true },
];

/** Creates the demo tree and users in one transaction; returns organization ids by key. */
export async function seedDemo(tx: DbTx): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const walk = async (node: OrgSeed, parentId?: string) => {
    const org = await createOrganization(tx, {
      code: node.code,
      name: node.name,
      nameEn: node.nameEn,
      kind: node.kind,
      parentId,
    });
    ids[node.key] = org.id;
    for (const child of node.children ?? []) await walk(child, org.id);
  };
  await walk(DEMO_TREE);
  const userIds: Record<string, string> = {};
  for (const user of DEMO_USERS) {
    const orgId = ids[user.org];
    if (!orgId) throw new Error(`demo user ${user.username}: unknown organization ${user.org}`);
    userIds[user.username] = (
      await createUser(tx, {
        username: user.username,
        displayName: user.displayName,
        password: DEMO_PASSWORD,
        idNumber: user.idNumber,
        isDemo: true,
        memberships: [{ organizationId: orgId, role: user.role }],
      })
    ).id;
  }
  const thisYear = Number(chinaDateOf(new Date()).slice(0, 4));
  for (const centre of DEMO_SERVICE_CENTRES) {
    for (const year of [thisYear - 1, thisYear]) {
      const row = await tx.serviceCentre.create({
        data: {
          organizationId: ids[centre.org]!,
          year,
          areaM2: centre.areaM2,
          hasOneStopHall: centre.hasOneStopHall,
          updatedById: userIds[centre.keeper]!,
        },
      });
      await appendAudit(tx, {
        action: 'service-centre.created',
        targetType: 'service-centre',
        targetId: row.id,
        actorId: userIds[centre.keeper]!,
        actingOrgId: ids[DEMO_USERS.find((u) => u.username === centre.keeper)!.org]!,
        outcome: 'success',
        data: { organizationId: row.organizationId, year, version: 1, source: 'demo', changed: ['areaM2', 'hasOneStopHall'] },
      });
    }
  }
  await appendAudit(tx, {
    action: 'demo.seeded',
    targetType: 'system',
    outcome: 'success',
    data: { organizations: Object.keys(ids).length, users: DEMO_USERS.length },
  });
  return ids;
}

/** Seeds the demo only into a database without organizations. */
export async function seedDemoIfEmpty(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const db = createDb(databaseUrl, { poolSize: 2 });
  try {
    if ((await db.organization.count()) === 0) {
      await db.$transaction((tx) => seedDemo(tx), { timeout: 60_000 });
      log(`demo data seeded (演示数据): ${DEMO_USERS.length} users, password "${DEMO_PASSWORD}" — see README`);
    }
    // The demo's issuing organs sign their 公文 with keys from a demo CA (made here, idempotent: once per organ).
    await provideDemoSigners(
      db,
      await db.organization.findMany({
        where: { code: { startsWith: 'DEMO-' }, kind: { in: ['COUNTY', 'TOWNSHIP', 'SUBDISTRICT'] } },
      }),
    );
  } finally {
    await db.$disconnect();
  }
}
