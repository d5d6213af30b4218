-- AlterTable
ALTER TABLE "case" ADD COLUMN     "idempotency_fingerprint" TEXT,
ADD COLUMN     "idempotency_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "case_opened_by_id_idempotency_key_key" ON "case"("opened_by_id", "idempotency_key");
