import { z } from 'zod';

/**
 * A 200 response that is a file rather than JSON, declared with its media types so that the OpenAPI document says
 * what the bytes are (the body is sent as a Buffer and never serialized).
 */
export function fileResponse(description: string, mediaTypes: readonly [string, ...string[]]) {
  const schema = z.any().meta({ type: 'string', format: 'binary' });
  return { description, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema }])) };
}
