-- AlterTable
ALTER TABLE "election" ADD COLUMN     "objection_window_closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "objection_window_closes_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "task" ADD COLUMN     "workflow_id" TEXT;

-- Elections published before this version: their window closes at the end of its last day, China time (the
-- election's timer: endOfDayInChina(objection_last_day)), so the API can judge objections to them too.
UPDATE "election"
SET "objection_window_closes_at" = (("objection_last_day"::date + 1)::text || 'T00:00:00+08:00')::timestamptz
WHERE "objection_last_day" IS NOT NULL AND "objection_window_closes_at" IS NULL;
