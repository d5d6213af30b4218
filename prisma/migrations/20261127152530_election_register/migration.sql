-- CreateEnum
CREATE TYPE "ElectionStatus" AS ENUM ('SETUP', 'REGISTRATION', 'OBJECTIONS', 'CANDIDATES', 'VOTING', 'HANDOVER', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "VoterEntrySource" AS ENUM ('RESIDENT', 'MIGRANT', 'OBJECTION');

-- CreateEnum
CREATE TYPE "MigrantApplicationStatus" AS ENUM ('UNDER_REVIEW', 'EVIDENCE_REQUESTED', 'APPROVED', 'REFUSED');

-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('OPEN', 'UPHELD', 'DISMISSED', 'LATE');

-- CreateTable
CREATE TABLE "election" (
    "id" UUID NOT NULL,
    "community_org_id" UUID NOT NULL,
    "township_org_id" UUID NOT NULL,
    "committee_org_id" UUID NOT NULL,
    "law" TEXT NOT NULL,
    "status" "ElectionStatus" NOT NULL DEFAULT 'SETUP',
    "election_date" TEXT,
    "seats" INTEGER,
    "method" TEXT,
    "committee_members" JSONB NOT NULL DEFAULT '[]',
    "list_published_on" TEXT,
    "list_late_reason" TEXT,
    "objection_last_day" TEXT,
    "registered_voters" INTEGER,
    "candidates" JSONB NOT NULL DEFAULT '[]',
    "rounds" JSONB NOT NULL DEFAULT '[]',
    "elected" JSONB NOT NULL DEFAULT '[]',
    "handed_over_on" TEXT,
    "report" JSONB,
    "origin" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "election_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "voter_list_entry" (
    "id" UUID NOT NULL,
    "election_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "id_number" TEXT NOT NULL,
    "birth_date" TEXT NOT NULL,
    "address" TEXT,
    "residents_group" TEXT,
    "source" "VoterEntrySource" NOT NULL,
    "application_id" UUID,
    "objection_id" UUID,
    "active_id_number" TEXT,
    "removed_at" TIMESTAMPTZ(3),
    "removed_reason" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "voter_list_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "migrant_application" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "election_id" UUID NOT NULL,
    "applicant_user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "id_number" TEXT NOT NULL,
    "birth_date" TEXT NOT NULL,
    "phone" TEXT,
    "address" TEXT NOT NULL,
    "residence_since" TEXT NOT NULL,
    "has_legal_fixed_residence" BOOLEAN NOT NULL,
    "residence_evidence" TEXT NOT NULL,
    "political_rights_deprived" BOOLEAN NOT NULL,
    "registered_elsewhere" BOOLEAN NOT NULL,
    "status" "MigrantApplicationStatus" NOT NULL DEFAULT 'UNDER_REVIEW',
    "precheck" JSONB NOT NULL DEFAULT '[]',
    "precheck_round" INTEGER NOT NULL DEFAULT 0,
    "decision_reason" TEXT,
    "requested_evidence" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "migrant_application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "voter_objection" (
    "id" UUID NOT NULL,
    "election_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "objector_name" TEXT NOT NULL,
    "grounds" TEXT NOT NULL,
    "entry_id" UUID,
    "person_name" TEXT,
    "person_id_number" TEXT,
    "person_address" TEXT,
    "received_on" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer_due_at" TIMESTAMPTZ(3),
    "status" "ObjectionStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "answered_on" TEXT,
    "answered_at" TIMESTAMPTZ(3),
    "answered_in_time" BOOLEAN,
    "recorded_by_id" UUID NOT NULL,

    CONSTRAINT "voter_objection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "election_community_org_id_idx" ON "election"("community_org_id");

-- CreateIndex
CREATE INDEX "election_committee_org_id_idx" ON "election"("committee_org_id");

-- CreateIndex
CREATE INDEX "election_status_idx" ON "election"("status");

-- CreateIndex
CREATE UNIQUE INDEX "voter_list_entry_application_id_key" ON "voter_list_entry"("application_id");

-- CreateIndex
CREATE UNIQUE INDEX "voter_list_entry_active_id_number_key" ON "voter_list_entry"("active_id_number");

-- CreateIndex
CREATE INDEX "voter_list_entry_election_id_removed_at_idx" ON "voter_list_entry"("election_id", "removed_at");

-- CreateIndex
CREATE INDEX "voter_list_entry_id_number_idx" ON "voter_list_entry"("id_number");

-- CreateIndex
CREATE UNIQUE INDEX "migrant_application_number_key" ON "migrant_application"("number");

-- CreateIndex
CREATE INDEX "migrant_application_election_id_status_idx" ON "migrant_application"("election_id", "status");

-- CreateIndex
CREATE INDEX "migrant_application_id_number_idx" ON "migrant_application"("id_number");

-- CreateIndex
CREATE INDEX "migrant_application_applicant_user_id_idx" ON "migrant_application"("applicant_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "voter_objection_election_id_number_key" ON "voter_objection"("election_id", "number");

-- AddForeignKey
ALTER TABLE "election" ADD CONSTRAINT "election_id_fkey" FOREIGN KEY ("id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "election" ADD CONSTRAINT "election_community_org_id_fkey" FOREIGN KEY ("community_org_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voter_list_entry" ADD CONSTRAINT "voter_list_entry_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "migrant_application" ADD CONSTRAINT "migrant_application_id_fkey" FOREIGN KEY ("id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "migrant_application" ADD CONSTRAINT "migrant_application_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voter_objection" ADD CONSTRAINT "voter_objection_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
