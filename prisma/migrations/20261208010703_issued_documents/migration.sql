-- CreateTable
CREATE TABLE "document_number_sequence" (
    "organization_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "document_number_sequence_pkey" PRIMARY KEY ("organization_id","year")
);

-- CreateTable
CREATE TABLE "organization_signer" (
    "organization_id" UUID NOT NULL,
    "p12" BYTEA NOT NULL,
    "passphrase" TEXT NOT NULL,
    "seal_png" BYTEA,
    "cert_subject" TEXT NOT NULL,
    "cert_serial" TEXT NOT NULL,
    "cert_not_after" TIMESTAMPTZ(3) NOT NULL,
    "uploaded_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_signer_pkey" PRIMARY KEY ("organization_id")
);

-- CreateTable
CREATE TABLE "issued_document" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "case_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "verify_code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dated" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "signed" BOOLEAN NOT NULL,
    "signer_subject" TEXT,
    "signer_serial" TEXT,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "issued_document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "issued_document_verify_code_key" ON "issued_document"("verify_code");

-- CreateIndex
CREATE INDEX "issued_document_sha256_idx" ON "issued_document"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "issued_document_case_id_kind_key" ON "issued_document"("case_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "issued_document_organization_id_year_sequence_key" ON "issued_document"("organization_id", "year", "sequence");
