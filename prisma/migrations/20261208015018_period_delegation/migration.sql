-- CreateTable
CREATE TABLE "period_delegation" (
    "id" UUID NOT NULL,
    "delegator_id" UUID NOT NULL,
    "delegate_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "period_delegation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "period_delegation_delegate_id_organization_id_role_idx" ON "period_delegation"("delegate_id", "organization_id", "role");

-- CreateIndex
CREATE INDEX "period_delegation_delegator_id_idx" ON "period_delegation"("delegator_id");
