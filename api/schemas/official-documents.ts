import { z } from 'zod';
import { uploadContentBase64 } from './files';

/** The verification code as printed (10 characters, optionally grouped 5-5 with a hyphen). */
export const verifyCodeParams = z.object({ code: z.string().min(10).max(16) }).strict();

export const verifiedDocumentView = z
  .object({
    code: z.string(),
    issuer: z.object({ name: z.string(), nameEn: z.string().nullable() }),
    number: z.string().meta({ description: '发文字号' }),
    title: z.string(),
    dated: z.string().meta({ description: '成文日期 (China date, YYYY-MM-DD)' }),
    issuedAt: z.string(),
    sha256: z.string().meta({ description: 'SHA-256 of the issued (signed) PDF bytes' }),
    size: z.number().int(),
    signed: z.boolean(),
    signer: z.object({ subject: z.string(), serial: z.string() }).nullable(),
  })
  .meta({ id: 'VerifiedDocument' });

export const compareCopyBody = z
  .object({ contentBase64: uploadContentBase64 })
  .strict()
  .meta({ examples: [{ contentBase64: 'JVBERi0xLjQK' }] });

export const compareCopyResult = z
  .object({ matches: z.boolean(), sha256: z.string(), expectedSha256: z.string(), size: z.number().int() })
  .meta({ id: 'CopyComparison' });

export const signerParams = z.object({ organizationId: z.string().uuid() }).strict();

export const setSignerBody = z
  .object({
    p12Base64: z.string().min(1).max(100_000).base64(),
    passphrase: z.string().max(200),
    sealPngBase64: z.string().min(1).max(3_000_000).base64().optional(),
  })
  .strict()
  .meta({
    examples: [
      { p12Base64: 'MIIJqQIBAzCCCW8GCSqGSIb3DQEHAaCCCWAEgglcMIIJWDCCBA8GCSqGSIb3DQEHBqCCBAAw', passphrase: 'passphrase' },
    ],
  });

export const signerView = z
  .object({
    organizationId: z.string(),
    certSubject: z.string(),
    certSerial: z.string(),
    certNotAfter: z.string(),
    hasSealImage: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'OrganizationSigner' });
