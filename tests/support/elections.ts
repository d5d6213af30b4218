import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { residentIdCheckChar } from '../../domain/resident-id';
import type { Db } from '../../runtime/db';
import { expect } from '@jest/globals';
import { addDays, chinaDateOf } from '../../domain/clock';
import { makeOrganization, makeUser, signIn, type Session } from './factories';
import { TINY_PDF_BASE64 } from './fixtures';
import type { Harness } from './harness';

/** A valid resident ID number for a birth date (region 370102, 济南市历下区), sequence varied for uniqueness. */
export function idFor(birthDate: string, sequence = '123'): string {
  const first17 = `370102${birthDate.replace(/-/g, '')}${sequence}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

/**
 * An election of `communityOrgId` open for registration (migrant applications, voter imports): the township starts
 * it over the API and completes its set-up task (election day 25 days ahead). Returns the election id.
 */
export async function electionInRegistration(
  db: Db,
  township: { request(options: InjectOptions): Promise<LightMyRequestResponse> },
  communityOrgId: string,
  electionDate: string,
): Promise<string> {
  const started = await township.request({
    method: 'POST',
    url: '/api/v1/elections',
    payload: { communityOrgId, restructuringComplete: true },
  });
  if (started.statusCode !== 201) throw new Error(`election start: ${started.statusCode} ${started.body}`);
  const electionId = started.json<{ id: string }>().id;
  const deadline = Date.now() + 15_000;
  let setup = await db.task.findFirst({ where: { caseId: electionId, kind: 'election.setup', status: 'OPEN' } });
  while (!setup && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    setup = await db.task.findFirst({ where: { caseId: electionId, kind: 'election.setup', status: 'OPEN' } });
  }
  if (!setup) throw new Error('no election set-up task');
  const committeeMembers = [
    { name: '陈主任', position: 'chair' },
    { name: '刘委员', position: 'member' },
    { name: '孙委员', position: 'member' },
  ];
  const done = await township.request({
    method: 'POST',
    url: `/api/v1/tasks/${setup.id}/complete`,
    payload: { payload: { electionDate, seats: 5, method: 'direct', committeeMembers } },
  });
  if (done.statusCode !== 200) throw new Error(`election set-up: ${done.statusCode} ${done.body}`);
  return electionId;
}

/** Ten residents of 幸福社区 with ID numbers valid by GB 11643, five in each of two residents' groups. */
export const TEN_RESIDENTS = Array.from({ length: 10 }, (_, i) => ({
  name: `居民${i + 1}`,
  idNumber: idFor(`19${70 + i}-0${(i % 9) + 1}-15`, `1${String(i).padStart(2, '0')}`),
  group: i < 5 ? '第一居民小组' : '第二居民小组',
}));

/** A voter-list import file (CSV with a byte-order mark, as Excel saves it) of these residents of 幸福社区. */
export function residentsCsv(rows: { name: string; idNumber: string; group?: string }[]): Buffer {
  return Buffer.from(
    `\uFEFF姓名,身份证号码,住址,居民小组\n${rows.map((r) => `${r.name},${r.idNumber},幸福社区,${r.group ?? ''}`).join('\n')}\n`,
  );
}

/** What a migrant's application to vote in 幸福社区 says besides who they are: residence since `residenceSince`, with evidence. */
export function migrantResidence(residenceSince: string) {
  return {
    address: '幸福社区 3 号楼 2 单元 101 室',
    residenceSince,
    hasLegalFixedResidence: true,
    residenceEvidence: '房屋租赁合同（已备案）',
    politicalRightsDeprived: false,
    registeredElsewhere: false,
    declarationTrue: true,
    documents: [{ filename: '租赁合同.pdf', mimeType: 'application/pdf', contentBase64: TINY_PDF_BASE64 }],
  };
}

/** 青石镇 of a county of its own, with its community 柳树社区 (no election committee yet) and a township official signed in. */
export async function townshipAndCommunity(h: Harness) {
  const county = await makeOrganization(h.db, 'COUNTY');
  const town = await makeOrganization(h.db, 'TOWNSHIP', county.id, '青石镇');
  const community = await makeOrganization(h.db, 'COMMUNITY', town.id, '柳树社区');
  const user = await makeUser(h.db, [{ organizationId: town.id, role: 'TOWNSHIP_OFFICIAL' }]);
  return { town, community, user, township: await signIn(h.api, user.username) };
}

/** The township completes the open set-up of an election (30 days ahead, five seats, one committee member): 200. */
export async function completeElectionSetup(h: Harness, township: Session, caseId: string): Promise<void> {
  const setup = await h.db.task.findFirstOrThrow({ where: { caseId, kind: 'election.setup', status: 'OPEN' } });
  const payload = {
    electionDate: addDays(chinaDateOf(new Date()), 30),
    seats: 5,
    method: 'direct',
    committeeMembers: [{ name: '吴主任', position: 'chair' }],
  };
  expect(
    (await township.request({ method: 'POST', url: `/api/v1/tasks/${setup.id}/complete`, payload: { payload } })).statusCode,
  ).toBe(200);
}
