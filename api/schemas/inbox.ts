import { z } from 'zod';

export const inboxView = z.enum(['mine', 'unclaimed', 'organization']);

/** Inbox filters: also the shape of a saved filter. */
export const inboxFilter = z
  .object({
    view: inboxView.default('mine'),
    procedure: z.string().trim().max(50).optional(),
    kind: z.string().trim().max(100).optional(),
    status: z.enum(['OPEN', 'COMPLETED', 'CANCELLED']).optional(),
    dueBefore: z.iso.datetime({ offset: true }).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    organizationId: z.string().uuid().optional(),
    q: z.string().trim().max(100).optional(),
    sort: z.enum(['dueAt', '-dueAt', 'createdAt', '-createdAt']).default('dueAt'),
  })
  .strict();

export const inboxQuery = inboxFilter.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  savedFilterId: z.string().uuid().optional(),
});

export const inboxItem = z
  .object({
    id: z.string().uuid(),
    caseId: z.string().uuid(),
    caseNumber: z.string(),
    caseTitle: z.string(),
    procedure: z.string(),
    kind: z.string(),
    formId: z.string(),
    status: z.enum(['OPEN', 'COMPLETED', 'CANCELLED']),
    candidateOrgId: z.string().uuid(),
    candidateOrgName: z.string(),
    candidateRole: z.string(),
    assigneeId: z.string().uuid().nullable(),
    assigneeName: z.string().nullable(),
    dueAt: z.string().nullable(),
    warning: z.enum(['none', 'reminded', 'yellow', 'red']),
    calendarWarning: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'InboxItem' });

export const inboxPage = z.object({ items: z.array(inboxItem), nextCursor: z.string().nullable() });

export const savedFilterBody = z
  .object({ name: z.string().trim().min(1).max(100), filter: inboxFilter, shared: z.boolean().default(false) })
  .strict()
  .meta({ examples: [{ name: '本周到期', filter: { view: 'unclaimed', overdue: 'false' }, shared: true }] });

export const savedFilterView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  filter: z.record(z.string(), z.unknown()),
  shared: z.boolean(),
  mine: z.boolean(),
});
