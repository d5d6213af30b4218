import type { Client } from '@temporalio/client';
import type { Db } from '../runtime/db';
import { createLinkedCaseActivities } from './linked-cases';
import { createCaseActivities } from './cases';
import { createClockActivities } from './clock';
import { createElectionActivities } from './election';
import { createTaskActivities } from './tasks';
import { createOwnersMeetingActivities } from './owners-meeting';
import { createServiceAdmissionActivities } from './service-admission';

export interface ActivityDeps {
  db: Db;
  /** For activities that start other procedures' workflows. */
  temporal?: Client;
  taskQueue?: string;
}

/** All activities, bound to their dependencies. Workflows import only the type. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createTaskActivities(deps),
    ...createCaseActivities(deps),
    ...createClockActivities(deps),
    ...createElectionActivities(deps),
    ...createLinkedCaseActivities(deps),
    ...createOwnersMeetingActivities(deps),
    ...createServiceAdmissionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
