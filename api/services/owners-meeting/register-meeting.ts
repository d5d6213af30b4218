import type { Client } from '@temporalio/client';
import type { Db, DbTx } from '../../../runtime/db';
import { queryCodeForNewCase } from '../public/query-code';
import { appendAudit } from '../../../runtime/audit';
import { chinaDateOf, endOfDayInChina, type IsoDate } from '../../../domain/clock';
import { AppError, type FieldError } from '../../../domain/errors';
import type { RegisterOwnersMeeting } from '../../../domain/forms/owners-meeting';
import {
  OM_PARAMETERS,
  earliestValidMeetingDate,
  noticeRules,
  opinionLastDay,
  votesOpenAt,
  type OwnersMeetingParameters,
} from '../../../domain/rules/owners-meeting';
import type { OwnersMeetingCaseData, OwnersMeetingInput, RegisteredMeeting } from '../../../workflows/owners-meeting/messages';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership } from '../../authz/organization-scope';
import { idempotentStart, type Idempotency } from '../cases/idempotent-start';
import { startCase } from '../cases/start-case';

export interface RegisterOwnersMeetingOptions {
  db: Db;
  temporal: Client;
  taskQueue: string;
  caller: Caller;
  body: RegisterOwnersMeeting;
  requestId: string;
  /** The rule set's periods (default: those in force). */
  parameters?: OwnersMeetingParameters;
  /** Overrides of the computed deadlines (ISO instants), for tests and demos. */
  opinionDeadline?: string;
  suggestionDeadline?: string;
  /** Override of the instant the votes task opens (default: the start of the meeting day in China), for tests. */
  votesOpenAt?: string;
  /**
   * The registration day (default: today in China). Tests and demos replay a meeting already held by registering it
   * as of an earlier day; the API never sets it.
   */
  registeredOn?: IsoDate;
  idempotency?: Idempotency;
}

const MEETING_NAMES = { assembly: '业主大会会议', committee: '业主委员会会议' } as const;

function dateProblem(path: string, zh: string, en: string): AppError {
  const field: FieldError = { path, code: 'invalid_date', message: { 'zh-CN': zh, en } };
  return new AppError('VALIDATION_FAILED', { fields: [field] });
}

/**
 * An owners' committee registers a meeting of its assembly or of itself. OM-NOTICE (assembly) and OM-INFORM are
 * checked with the statutory clock first: a late notice is refused (422 with the rules and the earliest valid
 * meeting date, audited so the sub-district office sees it); otherwise the case opens, the workflow informs the
 * residents' committee at once and asks for its opinion by the deadline.
 */
export async function registerOwnersMeeting(options: RegisterOwnersMeetingOptions) {
  // 我要查: the committee gets the meeting's query code in this answer only (PostgreSQL keeps its hash).
  const code = queryCodeForNewCase();
  const row = await idempotentStart({
    ...options,
    procedure: 'owners-meeting',
    start: () => openOwnersMeeting(options, code.alsoInTransaction),
  });
  return { ...row, queryCode: await code.shown(options.db, row.id) };
}

async function openOwnersMeeting(
  options: RegisterOwnersMeetingOptions,
  alsoInTransaction: (tx: DbTx, caseId: string) => Promise<void>,
) {
  const { db, caller, body } = options;
  const params = options.parameters ?? OM_PARAMETERS;
  const membership = currentMembership(caller);
  if (membership.role !== 'OWNERS_COMMITTEE_MEMBER' || membership.organizationKind !== 'OWNERS_COMMITTEE')
    throw new AppError('FORBIDDEN');
  const committee = await db.organization.findUniqueOrThrow({
    where: { id: membership.organizationId },
    select: { id: true, name: true, parent: { select: { id: true, kind: true } } },
  });
  const community = committee.parent;
  if (community?.kind !== 'COMMUNITY') {
    throw new AppError('BAD_REQUEST', {
      message: {
        'zh-CN': '该业主委员会未隶属于社区居民委员会，无法告知。',
        en: "This owners' committee is not attached to a community's residents' committee.",
      },
    });
  }

  const today = options.registeredOn ?? chinaDateOf(new Date());
  if (body.noticeDate > today) throw dateProblem('noticeDate', '通知日期不能晚于今天', 'The notice date cannot be after today');
  if (body.residentsCommitteeInformedDate && body.residentsCommitteeInformedDate > today) {
    throw dateProblem(
      'residentsCommitteeInformedDate',
      '告知居委会的日期不能晚于今天',
      "The residents' committee's informing date cannot be after today",
    );
  }
  if (body.meetingDate <= today)
    throw dateProblem('meetingDate', '会议须在登记之后召开', 'A meeting is registered before the day it is held');

  const meeting: RegisteredMeeting = {
    meetingType: body.meetingType,
    kind: body.kind,
    meetingDate: body.meetingDate,
    place: body.place,
    noticeDate: body.noticeDate,
    residentsCommitteeInformedDate: body.residentsCommitteeInformedDate ?? today,
    // The system informs the residents' committee on registration: its opinion period runs from today (OM-INFORM).
    systemInformedDate: today,
    items: body.items,
  };
  const rules = noticeRules(meeting, params);
  const failed = rules.filter((r) => !r.passed);
  if (failed.length > 0) {
    const earliest = earliestValidMeetingDate(
      { ...meeting, residentsCommitteeInformedDate: body.residentsCommitteeInformedDate ?? today, systemInformedDate: today },
      params,
    );
    await refuseLateNotice(db, {
      caller,
      committeeId: committee.id,
      meeting,
      earliest,
      failed: failed.map((r) => r.id),
      requestId: options.requestId,
    });
    throw new AppError('RULE_FAILED', {
      details: { rules, earliestMeetingDate: earliest },
      message: {
        'zh-CN': `通知时间不符合法定要求（${failed.map((r) => r.id).join('、')}），按现在通知最早可于 ${earliest} 召开会议。`,
        en: `The notice is late (${failed.map((r) => r.id).join(', ')}); notified now, the meeting can be held on ${earliest} at the earliest.`,
      },
    });
  }

  const opinionDeadline = options.opinionDeadline ?? endOfDayInChina(opinionLastDay(meeting.meetingDate, params)).toISOString();
  const votesOpen = options.votesOpenAt ?? votesOpenAt(meeting.meetingDate);
  const data: OwnersMeetingCaseData = {
    meeting,
    ownersCommitteeOrgId: committee.id,
    residentsCommitteeOrgId: community.id,
    notice: { passed: true, rules },
    opinion: { status: 'pending', deadline: opinionDeadline },
    votesOpenAt: votesOpen,
  };
  return startCase({
    db,
    temporal: options.temporal,
    taskQueue: options.taskQueue,
    caller,
    requestId: options.requestId,
    idempotency: options.idempotency,
    procedure: 'owners-meeting',
    alsoInTransaction,
    organizationId: committee.id,
    title: `${committee.name} ${MEETING_NAMES[meeting.meetingType]}（${meeting.meetingDate}）`,
    data: data as unknown as Record<string, unknown>,
    workflowArgs: (caseId): [OwnersMeetingInput] => [
      {
        caseId,
        ownersCommitteeOrgId: committee.id,
        ownersCommitteeName: committee.name,
        residentsCommitteeOrgId: community.id,
        meeting,
        parameters: params,
        opinionDeadline,
        votesOpenAt: votesOpen,
        suggestionDeadline: options.suggestionDeadline,
      },
    ],
  });
}

/** The audit row of a refused registration: the sub-district office's list of late notices reads these. */
export const REFUSED_NOTICE_ACTION = 'owners-meeting.notice-refused';

async function refuseLateNotice(
  db: Db,
  refusal: {
    caller: Caller;
    committeeId: string;
    meeting: RegisteredMeeting;
    earliest: IsoDate;
    failed: string[];
    requestId: string;
  },
): Promise<void> {
  await db.$transaction((tx) =>
    appendAudit(tx, {
      action: REFUSED_NOTICE_ACTION,
      targetType: 'organization',
      targetId: refusal.committeeId,
      actorId: refusal.caller.userId,
      actingOrgId: refusal.committeeId,
      outcome: 'refused',
      reason: `rules:${refusal.failed.join(',')}`,
      requestId: refusal.requestId,
      data: {
        meetingType: refusal.meeting.meetingType,
        meetingDate: refusal.meeting.meetingDate,
        noticeDate: refusal.meeting.noticeDate,
        residentsCommitteeInformedDate: refusal.meeting.residentsCommitteeInformedDate,
        earliestMeetingDate: refusal.earliest,
        failedRules: refusal.failed,
      },
    }),
  );
}
