// A driver adapter factory for Prisma's WebAssembly schema engine (see ./schema-engine.ts), built on
// @prisma/adapter-pg's PrismaPg, with three fixes to its migration path (7.10.1; see
// /work/shared/notes/prisma-offline.md):
//
//  (a) PostgreSQL's internal "char" type (OID 18), which the schema describer selects from the catalogs, has no
//      column type mapping in adapter-pg ("Column type 'char' could not be deserialized"). We report it as text.
//  (b) adapter-pg's executeScript splits the script on ';' and runs the pieces one by one: that breaks `$$` bodies
//      and is not atomic. We send the whole script as ONE simple-protocol query, which PostgreSQL runs as a single
//      implicit transaction (unless the script itself contains BEGIN/COMMIT), like the native engine does.
//  (c) adapter-pg's connectToShadowDb drops the shadow database before closing its pool, and when built from a
//      connection string its shadow pool connects to the MAIN database. We create a uniquely named shadow database
//      ourselves, connect to it with a pool config object (never a URL), and drop it after its pool has closed.
//
// The fixes patch the adapter instances PrismaPg returns (performIO and onError are internal to adapter-pg); if a
// later adapter-pg changes that shape, createMigrationAdapterFactory fails loudly instead of misbehaving.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { DriverAdapterError } from '@prisma/driver-adapter-utils';
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  Transaction,
} from '@prisma/driver-adapter-utils';

/** PostgreSQL type OIDs. */
const PG_CHAR_OID = 18; // the internal one-byte "char" type (pg_class.relkind, pg_constraint.contype, …)
const PG_TEXT_OID = 25;

/** Internals of adapter-pg's queryables (adapter and transaction) that the fixes hook into. */
interface PgQueryableInternals {
  /** Runs one query; queryRaw maps `fields[].dataTypeID` to column types after it. */
  performIO(query: SqlQuery): Promise<pg.QueryArrayResult>;
  /** Converts a pg error into the DriverAdapterError the engine understands, and throws it. */
  onError(error: unknown): never;
}

function internalsOf(queryable: SqlQueryable): PgQueryableInternals {
  const internals = queryable as unknown as Partial<PgQueryableInternals>;
  if (typeof internals.performIO !== 'function' || typeof internals.onError !== 'function') {
    throw new Error('@prisma/adapter-pg no longer has performIO/onError; prisma/engine/migration-adapter.ts needs updating');
  }
  return internals as PgQueryableInternals;
}

/** Fix (a): make every query of this queryable report "char" columns as text. */
function reportCharAsText<T extends SqlQueryable>(queryable: T): T {
  const internals = internalsOf(queryable);
  const performIO = internals.performIO.bind(queryable);
  internals.performIO = async (query) => {
    const result = await performIO(query);
    // pg already parsed the values as strings (it has no parser for OID 18); only the reported type is wrong.
    for (const field of result.fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  return queryable;
}

/**
 * A failed script as the engine reports it: PostgreSQL's own message and code (adapter-pg maps many codes to bare
 * kinds such as "LengthMismatch"), plus the line of the script where PostgreSQL reported the error.
 */
function scriptError(error: pg.DatabaseError, script: string): DriverAdapterError {
  const position = Number(error.position);
  const line = Number.isInteger(position) && position > 0 ? script.slice(0, position - 1).split('\n').length : undefined;
  return new DriverAdapterError({
    kind: 'postgres',
    code: error.code ?? 'N/A',
    severity: error.severity ?? 'N/A',
    message: line === undefined ? error.message : `${error.message} (line ${line} of the script)`,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}

/** Applies fixes (a) and (b) to an adapter from PrismaPg, and makes its dispose idempotent. */
function fixAdapter(
  adapter: SqlDriverAdapter & { underlyingDriver(): pg.Pool },
  afterDispose?: () => Promise<void>,
): SqlDriverAdapter {
  const internals = internalsOf(reportCharAsText(adapter));

  // (a) for transactions too: they are separate queryables on a pooled client.
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel?: IsolationLevel): Promise<Transaction> =>
    reportCharAsText(await startTransaction(isolationLevel));

  // (b) the whole script as one query: pg uses the simple query protocol when there are no parameters.
  adapter.executeScript = async (script: string): Promise<void> => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      if (error instanceof pg.DatabaseError) throw scriptError(error, script);
      internals.onError(error);
    }
  };

  const dispose = adapter.dispose.bind(adapter);
  let disposed: Promise<void> | undefined;
  adapter.dispose = () =>
    (disposed ??= (async () => {
      try {
        await dispose();
      } finally {
        await afterDispose?.();
      }
    })());
  return adapter;
}

/**
 * pg's own connection-string parser (pg-connection-string, a dependency of pg), loaded from pg's location so that
 * URLs mean exactly what they mean to pg (sslmode, host=/socket/dir, …).
 */
const parseIntoClientConfig: (url: string) => pg.ClientConfig = (
  createRequire(require.resolve('pg'))('pg-connection-string') as { parseIntoClientConfig: (url: string) => pg.ClientConfig }
).parseIntoClientConfig;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs statements on one short-lived connection. */
async function withClient<T>(config: pg.ClientConfig, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface MigrationAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /**
   * Disposes every adapter this factory handed out that is still open (the engine does not always dispose them),
   * dropping any shadow database left behind. Call it after freeing the engine.
   */
  close(): Promise<void>;
}

/**
 * A SqlMigrationAwareDriverAdapterFactory for the database at `databaseUrl` (postgresql://…), to be passed to the
 * schema engine through bindMigrationAwareSqlAdapterFactory.
 */
export function createMigrationAdapterFactory(databaseUrl: string): MigrationAdapterFactory {
  // A config object (not { connectionString }): spreading it with another `database` really changes the database.
  const config: pg.PoolConfig = parseIntoClientConfig(databaseUrl);
  const main = new PrismaPg(config);
  const open = new Set<SqlDriverAdapter>();

  function track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      open.delete(adapter);
      await dispose();
    };
    return adapter;
  }

  return {
    provider: main.provider,
    adapterName: main.adapterName,

    async connect() {
      return track(fixAdapter(await main.connect()));
    },

    // (c) A fresh database next to the main one; the engine replays migrations there (e.g. a `migrations` diff).
    async connectToShadowDb() {
      const database = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, '')}`;
      await withClient(config, (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
      const dropShadow = () =>
        withClient(config, async (c) => {
          await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
        });
      try {
        const shadow = new PrismaPg({ ...config, database });
        // Dropped only after the shadow pool has ended (fixAdapter runs afterDispose after the original dispose).
        return track(fixAdapter(await shadow.connect(), dropShadow));
      } catch (error) {
        await dropShadow();
        throw error;
      }
    },

    async close() {
      const adapters = [...open];
      const results = await Promise.allSettled(adapters.map((a) => a.dispose()));
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failure) throw failure.reason;
    },
  };
}
