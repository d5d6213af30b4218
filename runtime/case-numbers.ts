import type { DbTx } from './db';

/** Next readable case number for a procedure code and year, e.g. SMK-2026-000042 (gap-free within a transaction). */
export async function nextCaseNumber(tx: DbTx, procedureCode: string, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO case_number_sequence (procedure, year, last) VALUES (${procedureCode}, ${year}, 1)
    ON CONFLICT (procedure, year) DO UPDATE SET last = case_number_sequence.last + 1
    RETURNING last`;
  const last = rows[0]?.last ?? 1;
  return `${procedureCode}-${year}-${String(last).padStart(6, '0')}`;
}
