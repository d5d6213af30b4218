import { notificationSentence } from '../domain/notifications';
import type { DbTx } from './db';
import { enabledChannels, enqueueChannelMessages } from './channel-sender';
import type { Prisma, Role } from '../prisma/generated/client';

/** Kinds of in-app notifications; the web app renders each in the reader's language from `params`. */
export type NotificationKind =
  | 'task.assigned'
  | 'task.offered'
  | 'task.reminder'
  | 'task.due'
  | 'task.escalated'
  | 'case.decided'
  | 'owners-meeting.informed'
  | 'owners-meeting.opinion'
  | 'community-profile.prompt'
  | 'task.urged'
  | 'case.circulated';

export interface NotificationInput {
  kind: NotificationKind;
  /** One user, or everyone with `role` (or any role when omitted) in `organizationId`. */
  userId?: string;
  organizationId?: string;
  role?: Role;
  caseId?: string;
  taskId?: string;
  params?: Record<string, unknown>;
  /** Makes a retried activity notify once. */
  dedupeKey?: string;
}

const SUBJECTS: Record<NotificationKind, string> = {
  'task.assigned': '有新的待办任务分配给您 / A task was assigned to you',
  'task.offered': '您的单位有新的待办任务 / A new task for your organization',
  'task.reminder': '任务即将到期 / A task is due soon',
  'task.due': '任务已到期（黄色预警）/ A task is due (yellow warning)',
  'task.escalated': '任务逾期已督办（红色预警）/ A task is overdue and escalated (red warning)',
  'case.decided': '您的案件已有决定 / A decision on your case',
  'owners-meeting.informed': "业主大会（业主委员会）会议告知 / An owners' meeting was announced to you",
  'owners-meeting.opinion': "居委会对会议的意见 / The residents' committee's opinion on your meeting",
  'community-profile.prompt': '社区建设目标提示 / A prompt from the community targets',
  'task.urged': '任务被催办 / A task was urged',
  'case.circulated': '有案件传阅给您 / A case was circulated to you',
};

/**
 * Writes an in-app notification, and a mail into the outbox for each recipient with an e-mail address (sent by the
 * SMTP sender when one is configured). Runs inside the caller's transaction.
 */
export async function notify(tx: DbTx, input: NotificationInput): Promise<void> {
  if (input.dedupeKey && (await tx.notification.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } })))
    return;
  const notification = await tx.notification.create({
    data: {
      kind: input.kind,
      userId: input.userId,
      organizationId: input.organizationId,
      role: input.role,
      caseId: input.caseId,
      taskId: input.taskId,
      params: (input.params ?? {}) as Prisma.InputJsonValue,
      dedupeKey: input.dedupeKey,
    },
  });
  const recipients = await tx.user.findMany({
    where: {
      disabled: false,
      ...(input.userId
        ? { id: input.userId }
        : { memberships: { some: { organizationId: input.organizationId, ...(input.role ? { role: input.role } : {}) } } }),
    },
    select: { id: true, email: true, phone: true },
  });
  const sentence = notificationSentence(input.kind, input.params ?? {});
  await reachPeople(tx, input, sentence['zh-CN'], recipients, input.dedupeKey ?? notification.id);
  for (const r of recipients) {
    if (!r.email) continue;
    await tx.emailOutbox.create({
      data: {
        toAddress: r.email,
        subject: SUBJECTS[input.kind],
        body: `${sentence['zh-CN']}\n${sentence.en}`,
        dedupeKey: input.dedupeKey ? `${input.dedupeKey}:${r.id}` : undefined,
      },
    });
  }
}

/** Reminders, yellow and red cards and escalations (issue 20 item 8) also go out by SMS and the 政务 IM robot. */
const REACHING_KINDS: ReadonlySet<NotificationKind> = new Set(['task.reminder', 'task.due', 'task.escalated']);

/**
 * Copies a reminder to every channel that is on (runtime/channel-sender.ts; none by default), in the notification's
 * transaction: an SMS to each recipient with a mobile number, one post to the IM robot's group.
 */
async function reachPeople(
  tx: DbTx,
  input: NotificationInput,
  text: string,
  recipients: { id: string; phone: string | null }[],
  key: string,
): Promise<void> {
  if (!REACHING_KINDS.has(input.kind)) return;
  const channels = enabledChannels();
  if (channels.size === 0) return;
  const subject = SUBJECTS[input.kind].split(' / ')[0];
  await enqueueChannelMessages(tx, [
    ...(channels.has('sms')
      ? recipients
          .filter((r) => r.phone)
          .map((r) => ({ channel: 'sms' as const, toAddress: r.phone, body: text, dedupeKey: `${key}:sms:${r.id}` }))
      : []),
    ...(channels.has('im')
      ? [{ channel: 'im' as const, toAddress: null, body: `【${subject}】${text}`, dedupeKey: `${key}:im` }]
      : []),
  ]);
}
