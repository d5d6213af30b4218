import { createHash } from 'node:crypto';
import type { DbClient, DbTx } from './db';

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

/** The previous hash of chain 0's first row (rows written before the trail was sharded are chain 0). */
export const GENESIS_HASH = '0'.repeat(64);
/**
 * How many hash chains the trail is split into. Each chain has its own gapless position, previous hash and advisory
 * lock, so audited writes of different cases run in parallel; a case's rows are all in one chain. Fixed: changing it
 * would move later rows of a case to another chain (still verifiable, but no longer one chain per case).
 */
export const AUDIT_CHAINS = 64;
/** First key of the chain's advisory lock (pg_advisory_xact_lock(int, int)); the second is the chain. */
const AUDIT_LOCK_CLASS = 0x41554454; // "AUDT"

/** The previous hash of a chain's first row: distinct per chain, so a row moved to another chain does not verify. */
export function genesisHash(chain: number): string {
  return chain === 0 ? GENESIS_HASH : createHash('sha256').update(`audit-chain:${chain}`).digest('hex');
}

/** The chain an entry goes to: by case, else by target, else by acting organization, else by action. */
export function auditChainOf(entry: Pick<AuditEntry, 'caseId' | 'targetType' | 'targetId' | 'actingOrgId' | 'action'>): number {
  const key = entry.caseId ?? (entry.targetId ? `${entry.targetType}:${entry.targetId}` : (entry.actingOrgId ?? entry.action));
  return createHash('sha256').update(key).digest().readUInt32BE(0) % AUDIT_CHAINS;
}

/**
 * The chain a transaction writes to, once it has taken that chain's lock. A transaction writes all its rows to the
 * chain of its first row, so it holds at most one chain lock and two transactions can never deadlock on them.
 */
const chainOfTransaction = new WeakMap<object, { chain: number; last?: { chainSeq: bigint; hash: string } }>();

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
  /** The row's position in its chain (chain_seq). */
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
 * Appends one row to the audit trail inside the caller's transaction (so the row commits with the change it
 * records, or not at all). Writers of one chain are serialized by that chain's advisory lock, held until the
 * transaction ends; call this after the transaction's other writes, so the lock is held as briefly as possible.
 */
export async function appendAudit(tx: DbTx, entry: AuditEntry): Promise<void> {
  let held = chainOfTransaction.get(tx);
  if (held === undefined) {
    held = { chain: auditChainOf(entry) };
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_CLASS}::int, ${held.chain}::int)`;
    chainOfTransaction.set(tx, held);
  }
  const { chain } = held;
  // A statement after the lock: under READ COMMITTED it sees the previous holder's committed row. Later rows of the
  // same transaction follow the row it wrote itself: while it holds the chain's lock, no one else appends to it.
  if (!held.last) {
    const [row] = await tx.$queryRaw<{ chain_seq: bigint; hash: string }[]>`
      SELECT chain_seq, hash FROM audit_event WHERE chain = ${chain}::int ORDER BY chain_seq DESC LIMIT 1`;
    held.last = { chainSeq: row?.chain_seq ?? 0n, hash: row?.hash ?? genesisHash(chain) };
  }
  const chainSeq = held.last.chainSeq + 1n;
  const prevHash = held.last.hash;
  const at = new Date();
  const content: HashedContent = {
    seq: chainSeq.toString(),
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
    // Hashed as stored: what JSON keeps of it (a Date becomes its ISO string, undefined members go).
    data: JSON.parse(JSON.stringify(entry.data ?? {})) as unknown,
  };
  const hash = auditHash(prevHash, content);
  await tx.$executeRaw`
    INSERT INTO audit_event (chain, chain_seq, at, actor_id, acting_org_id, action, target_type, target_id, case_id, outcome, reason, request_id, data, prev_hash, hash)
    VALUES (${chain}::int, ${chainSeq}::bigint, ${at}::timestamptz, ${content.actorId}::uuid, ${content.actingOrgId}::uuid, ${content.action},
      ${content.targetType}, ${content.targetId}, ${content.caseId}::uuid, ${content.outcome}, ${content.reason}, ${content.requestId},
      ${JSON.stringify(content.data)}::jsonb, ${prevHash}, ${hash})`;
  held.last = { chainSeq, hash };
}

/**
 * Runs `fn` in a transaction when given the root client, or inside the caller's transaction otherwise. A transaction
 * client has `$transaction` too (Prisma nests it as a SAVEPOINT, two more statements, and `appendAudit` would read
 * the chain again in the nested client); only the root client has `$disconnect`.
 */
export async function inTransaction<T>(db: DbClient, fn: (tx: DbTx) => Promise<T>): Promise<T> {
  if ('$disconnect' in db) return db.$transaction(fn);
  return fn(db);
}
