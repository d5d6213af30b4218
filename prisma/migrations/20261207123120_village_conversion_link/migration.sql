-- AlterTable
ALTER TABLE "organization" ADD COLUMN     "conversion_case_id" UUID,
ADD COLUMN     "converted_at" TIMESTAMPTZ(3),
ADD COLUMN     "residents_committee_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "organization_residents_committee_id_key" ON "organization"("residents_committee_id");

-- AddForeignKey
ALTER TABLE "organization" ADD CONSTRAINT "organization_residents_committee_id_fkey" FOREIGN KEY ("residents_committee_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Villages already converted by an approved case: mark them and link their residents' committee (the latest approval
-- where a village was approved twice before this rule existed).
UPDATE "organization" AS v
SET "converted_at" = c."closed_at", "conversion_case_id" = c."id", "residents_committee_id" = (c."data"->>'residentsCommitteeOrgId')::uuid
FROM (
  SELECT DISTINCT ON ("organization_id") "id", "organization_id", "closed_at", "data"
  FROM "case"
  WHERE "procedure" = 'village-conversion' AND "status" = 'COMPLETED' AND "data" ? 'residentsCommitteeOrgId'
  ORDER BY "organization_id", "closed_at" DESC NULLS LAST
) AS c
WHERE v."id" = c."organization_id" AND v."residents_committee_id" IS NULL;

-- One open or approved conversion per village (村改居 happens once). A village with two such cases from before this rule
-- must be resolved by hand before this migration applies (the index creation names the duplicate).
CREATE UNIQUE INDEX "case_one_live_conversion_per_village" ON "case"("organization_id")
  WHERE "procedure" = 'village-conversion' AND "status" IN ('OPEN', 'COMPLETED');
