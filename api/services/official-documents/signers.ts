import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { AppError } from '../../../domain/errors';
import { readPkcs12 } from '../../../runtime/official-documents/signing';
import type { Caller } from '../../plugins/app/auth';
import { organizationsInScope } from '../../authz/organization-scope';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MAX_P12_BYTES = 64 * 1024;
const MAX_SEAL_BYTES = 2 * 1024 * 1024;

/** The organization, if the administrator's subtree holds it; otherwise 404 (no hint it exists). */
async function organizationInScope(db: Db, caller: Caller, organizationId: string) {
  const org = await db.organization.findFirst({ where: { AND: [{ id: organizationId }, organizationsInScope(caller)] } });
  if (!org) throw new AppError('NOT_FOUND');
  return org;
}

function view(s: {
  organizationId: string;
  certSubject: string;
  certSerial: string;
  certNotAfter: Date;
  sealPng: unknown;
  updatedAt: Date;
}) {
  return {
    organizationId: s.organizationId,
    certSubject: s.certSubject,
    certSerial: s.certSerial,
    certNotAfter: s.certNotAfter.toISOString(),
    hasSealImage: s.sealPng !== null,
    updatedAt: s.updatedAt.toISOString(),
  };
}

export async function readSigner({ db, caller, organizationId }: { db: Db; caller: Caller; organizationId: string }) {
  await organizationInScope(db, caller, organizationId);
  const signer = await db.organizationSigner.findUnique({ where: { organizationId } });
  if (!signer) throw new AppError('NOT_FOUND');
  return view(signer);
}

/**
 * Sets an issuing organization's signing material: a PKCS#12 (one key, its certificate valid today) and optionally
 * its seal image (PNG). Checked before anything is written; the change and its audit row in one transaction.
 */
export async function setSigner(options: {
  db: Db;
  caller: Caller;
  organizationId: string;
  p12Base64: string;
  passphrase: string;
  sealPngBase64?: string;
  requestId: string;
}) {
  const { db, caller, organizationId } = options;
  await organizationInScope(db, caller, organizationId);
  const p12 = Buffer.from(options.p12Base64, 'base64');
  if (p12.length === 0 || p12.length > MAX_P12_BYTES) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'p12Base64',
          code: 'size',
          message: { 'zh-CN': 'PKCS#12 文件不能为空且不超过 64 KB。', en: 'The PKCS#12 must be non-empty and at most 64 KB.' },
        },
      ],
    });
  }
  const seal = options.sealPngBase64 ? Buffer.from(options.sealPngBase64, 'base64') : null;
  if (seal && (seal.length > MAX_SEAL_BYTES || !PNG_MAGIC.every((b, i) => seal[i] === b))) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      fields: [
        {
          path: 'sealPngBase64',
          code: 'type',
          message: { 'zh-CN': '印章图片须为 PNG 且不超过 2 MB。', en: 'The seal image must be a PNG of at most 2 MB.' },
        },
      ],
    });
  }
  const identity = readPkcs12(p12, options.passphrase);
  const data = {
    p12: new Uint8Array(p12),
    passphrase: options.passphrase,
    sealPng: seal ? new Uint8Array(seal) : null,
    ...identity,
    uploadedById: caller.userId,
  };
  const signer = await db.$transaction(async (tx) => {
    const saved = await tx.organizationSigner.upsert({
      where: { organizationId },
      create: { organizationId, ...data },
      update: data,
    });
    await appendAudit(tx, {
      action: 'organization.signer-set',
      targetType: 'organization',
      targetId: organizationId,
      actorId: caller.userId,
      actingOrgId: caller.membership?.organizationId,
      outcome: 'success',
      requestId: options.requestId,
      data: { certSubject: identity.certSubject, certSerial: identity.certSerial, sealImage: seal !== null },
    });
    return saved;
  });
  return view(signer);
}
