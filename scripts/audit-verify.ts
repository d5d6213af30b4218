// `npm run audit:verify`: recomputes the audit hash chain of DATABASE_URL and names the first broken row.
import { loadConfig, requireDatabaseUrl } from '../runtime/config';
import { createDb } from '../runtime/db';
import { verifyAuditChain } from '../runtime/audit-verify';

async function main(): Promise<void> {
  const db = createDb(requireDatabaseUrl(loadConfig()), { poolSize: 1 });
  try {
    const result = await verifyAuditChain(db);
    console.log(JSON.stringify(result));
    process.exitCode = result.ok ? 0 : 2;
  } finally {
    await db.$disconnect();
  }
}

void main();
