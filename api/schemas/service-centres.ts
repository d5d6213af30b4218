import { z } from 'zod';
import { localizedText } from '../../domain/localized-text';
import { profileYear } from '../../domain/forms/community-profile';
import { CENTRE_KINDS, serviceCentreInput } from '../../domain/forms/service-centre';

export const SERVICE_CENTRE_EXAMPLE = { areaM2: '1200.50', hasOneStopHall: true } as const;

export const serviceCentreParams = z.object({ organizationId: z.string().uuid(), year: profileYear });

export const saveServiceCentreBody = serviceCentreInput
  .safeExtend({
    /** The version the author edited (0 for a new record): a newer change → 409 CONFLICT. */
    expectedVersion: z.number().int().min(0).optional(),
  })
  .meta({ id: 'ServiceCentreSave', examples: [{ ...SERVICE_CENTRE_EXAMPLE, expectedVersion: 0 }] });

export const serviceCentreView = z
  .object({
    organization: z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), kind: z.enum(CENTRE_KINDS) }),
    year: z.number().int(),
    ruleId: z.string(),
    record: serviceCentreInput
      .safeExtend({
        id: z.string().uuid(),
        version: z.number().int(),
        updatedById: z.string().uuid(),
        updatedAt: z.string(),
      })
      .nullable(),
    result: z.object({ passed: z.boolean(), detail: localizedText }),
    /** Whether the caller keeps this record (the area's own officials). */
    mayKeep: z.boolean(),
  })
  .meta({ id: 'ServiceCentre' });

export const listServiceCentresQuery = z.object({ year: profileYear, organizationId: z.string().uuid().optional() }).strict();

export const serviceCentreHistoryView = z
  .array(
    z.object({
      at: z.string(),
      action: z.string(),
      actorId: z.string().nullable(),
      actor: z.string().nullable(),
      version: z.number().int().nullable(),
      changed: z.array(z.string()),
    }),
  )
  .meta({ id: 'ServiceCentreHistory' });

/** One centre rule over the areas of the chosen scope (in GET /api/v1/community-indicators). */
export const centreIndicatorView = z.object({
  id: z.string(),
  citation: z.string(),
  text: localizedText,
  threshold: localizedText,
  met: z.number().int(),
  evaluated: z.number().int(),
  percent: z.number().nullable(),
  target: z.string(),
  meetsTarget: z.boolean(),
  /** Every area the rule holds, with its outcome (the ones that miss it first). */
  areas: z.array(
    z.object({
      organizationId: z.string().uuid(),
      name: z.string(),
      kind: z.string(),
      recorded: z.boolean(),
      areaM2: z.string().nullable(),
      hasOneStopHall: z.boolean().nullable(),
      passed: z.boolean(),
      detail: localizedText,
    }),
  ),
});
