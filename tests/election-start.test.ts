import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, chinaDateOf } from '../domain/clock';
import type { ElectionProcedureInput } from '../workflows/election/messages';
import { settledUpdate } from '../workflows/lib/messages';
import { startHarness, type Harness } from './support/harness';
import type { Session } from './support/factories';
import { townshipAndCommunity } from './support/elections';

interface Rule {
  id: string;
  passed: boolean;
  values: Record<string, unknown>;
}

describe('an election started by another procedure with the minimal input', () => {
  let h: Harness;
  let township: Session;
  let townshipId: string;
  let communityId: string;

  beforeAll(async () => {
    h = await startHarness();
    // A community fresh from 村改居: no election committee yet.
    const place = await townshipAndCommunity(h);
    ({ township } = place);
    townshipId = place.town.id;
    communityId = place.community.id;
  });
  afterAll(async () => h?.close());

  it('runs from { caseId, communityOrgId, townshipOrgId, law, origin }: creates the committee, records EL-LAW, applies the Villagers’ Committee law’s 3–7 seats (EL-SIZE)', async () => {
    const caseId = randomUUID();
    const workflowId = `election-from-${randomUUID()}`;
    const origin = { procedure: 'village-conversion', caseId: randomUUID() };
    await h.db.case.create({
      data: {
        id: caseId,
        procedure: 'election',
        number: `ELC-2026-T${caseId.slice(0, 5)}`,
        title: '柳树社区 第一届居民委员会选举',
        organizationId: communityId,
        workflowId,
        ruleSetVersion: 'el-2018-1',
      },
    });
    const input: ElectionProcedureInput = {
      caseId,
      communityOrgId: communityId,
      townshipOrgId: townshipId,
      law: 'villagers-committee-law',
      origin,
    };
    const handle = await h.temporal.workflow.start('electionProcedure', { workflowId, taskQueue: h.taskQueue, args: [input] });
    await handle.executeUpdate(settledUpdate);

    const election = await h.db.election.findUniqueOrThrow({ where: { id: caseId } });
    expect(election).toMatchObject({ law: 'villagers-committee-law', status: 'SETUP', origin });
    const committee = await h.db.organization.findUniqueOrThrow({ where: { id: election.committeeOrgId } });
    expect(committee).toMatchObject({ kind: 'ELECTION_COMMITTEE', parentId: communityId, name: '柳树社区选举委员会' });
    const law = await h.db.ruleDecision.findFirstOrThrow({ where: { caseId, ruleId: 'EL-LAW' } });
    expect(law.values).toMatchObject({ law: 'villagers-committee-law', origin: 'village-conversion' });

    const setup = await h.db.task.findFirstOrThrow({ where: { caseId, kind: 'election.setup', status: 'OPEN' } });
    const payload = (seats: number) => ({
      payload: {
        electionDate: addDays(chinaDateOf(new Date()), 30),
        seats,
        method: 'direct',
        committeeMembers: [{ name: '吴主任', position: 'chair' }],
      },
    });
    const eight = await township.request({ method: 'POST', url: `/api/v1/tasks/${setup.id}/complete`, payload: payload(8) });
    expect(eight.statusCode).toBe(422);
    expect(eight.json<{ error: { details: { rules: Rule[] } } }>().error.details.rules[0]).toMatchObject({
      id: 'EL-SIZE',
      values: { min: 3, max: 7 },
    });
    expect(
      (await township.request({ method: 'POST', url: `/api/v1/tasks/${setup.id}/complete`, payload: payload(3) })).statusCode,
    ).toBe(200);
    expect((await h.db.election.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('REGISTRATION');
    const publish = await h.db.task.findFirstOrThrow({ where: { caseId, kind: 'election.publish-list', status: 'OPEN' } });
    expect(publish.candidateOrgId).toBe(committee.id);
  });
});
