import type { Db } from './db';
import { auditHash, genesisHash, type HashedContent } from './audit';

export type AuditBreak = 'hash-mismatch' | 'broken-link' | 'sequence-gap';

export interface AuditVerification {
  ok: boolean;
  /** Rows that verified (in every chain, up to that chain's first broken row). */
  checked: number;
  /** The first row (in global `seq` order) whose hash, link or position does not match, and why. */
  firstBroken?: { seq: string; chain: number; chainSeq: string; reason: AuditBreak };
}

/**
 * Recomputes every audit chain from its first row and names the first row that does not verify. Reads the rows in
 * (chain, chain_seq) order through the unique index, in batches.
 */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerification> {
  let checked = 0;
  let firstBroken: AuditVerification['firstBroken'];
  let chain = -1;
  let prevHash = '';
  let expectedSeq = 1n;
  let brokenChain = false;
  let cursor: { chain: number; chainSeq: bigint } | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: cursor ? { OR: [{ chain: { gt: cursor.chain } }, { chain: cursor.chain, chainSeq: { gt: cursor.chainSeq } }] } : {},
      orderBy: [{ chain: 'asc' }, { chainSeq: 'asc' }],
      take: batchSize,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.chain !== chain) {
        chain = row.chain;
        prevHash = genesisHash(chain);
        expectedSeq = 1n;
        brokenChain = false;
      }
      if (brokenChain) continue;
      const seq = row.seq.toString();
      const breakAs = (reason: AuditBreak) => {
        brokenChain = true;
        if (!firstBroken || BigInt(firstBroken.seq) > row.seq)
          firstBroken = { seq, chain, chainSeq: row.chainSeq.toString(), reason };
      };
      if (row.chainSeq !== expectedSeq) {
        breakAs('sequence-gap');
        continue;
      }
      if (row.prevHash !== prevHash) {
        breakAs('broken-link');
        continue;
      }
      const content: HashedContent = {
        seq: row.chainSeq.toString(),
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
      if (auditHash(prevHash, content) !== row.hash) {
        breakAs('hash-mismatch');
        continue;
      }
      prevHash = row.hash;
      expectedSeq += 1n;
      checked += 1;
    }
    const last = rows[rows.length - 1]!;
    cursor = { chain: last.chain, chainSeq: last.chainSeq };
  }
  return firstBroken ? { ok: false, checked, firstBroken } : { ok: true, checked };
}
