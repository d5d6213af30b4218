import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { residentIdCheckChar } from '../../domain/resident-id';
import type { Db } from '../../runtime/db';

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
