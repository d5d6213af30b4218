import { z } from 'zod';

/** POST /api/v1/tasks/:taskId/send-back (退回): the step to return to (one of the task's returnTargets) and why. */
export const sendBackBody = z
  .object({
    toStep: z.string().trim().min(1).max(100),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict()
  .meta({ examples: [{ toStep: 'vc.prepare', reason: '请补充村域位于城镇建设用地范围内的规划图' }] });

/** The task open after a 退回 or 取回 (the step the file went back to), if the caller can see it. */
export const flowResult = z.object({ openTaskId: z.string().uuid().nullable() });

/** A step a task may send the file back to, as its procedure declares (on the task view). */
export const returnTarget = z.object({
  key: z.string(),
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
});
