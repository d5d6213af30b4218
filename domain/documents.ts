/** Evidence uploads: the types accepted (checked by content, not by the name a client gives) and the size limit. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const ALLOWED_DOCUMENT_TYPES = {
  'application/pdf': { extensions: ['pdf'], magic: [[0x25, 0x50, 0x44, 0x46]] },
  'image/png': { extensions: ['png'], magic: [[0x89, 0x50, 0x4e, 0x47]] },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], magic: [[0xff, 0xd8, 0xff]] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extensions: ['docx'],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extensions: ['xlsx'],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
} as const satisfies Record<string, { extensions: readonly string[]; magic: readonly (readonly number[])[] }>;

export type DocumentMimeType = keyof typeof ALLOWED_DOCUMENT_TYPES;
export const DOCUMENT_MIME_TYPES = Object.keys(ALLOWED_DOCUMENT_TYPES) as [DocumentMimeType, ...DocumentMimeType[]];

/** True when the bytes start like the declared type and the file name carries one of its extensions. */
export function contentMatchesType(mimeType: DocumentMimeType, filename: string, bytes: Uint8Array): boolean {
  const spec = ALLOWED_DOCUMENT_TYPES[mimeType];
  const extension = filename.split('.').pop()?.toLowerCase() ?? '';
  if (!(spec.extensions as readonly string[]).includes(extension)) return false;
  return spec.magic.some((magic) => magic.every((byte, i) => bytes[i] === byte));
}
