import { z } from 'zod';

/** Schemas of the office lists (已办, 我发起, 抄送我), 催办, 督办, 传阅 and 常用意见 (issue 20). */

export const listLimit = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();

export const doneItem = z
  .object({
    taskId: z.string().uuid(),
    caseId: z.string().uuid(),
    caseNumber: z.string(),
    caseTitle: z.string(),
    procedure: z.string(),
    kind: z.string(),
    organizationName: z.string(),
    completedAt: z.string().nullable(),
    decision: z.string().nullable(),
    opinion: z.string().nullable(),
  })
  .meta({ id: 'DoneItem' });

export const startedItem = z
  .object({
    caseId: z.string().uuid(),
    caseNumber: z.string(),
    caseTitle: z.string(),
    procedure: z.string(),
    status: z.enum(['OPEN', 'COMPLETED', 'REJECTED', 'WITHDRAWN', 'FAILED']),
    organizationName: z.string(),
    openedAt: z.string(),
  })
  .meta({ id: 'StartedItem' });

export const circulatedItem = z
  .object({
    circulationId: z.string().uuid(),
    caseId: z.string().uuid(),
    caseNumber: z.string(),
    caseTitle: z.string(),
    procedure: z.string(),
    purpose: z.string(),
    sender: z.string(),
    senderOrganization: z.string(),
    sentAt: z.string(),
    /** When I first opened the case (null: not yet). */
    openedAt: z.string().nullable(),
  })
  .meta({ id: 'CirculatedItem' });

const reason = z.string().trim().min(1).max(500);

export const urgeBody = z
  .object({ reason })
  .strict()
  .meta({ examples: [{ reason: '已超期，请尽快办理。' }] });

export const urgeResult = z.object({ id: z.string().uuid(), chinaDate: z.string() });

export const urgeView = z
  .object({
    id: z.string().uuid(),
    capacity: z.enum(['initiator', 'supervisor']),
    reason: z.string(),
    urgedBy: z.string(),
    organizationName: z.string().nullable(),
    chinaDate: z.string(),
    at: z.string(),
  })
  .meta({ id: 'TaskUrge' });

export const reassignBody = z
  .object({ userId: z.string().uuid(), reason })
  .strict()
  .meta({ examples: [{ userId: '$userId', reason: '原办理人休假。' }] });

export const supervisedCard = z
  .object({
    id: z.string().uuid(),
    caseId: z.string().uuid(),
    caseNumber: z.string(),
    caseTitle: z.string(),
    procedure: z.string(),
    kind: z.string(),
    candidateOrgId: z.string().uuid(),
    candidateOrgName: z.string(),
    candidateRole: z.string(),
    assigneeId: z.string().uuid().nullable(),
    assigneeName: z.string().nullable(),
    dueAt: z.string().nullable(),
    card: z.enum(['yellow', 'red']),
    escalatedAt: z.string().nullable(),
    escalatedToOrgName: z.string().nullable(),
    urges: z.number().int(),
  })
  .meta({ id: 'SupervisedCard' });

export const supervisedCards = z.object({
  items: z.array(supervisedCard),
  red: z.number().int(),
  yellow: z.number().int(),
});

export const circulateBody = z
  .object({
    purpose: z.string().trim().min(1).max(500),
    userIds: z.array(z.string().uuid()).max(50).default([]),
    organizationIds: z.array(z.string().uuid()).max(50).default([]),
  })
  .strict()
  .meta({ examples: [{ purpose: '请阅知。', userIds: ['$userId'], organizationIds: [] }] });

export const circulationView = z
  .object({
    id: z.string().uuid(),
    purpose: z.string(),
    sender: z.string(),
    senderOrganization: z.string(),
    recipient: z.object({ kind: z.enum(['user', 'organization']), name: z.string() }),
    toMe: z.boolean(),
    sentAt: z.string(),
    receipts: z.array(z.object({ reader: z.string(), firstOpenedAt: z.string() })),
  })
  .meta({ id: 'CaseCirculation' });

const phraseText = z.string().trim().min(1).max(500);

export const phraseBody = z
  .object({
    text: phraseText,
    scope: z.enum(['personal', 'organization']).default('personal'),
    organizationId: z.string().uuid().optional(),
  })
  .strict()
  .meta({ examples: [{ text: '同意，请按程序办理。', scope: 'personal' }] });

export const phrasePatch = z
  .object({ text: phraseText })
  .strict()
  .meta({ examples: [{ text: '经审核，材料齐全，同意。' }] });

export const phraseView = z
  .object({ id: z.string().uuid(), text: z.string(), scope: z.enum(['personal', 'organization']), editable: z.boolean() })
  .meta({ id: 'OpinionPhrase' });

export const circulationRecipientsQuery = z.object({ q: z.string().trim().max(50).optional() }).strict();

export const circulationRecipients = z
  .object({
    organizations: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
    users: z.array(z.object({ id: z.string().uuid(), displayName: z.string(), organizationName: z.string() })),
  })
  .meta({ id: 'CirculationRecipients' });

export const delegationBody = z
  .object({
    delegateId: z.string().uuid(),
    startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    endsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    reason: z.string().trim().min(1).max(500),
  })
  .strict()
  .meta({ examples: [{ delegateId: '$userId', startsOn: '2099-01-04', endsOn: '2099-01-08', reason: '外出学习。' }] });

export const delegationView = z
  .object({
    id: z.string().uuid(),
    direction: z.enum(['given', 'received']),
    delegator: z.string(),
    delegate: z.string(),
    organizationId: z.string().uuid(),
    role: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    reason: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'PeriodDelegation' });
