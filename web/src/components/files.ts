import { ALLOWED_DOCUMENT_TYPES, DOCUMENT_MIME_TYPES, type DocumentMimeType } from '../api/schemas/procedures';

/** File types a case document may have (the API checks the content too), for a file picker's `accept`. */
export const DOCUMENT_ACCEPT = DOCUMENT_MIME_TYPES.flatMap((type) =>
  ALLOWED_DOCUMENT_TYPES[type].extensions.map((ext) => `.${ext}`),
).join(',');

/** The declared type of a file by its extension. */
export function documentMimeType(filename: string): DocumentMimeType | undefined {
  const extension = filename.split('.').pop()?.toLowerCase() ?? '';
  return DOCUMENT_MIME_TYPES.find((type) => (ALLOWED_DOCUMENT_TYPES[type].extensions as readonly string[]).includes(extension));
}

/** A file's bytes as base64 (the API takes documents as JSON). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      typeof reader.result === 'string' ? resolve(reader.result.replace(/^data:[^,]*,/, '')) : reject(new Error('read failed'));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Offers a CSV file holding only a header row (with a BOM, so that Excel reads it as UTF-8) for download. */
export function downloadCsvTemplate(header: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([`\uFEFF${header}\n`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
