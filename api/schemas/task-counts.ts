import { z } from 'zod';

/** GET /api/v1/task-counts: what the workspace counts — my open tasks, the open tasks I may claim, and the office lists. */
export const taskCounts = z
  .object({
    /** Open tasks assigned to me (我的待办). */
    mine: z.number().int(),
    /** Open, unclaimed tasks offered to my current membership's organization and role (待认领: I may claim them). */
    claimable: z.number().int(),
    /** Tasks I completed (已办). */
    done: z.number().int(),
    /** Cases I opened (我发起). */
    started: z.number().int(),
    /** Cases circulated to me that I have not opened yet (抄送我, unread). */
    circulatedUnread: z.number().int(),
  })
  .meta({ id: 'TaskCounts' });
