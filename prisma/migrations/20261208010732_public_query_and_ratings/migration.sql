-- CreateTable
CREATE TABLE "case_query_code" (
    "case_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_query_code_pkey" PRIMARY KEY ("case_id")
);

-- CreateTable
CREATE TABLE "service_rating" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "procedure" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "comment" TEXT,
    "channel" TEXT NOT NULL,
    "rater_user_id" UUID,
    "responsible_org_id" UUID NOT NULL,
    "responsible_org_path" TEXT NOT NULL,
    "rectification_case_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_rating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "service_rating_case_id_key" ON "service_rating"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_rating_rectification_case_id_key" ON "service_rating"("rectification_case_id");

-- CreateIndex
CREATE INDEX "service_rating_responsible_org_path_idx" ON "service_rating"("responsible_org_path");

