// Loads Prisma's WebAssembly schema engine and binds it to a PostgreSQL database through ./migration-adapter.ts.
//
// The Prisma 7 CLI ships the engine (prisma/build/schema_engine_bg.wasm) but its migrate commands only drive the
// native binary, which cannot be downloaded offline. The wasm-bindgen JS glue is published separately as
// @prisma/schema-engine-wasm; Node 20 cannot `import` a .wasm file, so we instantiate the CLI's own wasm file with
// that glue ourselves (the CLI's file, so the engine matches the installed CLI version exactly).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type * as Glue from '@prisma/schema-engine-wasm/schema_engine_bg' with { 'resolution-mode': 'import' };
import { createMigrationAdapterFactory } from './migration-adapter';

export type {
  ApplyMigrationsOutput,
  DiffParams,
  DiffResult,
  DiffTarget,
  MigrationDirectory,
  MigrationList,
  SchemaContainer,
  SchemaFilter,
} from '@prisma/schema-engine-wasm/schema_engine_bg' with { 'resolution-mode': 'import' };

type GlueModule = typeof Glue;
/** The engine's methods (applyMigrations, diff, diagnoseMigrationHistory, …) as typed by the glue. */
export type WasmSchemaEngine = Glue.SchemaEngine;

interface PanicRegistry {
  set_message(message: string): void;
}
declare global {
  // Read by the glue when the engine panics; without it a panic surfaces as an unreadable error.
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

/** The last panic message of the engine, if any (a panic aborts the current call with a RuntimeError). */
let lastPanic: string | undefined;

/** Paths resolved through Node's module resolution, so this works from any working directory. */
function enginePaths(): { wasm: string; glue: string } {
  return {
    wasm: path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'schema_engine_bg.wasm'),
    glue: require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'),
  };
}

// The WebAssembly global, typed minimally: this project's libs (ES2023 + @types/node 20) do not declare it.
interface WasmModule {
  readonly __wasmModule: unique symbol;
}
interface WasmApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  instantiate(
    module: WasmModule,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ exports: Record<string, unknown> }>;
  Module: { imports(module: WasmModule): Array<{ module: string; name: string; kind: string }> };
}
const WebAssemblyApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let loaded: Promise<GlueModule> | undefined;

/** Instantiates the wasm engine once per process; the glue module holds the instance. */
export function loadSchemaEngineWasm(): Promise<GlueModule> {
  return (loaded ??= (async () => {
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message) => {
        lastPanic = message;
      },
    };
    const paths = enginePaths();
    // The glue is an ES module; a dynamic import is the way to load it from CommonJS.
    const glue = (await import(pathToFileURL(paths.glue).href)) as GlueModule;
    const module = await WebAssemblyApi.compile(await fs.promises.readFile(paths.wasm));
    // The glue and the wasm come from different packages: check that the glue provides every import.
    const glueExports = glue as unknown as Record<string, unknown>;
    const missing = WebAssemblyApi.Module.imports(module).filter((i) => typeof glueExports[i.name] !== 'function');
    if (missing.length > 0) {
      throw new Error(
        `@prisma/schema-engine-wasm does not match ${paths.wasm} (missing ${missing.map((i) => i.name).join(', ')}); ` +
          'install the @prisma/schema-engine-wasm build that matches the prisma package',
      );
    }
    const instance = await WebAssemblyApi.instantiate(module, { './schema_engine_bg.js': glueExports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();
    return glue;
  })());
}

export interface SchemaEngineOptions {
  /** postgresql://… of the database the engine works on (the shadow database is created on the same server). */
  databaseUrl: string;
  /** Prisma schema files ([path, content]); omit when the operation needs none (e.g. applying migrations). */
  schemaFiles?: Array<{ path: string; content: string }>;
  /** Receives the engine's log lines (JSON strings). */
  log?: (line: string) => void;
}

export interface SchemaEngineHandle {
  readonly engine: WasmSchemaEngine;
  /** Frees the engine and closes every connection it opened (idempotent). */
  dispose(): Promise<void>;
}

/** Adds the engine's panic message to an error thrown by an engine call. */
export function explainEngineError(error: unknown): Error {
  const panic = lastPanic;
  lastPanic = undefined;
  const base = error instanceof Error ? error : new Error(typeof error === 'string' ? error : JSON.stringify(error));
  if (panic && !base.message.includes(panic)) base.message = `${base.message} (schema engine panic: ${panic})`;
  return base;
}

/** Creates a schema engine bound to `databaseUrl`. Always dispose it (try/finally, or `withSchemaEngine`). */
export async function createSchemaEngine(options: SchemaEngineOptions): Promise<SchemaEngineHandle> {
  const glue = await loadSchemaEngineWasm();
  const factory = createMigrationAdapterFactory(options.databaseUrl);
  const log = options.log ?? (() => undefined);
  let engine: WasmSchemaEngine;
  try {
    engine = await glue.SchemaEngine.new(
      // An empty list panics: pass undefined when there is no schema.
      {
        datamodels: options.schemaFiles?.length
          ? options.schemaFiles.map((f): [string, string] => [f.path, f.content])
          : undefined,
      },
      (line: string) => log(line),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
  } catch (error) {
    await factory.close();
    throw explainEngineError(error);
  }
  let disposed: Promise<void> | undefined;
  return {
    engine,
    dispose: () =>
      (disposed ??= (async () => {
        engine.free();
        await factory.close();
      })()),
  };
}

/** Runs `fn` with a fresh engine and disposes it afterwards; engine errors carry the panic message, if any. */
export async function withSchemaEngine<T>(
  options: SchemaEngineOptions,
  fn: (engine: WasmSchemaEngine) => Promise<T>,
): Promise<T> {
  const handle = await createSchemaEngine(options);
  try {
    return await fn(handle.engine);
  } catch (error) {
    throw explainEngineError(error);
  } finally {
    await handle.dispose();
  }
}
