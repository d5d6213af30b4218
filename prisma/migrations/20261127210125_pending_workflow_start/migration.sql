-- CreateTable
CREATE TABLE "pending_workflow_start" (
    "case_id" UUID NOT NULL,
    "workflow_type" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "task_queue" TEXT NOT NULL,
    "args" JSONB NOT NULL,
    "update_name" TEXT,
    "update_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pending_workflow_start_pkey" PRIMARY KEY ("case_id")
);

-- CreateIndex
CREATE INDEX "pending_workflow_start_created_at_idx" ON "pending_workflow_start"("created_at");

-- AddForeignKey
ALTER TABLE "pending_workflow_start" ADD CONSTRAINT "pending_workflow_start_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
