-- AlterTable
ALTER TABLE "election" ADD COLUMN     "registration_closed_at" TIMESTAMPTZ(3);
