import { AppError } from '../../domain/errors';

/**
 * A client's `Idempotency-Key`, with the fingerprint (SHA-256 of route and body) of the request that carried it. Stored
 * on what the request made (a case, a voter-list import, an objection) in the transaction that makes it, unique per
 * user, so a repeat finds it even after a crash.
 */
export interface Idempotency {
  key: string;
  fingerprint: string;
}

/**
 * What the caller's earlier request with this key made (`found`), or undefined when there is none. A key an earlier,
 * different request used — another body, or another target (`sameTarget`) — is refused: 422 IDEMPOTENCY_KEY_REUSED.
 */
export async function earlierWithKey<R extends { idempotencyFingerprint: string | null }>({
  idempotency,
  found,
  sameTarget,
  details,
}: {
  idempotency: Idempotency;
  found: Promise<R | null>;
  sameTarget: (row: R) => boolean;
  details: (row: R) => Record<string, unknown>;
}): Promise<R | undefined> {
  const row = await found;
  if (!row) return undefined;
  if (!sameTarget(row) || row.idempotencyFingerprint !== idempotency.fingerprint) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', { details: details(row) });
  }
  return row;
}
