import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';

const root = join(__dirname, '..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Functions (declared or arrow) taking a `Caller` and returning a Prisma where input: the scope builders. */
function callerWhereBuilders(source: string): string[] {
  const pattern = /(?:function\s+(\w+)\s*|const\s+(\w+)\s*=\s*)\(([^)]*)\)\s*:\s*Prisma\.\w+WhereInput/g;
  return [...source.matchAll(pattern)].filter((m) => /\bCaller\b/.test(m[3]!)).map((m) => m[1] ?? m[2]!);
}

describe('scope builders: one place for who sees what', () => {
  it('keeps every where builder that depends on the caller in api/authz/', () => {
    const all = sourcesUnder(join(root, 'api')).flatMap((file) =>
      callerWhereBuilders(readFileSync(file, 'utf8')).map((name) => `${relative(root, file)}: ${name}`),
    );
    // The scan finds the builders (it is not vacuous) …
    expect(all).toEqual(
      expect.arrayContaining(['api/authz/case-scope.ts: casesInScope', 'api/authz/task-scope.ts: actionableTaskWhere']),
    );
    // … and none outside api/authz/.
    expect(all.filter((entry) => !entry.startsWith('api/authz/'))).toEqual([]);
  });

  describe('one case scope', () => {
    let h: Harness;
    let neighbour: Session;
    let resident: Session;
    let committee: Session;
    const cases: Record<'residents' | 'neighbours' | 'committees' | 'offeredToResidents', string> = {
      residents: '',
      neighbours: '',
      committees: '',
      offeredToResidents: '',
    };

    beforeAll(async () => {
      h = await startHarness();
      const township = await makeOrganization(h.db, 'TOWNSHIP');
      const community = await makeOrganization(h.db, 'COMMUNITY', township.id);
      const residentUser = await makeUser(h.db, [{ organizationId: community.id, role: 'APPLICANT' }]);
      const neighbourUser = await makeUser(h.db, [{ organizationId: community.id, role: 'APPLICANT' }]);
      const official = await makeUser(h.db, [{ organizationId: community.id, role: 'RESIDENTS_COMMITTEE_OFFICIAL' }]);
      resident = await signIn(h.api, residentUser.username);
      neighbour = await signIn(h.api, neighbourUser.username);
      committee = await signIn(h.api, official.username);
      const open = async (title: string, openedById: string) => {
        const id = randomUUID();
        await h.db.case.create({
          data: {
            id,
            procedure: 'smoke',
            number: `SMK-2026-T${id.slice(0, 6)}`,
            title,
            organizationId: community.id,
            workflowId: `scope-${id}`,
            ruleSetVersion: 'smoke-1',
            openedById,
          },
        });
        return id;
      };
      cases.residents = await open('居民本人的申请', residentUser.id);
      cases.neighbours = await open('邻居的申请', neighbourUser.id);
      cases.committees = await open('居委会的案件', official.id);
      cases.offeredToResidents = await open('交由本社区居民办理的案件', official.id);
      await h.db.task.create({
        data: {
          id: randomUUID(),
          caseId: cases.offeredToResidents,
          kind: 'smoke.review',
          formId: 'smoke-review',
          candidateOrgId: community.id,
          candidateRole: 'APPLICANT',
          candidateOrgAncestors: [township.id, community.id],
        },
      });
    }, 120_000);
    afterAll(async () => h?.close());

    const listed = async (session: Session) =>
      (await session.request({ url: '/api/v1/cases?limit=50' })).json<{ id: string }[]>().map((c) => c.id);

    it("lets a resident read only the cases they opened and those with a task offered to them, never a neighbour's", async () => {
      expect(await listed(resident)).toEqual(expect.arrayContaining([cases.residents, cases.offeredToResidents]));
      expect(await listed(resident)).not.toEqual(expect.arrayContaining([cases.neighbours]));
      expect(await listed(resident)).not.toEqual(expect.arrayContaining([cases.committees]));
      expect((await resident.request({ url: `/api/v1/cases/${cases.residents}` })).statusCode).toBe(200);
      expect((await resident.request({ url: `/api/v1/cases/${cases.offeredToResidents}` })).statusCode).toBe(200);
      expect((await resident.request({ url: `/api/v1/cases/${cases.neighbours}` })).statusCode).toBe(404);
      expect((await resident.request({ url: `/api/v1/cases/${cases.committees}` })).statusCode).toBe(404);
      // The neighbour, in the same community, reads their own and the one offered to residents, nothing of the resident's.
      expect(await listed(neighbour)).toContain(cases.neighbours);
      expect((await neighbour.request({ url: `/api/v1/cases/${cases.residents}` })).statusCode).toBe(404);
      expect((await neighbour.request({ url: `/api/v1/cases/${cases.offeredToResidents}` })).statusCode).toBe(200);
    });

    it("lets an official read every case of their organization's subtree", async () => {
      expect(await listed(committee)).toEqual(expect.arrayContaining(Object.values(cases)));
    });
  });
});
