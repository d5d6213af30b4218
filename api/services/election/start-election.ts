import type { Client } from '@temporalio/client';
import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import { lawForCommunity } from '../../../domain/rules/election-law';
import { type ElectionLaw } from '../../../domain/rules/election';
import type { ElectionProcedureInput } from '../../../workflows/election/messages';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership, organizationsInScope } from '../../authz/organization-scope';
import { idempotentStart, type Idempotency } from '../cases/idempotent-start';
import { startCase } from '../cases/start-case';
import { refuseSecondRunningElection } from '../../../runtime/running-election';

export interface StartElectionOptions {
  db: Db;
  temporal: Client;
  taskQueue: string;
  caller: Caller;
  communityOrgId: string;
  /** EL-LAW: whether the community's collective assets are restructured (decides which law governs). */
  restructuringComplete: boolean;
  requestId: string;
  idempotency?: Idempotency;
}

/**
 * The township or sub-district office starts an election of a community under it. EL-LAW decides the law from the
 * restructuring status; the first task is the township's set-up. One running election per community.
 */
export async function startElection(options: StartElectionOptions) {
  return idempotentStart({ ...options, procedure: 'election', start: () => openElection(options) });
}

async function openElection(options: StartElectionOptions) {
  const { db, caller } = options;
  currentMembership(caller);
  const community = await db.organization.findFirst({
    where: { AND: [{ id: options.communityOrgId, kind: 'COMMUNITY' }, organizationsInScope(caller)] },
  });
  if (!community?.parentId) throw new AppError('NOT_FOUND');
  await refuseSecondRunningElection(db, community.id);
  const lawRule = lawForCommunity({ restructuringComplete: options.restructuringComplete });
  const law = lawRule.values.law as ElectionLaw;
  return startCase({
    db,
    temporal: options.temporal,
    taskQueue: options.taskQueue,
    caller,
    requestId: options.requestId,
    idempotency: options.idempotency,
    procedure: 'election',
    organizationId: community.id,
    title: `${community.name} 居民委员会换届选举`,
    // The rule set: the one in force on the day the election starts, kept for its whole life (domain/procedures/election.ts).
    data: { law, restructuringComplete: options.restructuringComplete },
    workflowArgs: (caseId): [ElectionProcedureInput] => [
      { caseId, communityOrgId: community.id, townshipOrgId: community.parentId!, law },
    ],
  });
}
