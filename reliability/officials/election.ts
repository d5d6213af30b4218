import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../domain/errors';
import { addDays, chinaDateOf } from '../../domain/clock';
import { residentIdCheckChar } from '../../domain/resident-id';
import type { Caller, CallerMembership } from '../../api/plugins/app/auth';
import { createSession } from '../../api/services/auth/sessions';
import { createOrganization } from '../../runtime/organizations';
import { createUser } from '../../api/services/users/create-user';
import { startElection } from '../../api/services/election/start-election';
import { Official } from '../official';
import { completeStep, retryDb, waitFor, type CaseExpectation, type ChaosContext } from './steps';

const CANDIDATES = ['候选甲', '候选乙', '候选丙', '候选丁'];

function residentId(birthDate: string, sequence: number): string {
  const first17 = `370102${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

/**
 * 居委会选举: one community (and election committee) per case under 城关街道, because a community runs one election at
 * a time. The sub-district office sets it up and records the handover; the committee imports five voters, publishes
 * the list, names four candidates for three seats and records the result.
 */
export async function electionOfficials(ctx: ChaosContext, count: number) {
  const { db } = ctx;
  const township = await ctx.signIn('subdistrict.official');
  const subdistrict = await db.organization.findUniqueOrThrow({ where: { code: 'DEMO-370101002' } });
  const townshipUser = await db.user.findUniqueOrThrow({
    where: { username: 'subdistrict.official' },
    include: { memberships: true },
  });
  const membership: CallerMembership = {
    id: townshipUser.memberships[0]!.id,
    organizationId: subdistrict.id,
    organizationName: subdistrict.name,
    organizationKind: subdistrict.kind,
    organizationPath: subdistrict.path,
    role: 'TOWNSHIP_OFFICIAL',
  };
  const caller: Caller = {
    userId: townshipUser.id,
    username: townshipUser.username,
    displayName: townshipUser.displayName,
    sessionId: 'chaos',
    csrfToken: 'chaos',
    mustChangePassword: false,
    membership,
    memberships: [membership],
  };

  // Communities with their election committees, and one committee member with a membership (and session) in each.
  const run = randomBytes(3).toString('hex');
  const communities: { id: string; committeeId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const community = await createOrganization(db, {
      code: `CHAOS-${run}-${i}`,
      name: `可靠性社区${i}`,
      kind: 'COMMUNITY',
      parentId: subdistrict.id,
    });
    const committee = await createOrganization(db, {
      code: `CHAOS-${run}-${i}-EC`,
      name: `可靠性社区${i}选举委员会`,
      kind: 'ELECTION_COMMITTEE',
      parentId: community.id,
    });
    communities.push({ id: community.id, committeeId: committee.id });
  }
  const member = await createUser(db, {
    username: `chaos.ec.${run}`,
    displayName: '可靠性 选委会委员',
    password: randomBytes(16).toString('hex'),
    memberships: communities.map((c) => ({ organizationId: c.committeeId, role: 'ELECTION_COMMITTEE_MEMBER' as const })),
  });
  const committees = await Promise.all(
    communities.map(async (c, i) => {
      const m = member.memberships.find((x) => x.organizationId === c.committeeId)!;
      return Official.fromSession(`ec-${i}`, ctx.apiUrl, await createSession(db, { userId: member.id, membershipId: m.id }));
    }),
  );

  /** Starts the community's election; a retry after a lost answer finds the election already running (409). */
  async function start(communityOrgId: string): Promise<string> {
    for (;;) {
      try {
        const row = await startElection({
          db,
          temporal: ctx.temporal,
          taskQueue: ctx.taskQueue,
          caller,
          communityOrgId,
          restructuringComplete: false,
          requestId: 'chaos',
        });
        return row.id;
      } catch (error) {
        if (error instanceof AppError && error.code === 'CONFLICT') return (error.details as { electionId: string }).electionId;
        if (error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE') continue; // the case failed to start; a new one
        await sleep(500);
      }
    }
  }

  /** Waits (as openTask does for a task) until the election's row shows registration open. */
  const registrationOpen = (caseId: string) =>
    waitFor(
      async () =>
        (await db.election.findUnique({ where: { id: caseId }, select: { status: true } }))?.status === 'REGISTRATION'
          ? true
          : undefined,
      `election ${caseId}: registration not open`,
    );

  return async (i: number): Promise<CaseExpectation> => {
    const { id: communityOrgId } = communities[i]!;
    const committee = committees[i]!;
    const caseId = await start(communityOrgId);
    const today = chinaDateOf(new Date());
    await completeStep(ctx, township, caseId, 'election.setup', {
      electionDate: addDays(today, 25),
      seats: 3,
      method: 'direct',
      committeeMembers: [{ name: '陈主任', position: 'chair' }],
    });

    const born = addDays('1950-01-01', i);
    const voters = Array.from({ length: 5 }, (_, j) => `选民${i}-${j},${residentId(born, 100 + j)},可靠性社区${i},`);
    const csv = Buffer.from(`\uFEFF姓名,身份证号码,住址,居民小组\n${voters.join('\n')}\n`).toString('base64');
    // The set-up's answer comes once its task is recorded; registration opens in the workflow's next activity (after a
    // worker kill, when the next worker replays). The committee's page offers the import only then; so does this script.
    await registrationOpen(caseId);
    const imported = await committee.send<{ error?: { code: string; message: { en: string } } }>(
      'POST',
      `/api/v1/elections/${caseId}/voters/import`,
      {
        filename: 'voters.csv',
        contentBase64: csv,
      },
    );
    // Every attempt carries one Idempotency-Key: a retry whose first attempt took effect answers that import (200).
    const registered = await retryDb(() => db.voterListEntry.count({ where: { electionId: caseId } }));
    if (imported.status !== 200 || registered !== 5)
      throw new Error(
        `election ${caseId}: voter import answered ${imported.status} ${JSON.stringify(imported.body?.error ?? null).slice(0, 200)}, ${registered} voters registered`,
      );

    await completeStep(ctx, committee, caseId, 'election.publish-list', { confirmed: true });
    await completeStep(ctx, committee, caseId, 'election.candidates', { candidates: CANDIDATES.map((name) => ({ name })) });
    const votes = [5, 4, 4, 1];
    await completeStep(ctx, committee, caseId, 'election.results', {
      votesCast: 5,
      candidates: CANDIDATES.map((name, k) => ({ name, votes: votes[k]! })),
    });
    await completeStep(ctx, township, caseId, 'election.handover', {
      handedOverOn: chinaDateOf(new Date()),
      items: ['seals', 'files', 'finances'],
    });
    return {
      procedure: 'election',
      caseId,
      status: 'COMPLETED',
      tasks: {
        'election.setup': 1,
        'election.publish-list': 1,
        'election.candidates': 1,
        'election.results': 1,
        'election.handover': 1,
      },
    };
  };
}
