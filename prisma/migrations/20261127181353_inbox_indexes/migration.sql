-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "case_number_trgm_idx" ON "case" USING GIN ("number" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "case_title_trgm_idx" ON "case" USING GIN ("title" gin_trgm_ops);

-- Open tasks in due order, with their candidate organization's ancestors in the index: a county's (or township's)
-- subtree view reads it in order and filters on the ancestors without visiting the table (an index-only scan), so
-- its first page costs about as much as a township's. (Partial and INCLUDE indexes are not expressible in
-- schema.prisma; the schema engine leaves this one alone, see tests/migrations.test.ts.)
CREATE INDEX "task_open_due_subtree_idx" ON "task" ("due_at", "id") INCLUDE ("candidate_org_ancestors") WHERE "status" = 'OPEN';
