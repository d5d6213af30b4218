import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** The engine's floor: a workflow that accepts Updates and does nothing else (bench only, its own task queue). */
export const pingUpdate = defineUpdate<number, [number]>('ping');
export const stopUpdate = defineUpdate<void>('stop');

export async function floorWorkflow(): Promise<void> {
  let stopped = false;
  setHandler(pingUpdate, (n) => n + 1);
  setHandler(stopUpdate, () => {
    stopped = true;
  });
  await condition(() => stopped);
}
