-- AlterTable
ALTER TABLE "voter_objection" ADD COLUMN     "idempotency_fingerprint" TEXT,
ADD COLUMN     "idempotency_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "voter_objection_recorded_by_id_idempotency_key_key" ON "voter_objection"("recorded_by_id", "idempotency_key");
