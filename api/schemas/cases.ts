import { z } from 'zod';

export const caseStatus = z.enum(['OPEN', 'COMPLETED', 'REJECTED', 'WITHDRAWN', 'FAILED']);

export const caseSummary = z
  .object({
    id: z.string().uuid(),
    number: z.string(),
    procedure: z.string(),
    title: z.string(),
    status: caseStatus,
    organizationId: z.string().uuid(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'CaseSummary' });

export function toCaseSummary(row: {
  id: string;
  number: string;
  procedure: string;
  title: string;
  status: z.infer<typeof caseStatus>;
  organizationId: string;
  openedAt: Date;
  closedAt: Date | null;
}): z.infer<typeof caseSummary> {
  return {
    id: row.id,
    number: row.number,
    procedure: row.procedure,
    title: row.title,
    status: row.status,
    organizationId: row.organizationId,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
