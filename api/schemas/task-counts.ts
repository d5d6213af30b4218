import { z } from 'zod';

/** GET /api/v1/task-counts: what the workspace counts — my open tasks, and the open tasks I may claim. */
export const taskCounts = z
  .object({
    /** Open tasks assigned to me (我的待办). */
    mine: z.number().int(),
    /** Open, unclaimed tasks offered to my current membership's organization and role (待认领: I may claim them). */
    claimable: z.number().int(),
  })
  .meta({ id: 'TaskCounts' });
