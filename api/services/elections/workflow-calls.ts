import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppError } from '../../../domain/errors';
import { ElectionFailure, type ElectionRuleFailedDetails } from '../../../workflows/election/messages';
import { wrongStep } from './scope';

/**
 * Runs an Update call to an election (or migrant-eligibility) workflow and maps its refusals: a failed statutory
 * rule → 422 RULE_FAILED with the rules; a step that is not open now → 409.
 */
export async function electionUpdate<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type === ElectionFailure.RULE_FAILED) {
      throw new AppError('RULE_FAILED', {
        details: { rules: (cause.details?.[0] as ElectionRuleFailedDetails | undefined)?.rules ?? [] },
      });
    }
    if (cause instanceof ApplicationFailure && cause.type === ElectionFailure.WRONG_PHASE) {
      throw wrongStep('选举当前所处阶段不允许此操作。', 'The election is not at a step that allows this.', {
        reason: cause.message,
      });
    }
    throw error;
  }
}
