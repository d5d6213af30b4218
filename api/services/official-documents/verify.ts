import { createHash } from 'node:crypto';
import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import { VERIFY_CODE_PATTERN } from '../../../domain/official-documents';
import { MAX_DOCUMENT_BYTES } from '../../../domain/documents';

/** The normalized code: upper case, without the printed hyphen and spaces; 404 when it cannot be one. */
function normalize(code: string): string {
  const normalized = code.replace(/[\s-]/g, '').toUpperCase();
  if (!VERIFY_CODE_PATTERN.test(normalized)) throw new AppError('NOT_FOUND');
  return normalized;
}

/** An issued document as the public verification page shows it: the issuer, number, date, sha256. No personal data. */
export async function verifiedDocument(db: Db, code: string) {
  const doc = await db.issuedDocument.findUnique({
    where: { verifyCode: normalize(code) },
    select: {
      verifyCode: true,
      organizationId: true,
      number: true,
      title: true,
      dated: true,
      issuedAt: true,
      sha256: true,
      size: true,
      signed: true,
      signerSubject: true,
      signerSerial: true,
    },
  });
  if (!doc) throw new AppError('NOT_FOUND');
  const issuer = await db.organization.findUniqueOrThrow({
    where: { id: doc.organizationId },
    select: { name: true, nameEn: true, kind: true },
  });
  return {
    code: doc.verifyCode,
    issuer: { name: issuer.name, nameEn: issuer.nameEn },
    number: doc.number,
    title: doc.title,
    dated: doc.dated,
    issuedAt: doc.issuedAt.toISOString(),
    sha256: doc.sha256,
    size: doc.size,
    signed: doc.signed,
    signer: doc.signed ? { subject: doc.signerSubject ?? '', serial: doc.signerSerial ?? '' } : null,
  };
}

/** Whether an uploaded copy is byte for byte the issued document (sha256 of the bytes). */
export async function compareCopy(db: Db, code: string, contentBase64: string) {
  const doc = await verifiedDocument(db, code);
  const bytes = Buffer.from(contentBase64, 'base64');
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
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { matches: sha256 === doc.sha256, sha256, expectedSha256: doc.sha256, size: bytes.length };
}
