-- DropForeignKey
ALTER TABLE "webhook_event" DROP CONSTRAINT "webhook_event_organization_id_fkey";

-- DropForeignKey
ALTER TABLE "webhook_subscription" DROP CONSTRAINT "webhook_subscription_organization_id_fkey";

-- CreateTable
CREATE TABLE "channel_outbox" (
    "id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "to_address" TEXT,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "dedupe_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "channel_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "channel_outbox_dedupe_key_key" ON "channel_outbox"("dedupe_key");

-- CreateIndex
CREATE INDEX "channel_outbox_status_next_attempt_at_idx" ON "channel_outbox"("status", "next_attempt_at");
