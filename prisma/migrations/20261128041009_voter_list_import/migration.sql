-- CreateTable
CREATE TABLE "voter_list_import" (
    "id" UUID NOT NULL,
    "election_id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "imported_by_id" UUID NOT NULL,
    "idempotency_key" TEXT,
    "idempotency_fingerprint" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "voter_list_import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "voter_list_import_election_id_idx" ON "voter_list_import"("election_id");

-- CreateIndex
CREATE UNIQUE INDEX "voter_list_import_imported_by_id_idempotency_key_key" ON "voter_list_import"("imported_by_id", "idempotency_key");

-- AddForeignKey
ALTER TABLE "voter_list_import" ADD CONSTRAINT "voter_list_import_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
