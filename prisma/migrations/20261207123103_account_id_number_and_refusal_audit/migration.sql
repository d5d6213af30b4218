-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "id_number" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "app_user_id_number_key" ON "app_user"("id_number");

-- CreateIndex
CREATE INDEX "audit_event_request_id_idx" ON "audit_event"("request_id");

-- Real-name accounts: the demo resident ("applicant", seeded before accounts carried an ID number) gets the demo
-- number its migrant-application demo files under (scripts/demo-seed.ts DEMO_APPLICANT_ID_NUMBER). Other accounts
-- are bound by their administrator (PATCH /api/v1/users/:userId { idNumber }).
UPDATE "app_user" SET "id_number" = '37010219880701201X'
WHERE "username" = 'applicant' AND "is_demo" AND "id_number" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "app_user" WHERE "id_number" = '37010219880701201X');
