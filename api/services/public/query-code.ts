import type { Db, DbTx } from '../../../runtime/db';
import { newQueryCode, queryCodeMatches, storeQueryCode } from '../../../runtime/query-codes';

/**
 * A query code for a resident-facing case being opened (我要查): `alsoInTransaction` stores its hash with the case;
 * `shown` gives the code for the answer only when this request's code is the one stored, i.e. when this request opened
 * the case (a repeat with the same Idempotency-Key answers the earlier case, whose code was shown once already).
 */
export function queryCodeForNewCase() {
  const code = newQueryCode();
  return {
    alsoInTransaction: (tx: DbTx, caseId: string) => storeQueryCode(tx, caseId, code),
    async shown(db: Db, caseId: string): Promise<string | null> {
      const stored = await db.caseQueryCode.findUnique({ where: { caseId } });
      return stored && queryCodeMatches(caseId, code, stored.codeHash) ? code : null;
    },
  };
}
