import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { DbTx } from './db';
import { QUERY_CODE_ALPHABET, QUERY_CODE_LENGTH, normalizeQueryCode } from '../domain/public-service';

/**
 * 我要查 query codes (issue 21). A code is drawn from a CSPRNG, given once to the applicant in the answer that opened
 * their case, and stored only as sha256(case id, code): nobody can read it back, not even an administrator.
 */
export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i += 1) code += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function queryCodeHash(caseId: string, code: string): string {
  return createHash('sha256')
    .update(`${caseId}:${normalizeQueryCode(code)}`)
    .digest('hex');
}

/** Whether `typed` is the code whose hash was stored (constant time). */
export function queryCodeMatches(caseId: string, typed: string, storedHash: string): boolean {
  const a = Buffer.from(queryCodeHash(caseId, typed), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Stores a case's code (its hash), inside the transaction that opens the case. */
export async function storeQueryCode(tx: DbTx, caseId: string, code: string): Promise<void> {
  await tx.caseQueryCode.create({ data: { caseId, codeHash: queryCodeHash(caseId, code) } });
}
