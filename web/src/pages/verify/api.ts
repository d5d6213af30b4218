import { z } from 'zod';
import { apiRequest } from '../../api/client';
import { parseResponse } from '../../api/parse';

/** An issued 公文 as the public verification shows it (GET /api/v1/public/verify/:code). */
export const verifiedDocument = z.object({
  code: z.string(),
  issuer: z.object({ name: z.string(), nameEn: z.string().nullable() }),
  number: z.string(),
  title: z.string(),
  dated: z.string(),
  issuedAt: z.string(),
  sha256: z.string(),
  size: z.number(),
  signed: z.boolean(),
  signer: z.object({ subject: z.string(), serial: z.string() }).nullable(),
});
export type VerifiedDocument = z.infer<typeof verifiedDocument>;

const comparison = z.object({ matches: z.boolean(), sha256: z.string(), expectedSha256: z.string(), size: z.number() });
export type CopyComparison = z.infer<typeof comparison>;

const path = (code: string) => `/api/v1/public/verify/${encodeURIComponent(code)}`;

export async function fetchVerifiedDocument(code: string, signal?: AbortSignal): Promise<VerifiedDocument> {
  return parseResponse(verifiedDocument, await apiRequest(path(code), { signal, ignoreUnauthorized: true }));
}

/** Sends a copy's bytes (base64) for a byte-for-byte comparison; nothing is stored. */
export async function compareCopy(code: string, contentBase64: string): Promise<CopyComparison> {
  return parseResponse(
    comparison,
    await apiRequest(path(code), { method: 'POST', body: { contentBase64 }, ignoreUnauthorized: true }),
  );
}
