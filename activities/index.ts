import type { Db } from '../runtime/db';
import { createCaseActivities } from './cases';
import { createClockActivities } from './clock';
import { createTaskActivities } from './tasks';

export interface ActivityDeps {
  db: Db;
}

/** All activities, bound to their dependencies. Workflows import only the type. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createTaskActivities(deps),
    ...createCaseActivities(deps),
    ...createClockActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
