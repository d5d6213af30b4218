import { createHash } from 'node:crypto';
import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { AppError } from '../../../domain/errors';
import { contentMatchesType, MAX_DOCUMENT_BYTES, type DocumentMimeType } from '../../../domain/documents';
import type { Caller } from '../../plugins/app/auth';

export interface StoreDocumentInput {
  db: Db;
  caller: Caller;
  caseId: string;
  taskId?: string;
  filename: string;
  mimeType: DocumentMimeType;
  contentBase64: string;
  requestId: string;
}

/**
 * Stores an evidence document: size and type checked (by content), bytes kept once per SHA-256 in PostgreSQL,
 * the document row and its audit row in one transaction.
 */
export async function storeDocument(input: StoreDocumentInput) {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_DOCUMENT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', {
      fields: [
        {
          path: 'contentBase64',
          code: 'size',
          message: { 'zh-CN': '文件不能为空且不超过 10 MB。', en: 'The file must be non-empty and at most 10 MB.' },
        },
      ],
    });
  }
  if (!contentMatchesType(input.mimeType, input.filename, bytes)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      fields: [
        {
          path: 'mimeType',
          code: 'type',
          message: { 'zh-CN': '文件内容与类型不符或类型不允许。', en: 'The file content does not match an allowed type.' },
        },
      ],
    });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return input.db.$transaction(async (tx) => {
    // INSERT … ON CONFLICT DO NOTHING: two uploads of the same bytes at once both succeed (an upsert would race).
    await tx.documentBlob.createMany({ data: [{ sha256, size: bytes.length, bytes }], skipDuplicates: true });
    const document = await tx.document.create({
      data: {
        sha256,
        name: input.filename,
        size: bytes.length,
        mimeType: input.mimeType,
        caseId: input.caseId,
        taskId: input.taskId,
        uploadedById: input.caller.userId,
      },
    });
    await appendAudit(tx, {
      action: 'document.attached',
      targetType: 'document',
      targetId: document.id,
      caseId: input.caseId,
      actorId: input.caller.userId,
      actingOrgId: input.caller.membership?.organizationId,
      outcome: 'success',
      requestId: input.requestId,
      data: { sha256, size: bytes.length, mimeType: input.mimeType, name: input.filename, taskId: input.taskId ?? null },
    });
    return document;
  });
}
