// Loaded by the Prisma CLI (generate, validate, format).
// The CLI checks for a native schema engine before every command and downloads one when it is missing; that
// download is impossible offline. Migrations here run through the WebAssembly engine instead (prisma/engine/),
// so the CLI only needs an existing file at this path to skip its check; it is never executed by generate.
import path from 'node:path';
import { defineConfig } from 'prisma/config';

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, 'prisma', 'engine', 'no-native-engine.sh');

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
});
