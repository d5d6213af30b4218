-- The audit trail becomes a fixed number of hash chains, each with its own gapless position (chain_seq), previous
-- hash and advisory lock, so writers of different cases no longer wait for one global lock (runtime/audit.ts).
-- Rows written before this migration form chain 0 unchanged: their position is their old global seq, which is what
-- their hash covers, so they still verify.
ALTER TABLE "audit_event" ADD COLUMN     "chain" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "chain_seq" BIGINT;

-- Backfill once, with the append-only trigger off for this statement only (the table is otherwise never updated).
ALTER TABLE "audit_event" DISABLE TRIGGER "audit_event_no_update_delete";
UPDATE "audit_event" SET "chain_seq" = "seq";
ALTER TABLE "audit_event" ENABLE TRIGGER "audit_event_no_update_delete";

ALTER TABLE "audit_event" ALTER COLUMN "chain_seq" SET NOT NULL;

-- The global seq now comes from its sequence (it was assigned by the writer under the old global lock).
SELECT setval(pg_get_serial_sequence('"audit_event"', 'seq'), COALESCE((SELECT max("seq") FROM "audit_event"), 0) + 1, false);

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_chain_chain_seq_key" ON "audit_event"("chain", "chain_seq");
