import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db';
import { appendAudit } from '../audit';
import { enqueueWebhookEvent } from '../webhook-events';
import { settings } from '../config';
import {
  documentNumber,
  OFFICIAL_DOCUMENT_KINDS,
  organShortCode,
  VERIFY_CODE_ALPHABET,
  type OfficialDocumentKind,
} from '../../domain/official-documents';
import { Prisma } from '../../prisma/generated/client';
import { renderGongwen, type GongwenContent } from './gongwen';
import { signPdf } from './signing';

/** The content of a document, without what issuing decides (number, verification, seal). */
export type DocumentDraft = Omit<GongwenContent, 'number' | 'verify' | 'seal' | 'organName'>;

export interface IssueDocumentInput {
  db: Db;
  kind: OfficialDocumentKind;
  caseId: string;
  /** The issuing organization (its numbering sequence, its signing material). */
  organizationId: string;
  /** The organ's name as it signs, e.g. 东河县人民政府. */
  organName: string;
  draft: DocumentDraft;
}

/** 10 characters of Crockford base32 from 50 random bits. */
export function newVerifyCode(): string {
  const bytes = randomBytes(10);
  return [...bytes].map((b) => VERIFY_CODE_ALPHABET[b & 31]).join('');
}

/**
 * Issues a 公文 once per case and kind: allocates the next 发文字号 of the issuing organization for the year of its
 * 成文日期, renders it, signs it with the organization's key (when it has one) and stores the signed bytes, the
 * number and the audit row (sha256, signer) in ONE transaction. The sequence row stays locked until commit, so
 * concurrent issues of one organization get consecutive numbers; a failed issue rolls the increment back, so no
 * number is skipped or used twice. A repeated call (an activity retry) returns the document already issued.
 */
export async function issueOfficialDocument(input: IssueDocumentInput) {
  const { db, kind, caseId, organizationId } = input;
  const existing = await db.issuedDocument.findUnique({ where: { caseId_kind: { caseId, kind } } });
  if (existing) return existing;
  const year = Number(input.draft.dated.slice(0, 4));
  const signer = await db.organizationSigner.findUnique({ where: { organizationId } });
  try {
    return await db.$transaction(
      async (tx) => {
        const [allocated] = await tx.$queryRaw<{ last: number }[]>`
          INSERT INTO document_number_sequence (organization_id, year, last) VALUES (${organizationId}::uuid, ${year}, 1)
          ON CONFLICT (organization_id, year) DO UPDATE SET last = document_number_sequence.last + 1
          RETURNING last`;
        const last = allocated!.last;
        const number = documentNumber(organShortCode(input.organName, kind), year, last);
        const verifyCode = newVerifyCode();
        const unsigned = await renderGongwen({
          ...input.draft,
          organName: input.organName,
          number,
          verify: { code: verifyCode, url: `${settings.publicUrl()}/verify/${verifyCode}` },
          seal: signer ? { png: signer.sealPng ? Buffer.from(signer.sealPng) : null } : null,
        });
        const bytes = signer
          ? await signPdf(unsigned, signer, {
              reason: `${number} ${OFFICIAL_DOCUMENT_KINDS[kind].genre}`,
              name: input.organName,
            })
          : unsigned;
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const document = await tx.issuedDocument.create({
          data: {
            kind,
            caseId,
            organizationId,
            year,
            sequence: last,
            number,
            verifyCode,
            title: input.draft.title,
            dated: input.draft.dated,
            sha256,
            size: bytes.length,
            bytes: new Uint8Array(bytes),
            signed: !!signer,
            signerSubject: signer?.certSubject ?? null,
            signerSerial: signer?.certSerial ?? null,
          },
        });
        await appendAudit(tx, {
          action: 'document.issued',
          targetType: 'issued-document',
          targetId: document.id,
          caseId,
          actingOrgId: organizationId,
          outcome: 'success',
          data: {
            kind,
            number,
            year,
            sequence: last,
            verifyCode,
            sha256,
            size: bytes.length,
            signed: !!signer,
            signer: signer ? { subject: signer.certSubject, serial: signer.certSerial } : null,
          },
        });
        // Other systems learn of it from the same transaction (runtime/webhook-events.ts): never for a rolled-back issue.
        const kase = await tx.case.findUnique({ where: { id: caseId }, select: { number: true, procedure: true } });
        await enqueueWebhookEvent(tx, {
          type: 'document.issued',
          organizationId,
          caseId,
          caseNumber: kase?.number,
          data: {
            procedure: kase?.procedure ?? null,
            document: kind,
            documentNumber: number,
            verifyCode,
            sha256,
            signed: !!signer,
          },
          dedupeKey: `document.issued:${caseId}:${kind}`,
        });
        return document;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    // Issued meanwhile by a retry of the same step: its document stands, this attempt's number was rolled back.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const issued = await db.issuedDocument.findUnique({ where: { caseId_kind: { caseId, kind } } });
      if (issued) return issued;
    }
    throw error;
  }
}
