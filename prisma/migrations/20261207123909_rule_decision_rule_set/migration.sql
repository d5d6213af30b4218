-- AlterTable
ALTER TABLE "rule_decision" ADD COLUMN     "rule_set" TEXT,
ADD COLUMN     "undetermined" BOOLEAN NOT NULL DEFAULT false;

-- Decisions recorded before this column name the rule set of their case (kept from the day it started).
UPDATE "rule_decision" d SET "rule_set" = c."rule_set_version" FROM "case" c WHERE c."id" = d."case_id" AND d."rule_set" IS NULL;
