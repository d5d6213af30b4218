import { createHash } from 'node:crypto';
import type { DbClient, DbTx } from './db';
import { type Prisma } from '../prisma/generated/client';

/** What an audit row says: who, acting for which organization, did what to what, with which outcome and why. */
export interface AuditEntry {
  actorId?: string | null;
  actingOrgId?: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  caseId?: string | null;
  outcome: 'success' | 'refused' | 'failed';
  reason?: string | null;
  requestId?: string | null;
  data?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
/** Serializes writers of the chain (pg_advisory_xact_lock key). */
const AUDIT_CHAIN_LOCK = 0x4155444954; // "AUDIT"

/** Stable JSON: object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashedContent {
  seq: string;
  at: string;
  actorId: string | null;
  actingOrgId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  caseId: string | null;
  outcome: string;
  reason: string | null;
  requestId: string | null;
  data: unknown;
}

export function auditHash(prevHash: string, content: HashedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/**
 * Appends one row to the audit chain inside the caller's transaction (so the row commits with the change it
 * records, or not at all). Writers are serialized by an advisory lock held until the transaction ends.
 */
export async function appendAudit(tx: DbTx, entry: AuditEntry): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  const seq = (last?.seq ?? 0n) + 1n;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const content: HashedContent = {
    seq: seq.toString(),
    at: at.toISOString(),
    actorId: entry.actorId ?? null,
    actingOrgId: entry.actingOrgId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    caseId: entry.caseId ?? null,
    outcome: entry.outcome,
    reason: entry.reason ?? null,
    requestId: entry.requestId ?? null,
    data: entry.data ?? {},
  };
  await tx.auditEvent.create({
    data: {
      seq,
      at,
      actorId: content.actorId,
      actingOrgId: content.actingOrgId,
      action: content.action,
      targetType: content.targetType,
      targetId: content.targetId,
      caseId: content.caseId,
      outcome: content.outcome,
      reason: content.reason,
      requestId: content.requestId,
      data: (entry.data ?? {}) as Prisma.InputJsonValue,
      prevHash,
      hash: auditHash(prevHash, content),
    },
  });
}

/** Runs `fn` in a transaction when given the root client, or inside the caller's transaction otherwise. */
export async function inTransaction<T>(db: DbClient, fn: (tx: DbTx) => Promise<T>): Promise<T> {
  if ('$transaction' in db) return db.$transaction(fn);
  return fn(db);
}
