-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'CITY_CIVIL_AFFAIRS_REVIEWER';

-- CreateTable
CREATE TABLE "service_centre" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "area_m2" DECIMAL(12,2) NOT NULL,
    "has_one_stop_hall" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_centre_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "service_centre_year_idx" ON "service_centre"("year");

-- CreateIndex
CREATE UNIQUE INDEX "service_centre_organization_id_year_key" ON "service_centre"("organization_id", "year");

-- AddForeignKey
ALTER TABLE "service_centre" ADD CONSTRAINT "service_centre_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
