import { defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../lib/messages';

/** Who acts at each step, resolved by the API from the village's place in the tree when the case opens. */
export interface VillageConversionInput {
  caseId: string;
  villageOrgId: string;
  townshipOrgId: string;
  countyOrgId: string;
  civilAffairsOrgId: string;
}

export interface VillageConversionResult {
  outcome: 'approved' | 'refused' | 'withdrawn';
  residentsCommitteeOrgId?: string;
}

export interface WithdrawRequest {
  actor: Actor;
  reason: string;
}

/** The village withdraws its application; accepted only before the township has proposed the conversion. */
export const withdrawConversionUpdate = defineUpdate<{ withdrawn: true }, [WithdrawRequest]>('withdrawConversion');

/** Failure types of the conversion's Updates; the API maps them to error codes (api/services/temporal/workflow-door.ts). */
export const ConversionFailure = {
  /** The township has already proposed the conversion: the village can no longer withdraw. */
  WITHDRAW_NOT_ALLOWED: 'WithdrawNotAllowed',
} as const;
