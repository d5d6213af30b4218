import { z } from 'zod';
import { localizedText } from '../../domain/localized-text';
import { QUERY_CODE_LENGTH, RATING_LEVELS } from '../../domain/public-service';
import { caseStatus } from './cases';

const stepState = z.enum(['done', 'returned', 'current', 'skipped', 'stopped', 'not-reached']);
const isoDate = z.string().meta({ description: 'A China calendar date, YYYY-MM-DD' });

export const caseNumberField = z.string().trim().min(3).max(40);

/** 我要查: the case number (办件编号) and the query code given with it (case and dashes ignored). */
export const caseStatusQuery = z
  .object({
    number: caseNumberField,
    code: z
      .string()
      .trim()
      .min(QUERY_CODE_LENGTH)
      .max(QUERY_CODE_LENGTH + 4),
  })
  .strict()
  .meta({ id: 'CaseStatusQuery', examples: [{ number: 'MIG-2026-000001', code: 'ABCD-EFGH' }] });

const ratingFields = {
  level: z.union(RATING_LEVELS.map((l) => z.literal(l))).meta({
    description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意 (1 and 2 are a 差评)',
  }),
  comment: z.string().trim().max(500).optional(),
};

/** 好差评 through the query code. */
export const publicRatingBody = caseStatusQuery
  .extend(ratingFields)
  .strict()
  .meta({
    id: 'PublicRating',
    examples: [{ number: 'MIG-2026-000001', code: 'ABCD-EFGH', level: 4, comment: '办理及时' }],
  });

/** 好差评 signed in, on one's own case. */
export const ownRatingBody = z
  .object(ratingFields)
  .strict()
  .meta({ id: 'OwnRating', examples: [{ level: 5, comment: '办理及时' }] });

export const ownCaseParams = z.object({ number: caseNumberField });

export const ratingView = z
  .object({
    level: z.number().int(),
    label: localizedText,
    comment: z.string().nullable(),
    ratedOn: isoDate,
    rectification: z
      .object({
        dueOn: isoDate.nullable(),
        answered: z.boolean(),
        answeredOn: isoDate.nullable(),
        answer: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'ServiceRating' });

/** The public status of a case: no personal data (no names, ID numbers, phone numbers, addresses, not the title). */
export const caseStatusView = z
  .object({
    number: z.string(),
    procedure: localizedText,
    status: caseStatus,
    statusLabel: localizedText,
    openedOn: isoDate,
    closedOn: isoDate.nullable(),
    steps: z.array(
      z.object({
        name: localizedText,
        state: stepState,
        stateLabel: localizedText,
        doneOn: isoDate.nullable(),
        dueOn: isoDate.nullable(),
      }),
    ),
    rateable: z.boolean(),
    rating: ratingView.nullable(),
  })
  .meta({ id: 'PublicCaseStatus' });

const levelCount = z.object({ level: z.number().int(), label: localizedText, count: z.number().int() });

export const ratingSummaryView = z
  .object({
    total: z.number().int(),
    byLevel: z.array(levelCount),
    byOrganization: z.array(
      z.object({
        organizationId: z.string().uuid(),
        organizationName: z.string(),
        total: z.number().int(),
        poor: z.number().int(),
        byLevel: z.array(levelCount),
      }),
    ),
    poor: z.array(
      z.object({
        caseNumber: z.string(),
        procedure: localizedText,
        level: z.number().int(),
        label: localizedText,
        comment: z.string().nullable(),
        ratedOn: isoDate,
        organizationName: z.string(),
        rectification: z.object({
          caseId: z.string().uuid().nullable(),
          caseNumber: z.string().nullable(),
          state: z.enum(['open', 'overdue', 'answered']),
          dueOn: isoDate.nullable(),
          answeredOn: isoDate.nullable(),
          answer: z.string().nullable(),
        }),
      }),
    ),
  })
  .meta({ id: 'ServiceRatingSummary' });
