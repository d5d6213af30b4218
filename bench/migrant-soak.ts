import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { residentIdCheckChar } from '../domain/resident-id';
import { sessionIdFromToken } from '../api/services/auth/sessions';
import { DEMO_PASSWORD } from '../scripts/demo-seed';
import { HttpSession } from './http-session';

export interface SoakApplicant {
  /** Index of the application (`migrantApplication(n)`): its applicant's own ID number. */
  n: number;
  session: HttpSession;
  electionId: string;
}

/** Elections in registration and a source of fresh applicants for them (one application per applicant). */
export interface MigrantSoak {
  elections: string[];
  /** `count` new APPLICANT accounts with sessions, spread over the elections' communities, inserted in bulk. */
  applicants(count: number): Promise<SoakApplicant[]>;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * For the soak: `communities` new communities of the demo's 城关街道, each with an election in registration (started
 * and set up over HTTP by the sub-district's official), and applicants for them on demand, each with a session
 * (inserted in bulk: the soak measures applications, not thousands of password checks).
 */
export async function prepareMigrantSoak(
  apiUrl: string,
  databaseUrl: string,
  options: { communities: number },
): Promise<MigrantSoak> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  let communities: string[];
  const elections: string[] = [];
  try {
    const parent = (
      await pool.query<{ id: string; path: string }>(`SELECT id, path FROM organization WHERE code = 'DEMO-370101002'`)
    ).rows[0]!;
    communities = Array.from({ length: options.communities }, () => randomUUID());
    await pool.query(
      `INSERT INTO organization (id, code, name, kind, parent_id, path, updated_at)
       SELECT id, 'BENCH-SOAK-' || n, '压测社区' || n, 'COMMUNITY', $1, $2 || id || '/', now() FROM unnest($3::uuid[]) WITH ORDINALITY AS c(id, n)`,
      [parent.id, parent.path, communities],
    );
    const official = await HttpSession.signIn(apiUrl, 'subdistrict.official', DEMO_PASSWORD);
    for (const communityOrgId of communities) {
      const election = await official.request<{ id: string }>('POST', '/api/v1/elections', {
        communityOrgId,
        restructuringComplete: true,
      });
      const setup = (
        await pool.query<{ id: string }>(
          `SELECT id FROM task WHERE case_id = $1 AND kind = 'election.setup' AND status = 'OPEN'`,
          [election.id],
        )
      ).rows[0];
      if (!setup) throw new Error(`election ${election.id}: no setup task`);
      const committeeMembers = [
        { name: '陈主任', position: 'chair' },
        { name: '刘委员', position: 'member' },
        { name: '孙委员', position: 'member' },
      ];
      await official.request('POST', `/api/v1/tasks/${setup.id}/complete`, {
        payload: { electionDate: day(25), seats: 5, method: 'direct', committeeMembers },
      });
      elections.push(election.id);
    }
  } finally {
    await pool.end();
  }
  let issued = 0;
  const tag = Date.now().toString(36);
  return {
    elections,
    async applicants(count) {
      const first = issued;
      issued += count;
      const users = Array.from({ length: count }, (_, k) => ({
        n: first + k,
        id: randomUUID(),
        membership: randomUUID(),
        community: communities[(first + k) % communities.length]!,
        token: randomBytes(32).toString('base64url'),
        csrf: randomBytes(32).toString('base64url'),
      }));
      const db = new pg.Pool({ connectionString: databaseUrl, max: 1 });
      try {
        await db.query(
          `INSERT INTO app_user (id, username, display_name, password_hash, id_number, updated_at)
           SELECT id, 'bench.migrant.' || $2 || '.' || n, '压测申请人' || n, '!', id_number, now() FROM unnest($1::uuid[], $3::text[], $4::int[]) AS u(id, id_number, n)`,
          // Real-name accounts: applicant n files migrantApplication(n), under the ID number bound here (EL-SELF).
          [users.map((u) => u.id), tag, users.map((u) => migrantApplication(u.n).idNumber), users.map((u) => u.n)],
        );
        await db.query(
          `INSERT INTO membership (id, user_id, organization_id, role) SELECT * , 'APPLICANT'::"Role" FROM unnest($1::uuid[], $2::uuid[], $3::uuid[])`,
          [users.map((u) => u.membership), users.map((u) => u.id), users.map((u) => u.community)],
        );
        await db.query(
          `INSERT INTO session (id, user_id, membership_id, csrf_token, expires_at) SELECT *, now() + interval '8 hours' FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[])`,
          [
            users.map((u) => sessionIdFromToken(u.token)),
            users.map((u) => u.id),
            users.map((u) => u.membership),
            users.map((u) => u.csrf),
          ],
        );
      } finally {
        await db.end();
      }
      return users.map((u) => ({
        n: u.n,
        session: HttpSession.fromToken(apiUrl, u.token, u.csrf),
        electionId: elections[communities.indexOf(u.community)]!,
      }));
    },
  };
}

/** A migrant's application: adult, resident for two years, distinct ID number per `i` (valid check digit). */
export function migrantApplication(i: number) {
  const birth = new Date(Date.UTC(1970, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10);
  const first17 = `370102${birth.replace(/-/g, '')}${String(Math.floor(i / 3650) % 1000).padStart(3, '0')}`;
  return {
    name: `压测申请人${i}`,
    idNumber: `${first17}${residentIdCheckChar(first17)}`,
    birthDate: birth,
    address: `压测社区 ${i} 号`,
    residenceSince: day(-730),
    hasLegalFixedResidence: true,
    residenceEvidence: '房屋租赁合同（已备案）、居住证',
    politicalRightsDeprived: false,
    registeredElsewhere: false,
    declarationTrue: true,
  };
}
