import { z } from 'zod';
import { conversionConditions } from '../rules/village-conversion';
import { bilingualIssue } from '../validation';

const documentIds = z.array(z.string().uuid()).min(1).max(50);
const text = (max: number) => z.string().trim().min(1).max(max);

/** The village's application: the four conditions with evidence, and the villagers' assembly record. */
export const vcPrepareForm = z
  .object({
    application: conversionConditions,
    /** How the assembly notice was posted (place, manner). */
    noticePosting: text(500),
    /** Reference of the restructuring completion record (VC-C4). */
    restructuringRecord: text(200),
    evidence: z
      .object({ 'VC-C1': documentIds, 'VC-C2': documentIds, 'VC-C3': documentIds, 'VC-C4': documentIds, assembly: documentIds })
      .strict(),
    votesAgainst: z.number().int().min(0),
    abstentions: z.number().int().min(0),
  })
  .strict();

export const vcTownshipReviewForm = z
  .object({ decision: z.enum(['propose', 'return']), opinion: text(2000) })
  .strict();

export const vcCivilAffairsReviewForm = z
  .object({ decision: z.enum(['forward', 'return']), opinion: text(2000) })
  .strict();

/** The county government's written decision (批复). */
export const vcCountyDecisionForm = z
  .object({
    decision: z.enum(['approve', 'refuse']),
    documentNumber: text(100),
    decisionText: text(5000),
    newCommittee: z.object({ name: text(100), area: text(500), households: z.number().int().min(1).max(1_000_000) }).strict().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'approve' && !v.newCommittee) {
      ctx.addIssue(bilingualIssue(['newCommittee'], 'required', '批准时须登记新设居民委员会的名称、区域和户数', 'Approval records the new residents’ committee (name, area, households)'));
    }
  });

export type VcPrepareForm = z.infer<typeof vcPrepareForm>;
