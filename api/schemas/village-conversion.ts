import { z } from 'zod';

/** POST /api/v1/village-conversions (a village committee official opens its village's conversion). */
export const startConversionBody = z
  .object({ title: z.string().trim().min(1).max(200).optional() })
  .strict()
  .meta({ examples: [{ title: '柳树村村改居' }] });

/** PUT /api/v1/village-conversions/:caseId/draft */
export const conversionDraftBody = z
  .object({ draft: z.record(z.string(), z.unknown()) })
  .strict()
  .meta({ examples: [{ draft: { noticePosting: '村务公开栏' } }] });

/** POST /api/v1/village-conversions/:caseId/withdraw */
export const withdrawConversionBody = z
  .object({ reason: z.string().trim().min(1).max(2000) })
  .strict()
  .meta({ examples: [{ reason: '村民会议决定暂缓' }] });

/** One rule of a public check, its detail flattened to the requested language (domain/rules/rule.ts publicRule). */
export const publicRuleView = z.object({
  id: z.string(),
  passed: z.boolean(),
  citation: z.string(),
  detail: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

/** POST /api/v1/village-conversions/conditions-check (public) */
export const conditionsCheckResponse = z.object({ satisfied: z.boolean(), rules: z.array(publicRuleView) });

/** A 村改居 application that meets every condition (VC-C1…C4, the notice period, the quorum, the majority): the OpenAPI example and the tests' fixture. */
export const CONVERSION_APPLICATION_EXAMPLE = {
  insideUrbanBoundary: true,
  farmlandInsufficient: true,
  labourForce: 900,
  nonFarmLabour: 600,
  assetRestructuringComplete: true,
  assembly: {
    fullAssembly: true,
    noticeDate: '2026-03-01',
    meetingDate: '2026-03-11',
    adultVillagers: 1000,
    adultAttendees: 501,
    households: 300,
    householdRepresentatives: 150,
    votesFor: 251,
  },
};
