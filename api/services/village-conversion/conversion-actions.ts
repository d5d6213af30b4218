import type { Client } from '@temporalio/client';
import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { formatChinaDateOf } from '../../../domain/china-time';
import { AppError } from '../../../domain/errors';
import { withdrawConversionUpdate } from '../../../workflows/village-conversion/messages';
import { type Prisma } from '../../../prisma/generated/client';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership } from '../../authz/organization-scope';
import { findReadableCase } from '../cases/case-record';
import { renderChinesePdf } from '../pdf/chinese-pdf';
import { updateWorkflow, WORKFLOW_NOT_FOUND, WorkflowRefusal, workflowResult } from '../temporal/workflow-door';
import type { CallerCaseRead } from '../caller-request';

/** The conversion case of the caller's own village, or 404. */
async function ownVillageCase(db: Db, caller: Caller, caseId: string) {
  const row = await db.case.findFirst({
    where: { id: caseId, procedure: 'village-conversion', organizationId: currentMembership(caller).organizationId },
  });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Saves the village's unfinished application on the case (no workflow step; the form submits it later). */
export async function saveConversionDraft({
  db,
  caller,
  caseId,
  draft,
  requestId,
}: {
  db: Db;
  caller: Caller;
  caseId: string;
  draft: Record<string, unknown>;
  requestId: string;
}) {
  const row = await ownVillageCase(db, caller, caseId);
  if (row.status !== 'OPEN') throw new AppError('TASK_NOT_OPEN');
  await db.$transaction(async (tx) => {
    await tx.case.update({
      where: { id: caseId },
      data: { data: { ...(row.data as Record<string, unknown>), draft } as Prisma.InputJsonValue },
    });
    await appendAudit(tx, {
      action: 'village-conversion.draft-saved',
      targetType: 'case',
      targetId: caseId,
      caseId,
      actorId: caller.userId,
      actingOrgId: row.organizationId,
      outcome: 'success',
      requestId,
    });
  });
}

/** Withdraws the application (before the township proposes); the workflow decides and closes the case. */
export async function withdrawConversion(options: {
  db: Db;
  temporal: Client;
  caller: Caller;
  caseId: string;
  reason: string;
  requestId: string;
}) {
  const row = await ownVillageCase(options.db, options.caller, options.caseId);
  const { temporal } = options;
  try {
    await updateWorkflow({
      temporal,
      workflowId: row.workflowId,
      update: withdrawConversionUpdate,
      args: [
        {
          actor: { userId: options.caller.userId, organizationId: row.organizationId, displayName: options.caller.displayName },
          reason: options.reason,
        },
      ],
    });
  } catch (error) {
    if (!(error instanceof WorkflowRefusal) || error.refusal === WORKFLOW_NOT_FOUND) throw error;
    await options.db.$transaction((tx) =>
      appendAudit(tx, {
        action: 'village-conversion.withdraw',
        targetType: 'case',
        targetId: row.id,
        caseId: row.id,
        actorId: options.caller.userId,
        actingOrgId: row.organizationId,
        outcome: 'refused',
        reason: 'already-proposed',
        requestId: options.requestId,
      }),
    );
    throw error;
  }
  await workflowResult({ temporal, workflowId: row.workflowId });
}

interface StoredDecision {
  decision: 'approve' | 'refuse';
  documentNumber: string;
  decisionText: string;
  newCommittee?: { name: string; area: string; households: number };
  decidedBy: string;
  decidedAt: string;
}

/** The county's written decision (批复) as a PDF with Chinese fonts. */
export async function conversionDecisionPdf({
  db,
  caller,
  caseId,
}: CallerCaseRead): Promise<{ filename: string; bytes: Buffer }> {
  const row = await findReadableCase({ db, caller, caseId });
  const decision = (row.data as { decision?: StoredDecision }).decision;
  if (row.procedure !== 'village-conversion' || !decision) throw new AppError('NOT_FOUND');
  // The issued 公文 (numbered, signed): its stored bytes, exactly as issued. Cases decided before issue 21 have none.
  const issued = await db.issuedDocument.findUnique({ where: { caseId_kind: { caseId, kind: 'vc-decision' } } });
  if (issued) return { filename: `${issued.number}-批复.pdf`, bytes: Buffer.from(issued.bytes) };
  const county = await db.task.findFirst({
    where: { caseId, kind: 'vc.county-decision', status: 'COMPLETED' },
    include: { candidateOrg: true },
  });
  const issuer = county?.candidateOrg.name ?? '';
  const bytes = await renderChinesePdf(
    (doc) => {
      doc.fontSize(20).text(`${issuer}人民政府`, { align: 'center' });
      doc.moveDown(0.5).fontSize(16).text(`关于${row.organization.name}村民委员会改设社区居民委员会的批复`, { align: 'center' });
      doc.moveDown(0.5).fontSize(11).text(decision.documentNumber, { align: 'center' });
      doc.moveDown(1.5).fontSize(12).text(decision.decisionText, { align: 'left', lineGap: 6 });
      if (decision.decision === 'approve' && decision.newCommittee) {
        doc
          .moveDown()
          .text(
            `新设社区居民委员会：${decision.newCommittee.name}；区域：${decision.newCommittee.area}；户数：${decision.newCommittee.households}。`,
            { lineGap: 6 },
          );
      }
      doc
        .moveDown()
        .text(
          `决定：${decision.decision === 'approve' ? '同意' : '不予批准'}。依据：《中华人民共和国村民委员会组织法》第三条。`,
          { lineGap: 6 },
        );
      doc.moveDown(2).text(`案件编号：${row.number}`, { align: 'right' });
      doc.text(`${issuer}人民政府`, { align: 'right' });
      // Dated by the China calendar date of the decision (01:00 Beijing time is still the UTC day before).
      doc.text(formatChinaDateOf(decision.decidedAt, 'zh-CN'), { align: 'right' });
    },
    { title: `${row.number} 批复` },
  );
  return { filename: `${row.number}-批复.pdf`, bytes };
}
