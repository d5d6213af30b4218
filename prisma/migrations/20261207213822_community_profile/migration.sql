-- CreateEnum
CREATE TYPE "CommunityProfileStatus" AS ENUM ('DRAFT', 'CONFIRMED');

-- CreateTable
CREATE TABLE "community_profile" (
    "id" UUID NOT NULL,
    "community_org_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "households" INTEGER NOT NULL,
    "residents" INTEGER NOT NULL,
    "committee_members" JSONB NOT NULL DEFAULT '[]',
    "social_workers" INTEGER NOT NULL,
    "social_organizations" INTEGER NOT NULL,
    "registered_volunteers" INTEGER NOT NULL,
    "volunteer_service_residents" INTEGER NOT NULL,
    "party_members" INTEGER NOT NULL,
    "party_member_volunteers" INTEGER NOT NULL,
    "office_space_m2" DECIMAL(12,2) NOT NULL,
    "service_centre_m2" DECIMAL(12,2) NOT NULL,
    "estates" JSONB NOT NULL DEFAULT '[]',
    "status" "CommunityProfileStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID NOT NULL,
    "confirmed_by_id" UUID,
    "confirmed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "community_profile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "community_profile_year_idx" ON "community_profile"("year");

-- CreateIndex
CREATE UNIQUE INDEX "community_profile_community_org_id_year_key" ON "community_profile"("community_org_id", "year");

-- AddForeignKey
ALTER TABLE "community_profile" ADD CONSTRAINT "community_profile_community_org_id_fkey" FOREIGN KEY ("community_org_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
