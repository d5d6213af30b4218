import { patched } from '@temporalio/workflow';

/**
 * One patch for the shape of every execution started since issue 19's start work, in place of the three it sums up:
 * 'durable-activities' (regular activities for writes), 'batched-writes' (a step's writes in one transaction) and
 * 'timing-left-the-input' (no test timing from the input), and besides them: the calendar read as a local activity.
 * Each patch costs a marker event and a search-attribute upsert in the first workflow task (the SDK records one per
 * `patched` call), so a new execution records one instead of three. Executions started before have no marker here:
 * `patched` answers false on replay, and they go on asking the three older patches, in the same places, as they ran.
 * `patched` rather than `deprecatePatch`: those executions may still be running.
 */
const ONE_STEP_START = 'one-step-start';

let decided: boolean | undefined;

/** Whether this execution has the current shape; asked once (the first caller records the marker), then remembered. */
export function currentShape(): boolean {
  decided ??= patched(ONE_STEP_START);
  return decided;
}

/** Whether the shape was already decided as current, without deciding it (for code that may run before it is). */
export function isCurrentShape(): boolean {
  return decided === true;
}
