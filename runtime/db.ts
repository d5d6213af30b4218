import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '../prisma/generated/client';

export type Db = PrismaClient;
/** A transaction client: what services receive when they must run inside the caller's transaction. */
export type DbTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
/** Either the client or a transaction client; services take this so callers decide the transaction. */
export type DbClient = Db | DbTx;

export function createDb(databaseUrl: string, options: { poolSize?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  // Under load a transaction may wait for a pooled connection longer than Prisma's 2 s default.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 30_000 } });
}

/** A write refused by a unique index (Prisma P2002): another transaction committed the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
