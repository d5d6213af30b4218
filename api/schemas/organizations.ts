import { z } from 'zod';
import { localizedText } from '../../domain/localized-text';
import { ORG_KINDS } from '../../domain/organizations';
import { uploadContentBase64, uploadFilename } from './files';

export const organizationView = z
  .object({
    id: z.string().uuid(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    kind: z.enum(ORG_KINDS),
    parentId: z.string().uuid().nullable(),
  })
  .meta({ id: 'Organization' });

export const organizationCode = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: 'code: letters, digits, . _ -' });

export const createOrganizationBody = z
  .object({
    code: organizationCode,
    name: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200).optional(),
    kind: z.enum(ORG_KINDS),
    parentId: z.string().uuid(),
  })
  .strict()
  .meta({ examples: [{ code: 'NEW-001', name: '新社区', kind: 'COMMUNITY', parentId: '$organizationId' }] });

export const updateOrganizationBody = z
  .object({ name: z.string().trim().min(1).max(200).optional(), nameEn: z.string().trim().min(1).max(200).nullable().optional() })
  .strict()
  .meta({ examples: [{ name: '更名后的组织' }] });

export const importOrganizationsBody = z
  .object({
    filename: uploadFilename.regex(/\.(xlsx|csv)$/i, { message: 'filename must end in .xlsx or .csv' }),
    contentBase64: uploadContentBase64,
  })
  .strict()
  .meta({ examples: [{ filename: 'orgs.csv', contentBase64: 'Y29kZSxuYW1lLGtpbmQscGFyZW50Q29kZQo=' }] });

export const importRowError = z.object({
  row: z.number().int(),
  field: z.string(),
  message: localizedText,
});

export const importResult = z.object({ created: z.number().int(), rows: z.number().int() });
