-- CreateTable
CREATE TABLE "task_urge" (
    "id" UUID NOT NULL,
    "task_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "urged_by_id" UUID NOT NULL,
    "urger_org_id" UUID,
    "capacity" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "china_date" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_urge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_circulation" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "sender_id" UUID NOT NULL,
    "sender_org_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "recipient_user_id" UUID,
    "recipient_org_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_circulation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "circulation_receipt" (
    "circulation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "first_opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "circulation_receipt_pkey" PRIMARY KEY ("circulation_id","user_id")
);

-- CreateTable
CREATE TABLE "opinion_phrase" (
    "id" UUID NOT NULL,
    "owner_id" UUID,
    "organization_id" UUID,
    "text" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opinion_phrase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "task_urge_case_id_created_at_idx" ON "task_urge"("case_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "task_urge_task_id_urged_by_id_china_date_key" ON "task_urge"("task_id", "urged_by_id", "china_date");

-- CreateIndex
CREATE INDEX "case_circulation_recipient_user_id_created_at_idx" ON "case_circulation"("recipient_user_id", "created_at");

-- CreateIndex
CREATE INDEX "case_circulation_recipient_org_id_created_at_idx" ON "case_circulation"("recipient_org_id", "created_at");

-- CreateIndex
CREATE INDEX "case_circulation_case_id_idx" ON "case_circulation"("case_id");

-- CreateIndex
CREATE INDEX "opinion_phrase_owner_id_idx" ON "opinion_phrase"("owner_id");

-- CreateIndex
CREATE INDEX "opinion_phrase_organization_id_idx" ON "opinion_phrase"("organization_id");

-- AddForeignKey
ALTER TABLE "case_circulation" ADD CONSTRAINT "case_circulation_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "circulation_receipt" ADD CONSTRAINT "circulation_receipt_circulation_id_fkey" FOREIGN KEY ("circulation_id") REFERENCES "case_circulation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

