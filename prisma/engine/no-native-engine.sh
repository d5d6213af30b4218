#!/bin/sh
# Stand-in named by PRISMA_SCHEMA_ENGINE_BINARY so the Prisma CLI skips its engine download (impossible offline).
# This project migrates with Prisma's WebAssembly schema engine: use `npm run db:migrate` / `npm run db:new-migration`.
echo "This project does not use the native Prisma schema engine; run 'npm run db:migrate' or 'npm run db:new-migration'." >&2
exit 1
