import { patched } from '@temporalio/workflow';
import type { TaskDeadline } from './human-task';
import { isCurrentShape } from './execution-shape';

/**
 * `timing`: the test knobs that the inputs of the smoke, 村改居, service-admission and report workflows carried until
 * tests moved to Temporal's time-skipping test server (tests/support/time-skipping.ts). The public input types no
 * longer have them, and nothing an API caller sends can shorten a period.
 *
 * Executions started before may still carry `timing` in their stored input, and must replay the commands they ran
 * (tests/legacy-timing-replay.test.ts). So each of these workflows reads the old field, tolerantly, once, at its start
 * (before its first activity or timer), under the patch below:
 * - an execution started since records the patch marker, and ignores whatever `timing` its input has;
 * - an execution started before has no marker: `patched` answers false on replay, and it keeps the timing it was
 *   started with (or none: the statute's periods, as before).
 * `patched` rather than `deprecatePatch`: executions from before may still be running. Once none is, this becomes
 * `deprecatePatch(TIMING_LEFT_THE_INPUT)` returning undefined, and later goes, with `shortenedDeadline`.
 */
const TIMING_LEFT_THE_INPUT = 'timing-left-the-input';

export function legacyTiming<T extends object>(input: object): T | undefined {
  // An execution of the current shape (./execution-shape.ts, decided by `installTaskHandlers`) is new: no timing.
  if (isCurrentShape() || patched(TIMING_LEFT_THE_INPUT)) return undefined;
  return (input as { timing?: T }).timing;
}

/** The clock of a task of an execution started with legacy timing: due `dueInMs` from now, with its reminder and escalation. */
export function shortenedDeadline(timing: { dueInMs: number; remindBeforeMs: number; escalateAfterMs: number }): TaskDeadline {
  return {
    dueAt: new Date(Date.now() + timing.dueInMs).toISOString(),
    remindBeforeMs: timing.remindBeforeMs,
    escalateAfterMs: timing.escalateAfterMs,
  };
}
