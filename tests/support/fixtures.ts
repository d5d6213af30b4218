/**
 * Plain data the tests and the reliability harnesses share (no jest here: reliability/ runs it under tsx).
 */

/** A tiny valid PDF (the API checks the %PDF magic bytes). */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** The same PDF as a document upload sends it. */
export const TINY_PDF_BASE64 = TINY_PDF.toString('base64');

/** The documents a 村改居 application attaches: one for each condition and one for the villagers' assembly. */
export const CONVERSION_EVIDENCE_KEYS = ['VC-C1', 'VC-C2', 'VC-C3', 'VC-C4', 'assembly'] as const;

/** A 村改居 application that meets every condition: VC-C1…C4, the notice period, the quorum and the majority. */
export { CONVERSION_APPLICATION_EXAMPLE as CONVERSION_APPLICATION } from '../../api/schemas/village-conversion';
