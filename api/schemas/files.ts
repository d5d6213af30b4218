import { z } from 'zod';

/**
 * A 200 response that is a file rather than JSON, declared with its media types so that the OpenAPI document says
 * what the bytes are (the body is sent as a Buffer and never serialized).
 */
export function fileResponse(description: string, mediaTypes: readonly [string, ...string[]]) {
  const schema = z.any().meta({ type: 'string', format: 'binary' });
  return { description, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema }])) };
}

/** An uploaded file's name (each upload adds the extensions it takes, with its own message). */
export const uploadFilename = z.string().trim().min(1).max(200);

/** An uploaded file's content in base64 (about 10 MB at most). */
export const uploadContentBase64 = z.string().min(1).max(14_000_000).base64();
