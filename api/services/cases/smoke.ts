import type { Client } from '@temporalio/client';
import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import type { SmokeProcedureInput } from '../../../workflows/smoke/messages';
import type { Caller } from '../../plugins/app/auth';
import { idempotentStart, type Idempotency } from './idempotent-start';
import { startCase } from './start-case';

/** Starts a smoke check in the caller's current organization; its task goes to the same organization and role. */
export async function startSmokeCase(options: {
  db: Db;
  temporal: Client;
  taskQueue: string;
  caller: Caller;
  title: string;
  requestId: string;
  idempotency?: Idempotency;
}) {
  const membership = options.caller.membership;
  if (!membership) throw new AppError('FORBIDDEN');
  const start = () =>
    startCase({
      ...options,
      procedure: 'smoke',
      organizationId: membership.organizationId,
      workflowArgs: (caseId): [SmokeProcedureInput] => [
        { caseId, organizationId: membership.organizationId, role: membership.role },
      ],
    });
  return idempotentStart({ ...options, procedure: 'smoke', start });
}
