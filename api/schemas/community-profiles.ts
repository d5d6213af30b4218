import { z } from 'zod';
import { localizedText } from '../../domain/localized-text';
import { communityProfileInput, profileYear } from '../../domain/forms/community-profile';
import { ruleValue } from '../../domain/rules/rule';
import { uploadContentBase64, uploadFilename } from './files';
import { centreIndicatorView } from './service-centres';

export const PROFILE_EXAMPLE = {
  households: 2800,
  residents: 8100,
  committeeMembers: [
    { name: '王芳', position: 'DIRECTOR', education: 'BACHELOR', trainings: ['2026-04-12'] },
    { name: '李强', position: 'DEPUTY', education: 'JUNIOR_COLLEGE', trainings: ['2025-09-03'] },
    { name: '张敏', position: 'MEMBER', education: 'HIGH_SCHOOL', trainings: ['2026-04-12'] },
    { name: '赵磊', position: 'MEMBER', education: 'BACHELOR', trainings: ['2025-09-03'] },
    { name: '刘洋', position: 'MEMBER', education: 'HIGH_SCHOOL', trainings: ['2026-04-12'] },
  ],
  socialWorkers: 2,
  socialOrganizations: 6,
  registeredVolunteers: 900,
  volunteerServiceResidents: 2500,
  partyMembers: 120,
  partyMemberVolunteers: 100,
  officeSpaceM2: '320.50',
  serviceCentreM2: '600',
  estates: [{ name: '锦绣新苑', households: 400, occupiedHouseholds: 150, isNew: true, hasCommittee: false }],
} as const;

export const profileParams = z.object({ communityOrgId: z.string().uuid(), year: profileYear });

export const saveProfileBody = communityProfileInput
  .safeExtend({
    /** The version the author edited (0 for a new profile): a newer change → 409 CONFLICT. */
    expectedVersion: z.number().int().min(0).optional(),
  })
  .meta({ id: 'CommunityProfileSave', examples: [{ ...PROFILE_EXAMPLE, expectedVersion: 0 }] });

export const confirmProfileBody = z
  .object({ version: z.number().int().min(1) })
  .strict()
  .meta({ id: 'CommunityProfileConfirmation', examples: [{ version: 1 }] });

export const communityProfileView = communityProfileInput
  .safeExtend({
    id: z.string().uuid(),
    communityOrgId: z.string().uuid(),
    communityCode: z.string(),
    community: z.string(),
    year: z.number().int(),
    status: z.enum(['DRAFT', 'CONFIRMED']),
    version: z.number().int(),
    updatedById: z.string().uuid(),
    updatedAt: z.string(),
    confirmedById: z.string().uuid().nullable(),
    confirmedAt: z.string().nullable(),
  })
  .meta({ id: 'CommunityProfile' });

export const profileHistoryView = z
  .array(
    z.object({
      at: z.string(),
      action: z.string(),
      actorId: z.string().nullable(),
      actor: z.string().nullable(),
      version: z.number().int().nullable(),
      changed: z.array(z.string()),
      source: z.string().nullable(),
    }),
  )
  .meta({ id: 'CommunityProfileHistory' });

export const listProfilesQuery = z
  .object({ year: profileYear.optional(), organizationId: z.string().uuid().optional() })
  .strict();

export const importProfilesBody = z
  .object({
    filename: uploadFilename.regex(/\.xlsx$/i, { message: 'filename must end in .xlsx' }),
    contentBase64: uploadContentBase64,
  })
  .strict()
  .meta({ id: 'CommunityProfileImport', examples: [{ filename: 'profiles.xlsx', contentBase64: 'UEsDBBQAAAAIAA==' }] });

export const importProfilesResult = z
  .object({ profiles: z.number().int(), changed: z.number().int() })
  .meta({ id: 'CommunityProfileImportResult' });

/** One row error of an import (in details.rowErrors of the 400). */
export const profileRowError = z
  .object({ sheet: z.string(), row: z.number().int(), column: z.string(), field: z.string(), message: localizedText })
  .meta({ id: 'CommunityProfileRowError' });

export const indicatorsQuery = z.object({ year: profileYear, organizationId: z.string().uuid().optional() }).strict();

const aggregateSlim = z.object({
  id: z.string(),
  met: z.number().int(),
  evaluated: z.number().int(),
  percent: z.number().nullable(),
  meetsTarget: z.boolean(),
});

export const communityIndicatorsView = z
  .object({
    organization: z.object({ id: z.string().uuid(), name: z.string(), kind: z.string() }),
    year: z.number().int(),
    communities: z.array(
      z.object({
        communityOrgId: z.string().uuid(),
        code: z.string(),
        name: z.string(),
        township: z.string().nullable(),
        hasProfile: z.boolean(),
        status: z.enum(['DRAFT', 'CONFIRMED']).nullable(),
        results: z.array(
          z.object({ id: z.string(), passed: z.boolean(), detail: localizedText, values: z.record(z.string(), ruleValue) }),
        ),
      }),
    ),
    rules: z.array(
      z.object({ id: z.string(), citation: z.string(), text: localizedText, threshold: localizedText, areaTarget: z.string() }),
    ),
    indicators: z.array(aggregateSlim.extend({ missing: z.array(z.string().uuid()), target: z.string() })),
    /** CT-TOWNSHIP-CENTRE and CT-COUNTY-CENTRE: areas in the scope that meet them, of all of them. */
    centres: z.array(centreIndicatorView),
    areas: z.array(
      z.object({ organizationId: z.string().uuid(), name: z.string(), kind: z.string(), indicators: z.array(aggregateSlim) }),
    ),
    prompts: z.array(
      z.object({
        communityOrgId: z.string().uuid(),
        community: z.string(),
        kind: z.string(),
        ruleId: z.string(),
        message: localizedText,
      }),
    ),
    trend: z.array(
      z.object({ year: z.number().int(), communitiesWithProfile: z.number().int(), indicators: z.array(aggregateSlim) }),
    ),
    elections: z.object({
      directElection: z.object({
        direct: z.number().int(),
        total: z.number().int(),
        percent: z.number().nullable(),
        target: z.string(),
        meetsTarget: z.boolean(),
      }),
      migrantApplications: z.object({ approved: z.number().int(), refused: z.number().int(), open: z.number().int() }),
      objections: z.object({
        total: z.number().int(),
        open: z.number().int(),
        upheld: z.number().int(),
        dismissed: z.number().int(),
        late: z.number().int(),
      }),
      lateLists: z.number().int(),
    }),
  })
  .meta({ id: 'CommunityIndicators' });
