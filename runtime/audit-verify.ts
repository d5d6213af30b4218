import type { Db } from './db';
import { auditHash, GENESIS_HASH, type HashedContent } from './audit';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match, and why. */
  firstBroken?: { seq: string; reason: 'hash-mismatch' | 'broken-link' | 'sequence-gap' };
}

/** Recomputes the audit chain from the first row and names the first row that does not verify. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let checked = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { seq: { gte: expectedSeq } }, orderBy: { seq: 'asc' }, take: batchSize });
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      const seq = row.seq.toString();
      if (row.seq !== expectedSeq) return { ok: false, checked, firstBroken: { seq, reason: 'sequence-gap' } };
      if (row.prevHash !== prevHash) return { ok: false, checked, firstBroken: { seq, reason: 'broken-link' } };
      const content: HashedContent = {
        seq,
        at: row.at.toISOString(),
        actorId: row.actorId,
        actingOrgId: row.actingOrgId,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        caseId: row.caseId,
        outcome: row.outcome,
        reason: row.reason,
        requestId: row.requestId,
        data: row.data,
      };
      if (auditHash(prevHash, content) !== row.hash) return { ok: false, checked, firstBroken: { seq, reason: 'hash-mismatch' } };
      prevHash = row.hash;
      expectedSeq += 1n;
      checked += 1;
    }
  }
}
