import type { Db } from '../../../runtime/db';
import { daysBetween } from '../../../domain/clock';
import { AppError } from '../../../domain/errors';
import type { Prisma } from '../../../prisma/generated/client';
import type { OwnersMeetingCaseData } from '../../../workflows/owners-meeting/messages';
import type { Caller } from '../../plugins/app/auth';
import { ownCases } from '../../authz/case-scope';
import { organizationsInScope } from '../../authz/organization-scope';
import type { OwnersMeetingListQuery, OwnersMeetingView } from '../../schemas/owners-meeting';
import { REFUSED_NOTICE_ACTION } from './register-meeting';
import type { CallerCaseRead } from '../caller-request';

const PROCEDURE = 'owners-meeting';

const caseSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  openedAt: true,
  closedAt: true,
  data: true,
  organization: { select: { id: true, name: true, parent: { select: { id: true, name: true } } } },
} as const satisfies Prisma.CaseSelect;

type MeetingRow = Prisma.CaseGetPayload<{ select: typeof caseSelect }>;

/** A meeting case as its readers see it, with what the supervising office should look at. */
export function toMeetingView(row: MeetingRow): OwnersMeetingView {
  const data = row.data as unknown as OwnersMeetingCaseData;
  const { meeting } = data;
  const attention: OwnersMeetingView['attention'] = [];
  if (data.opinion.status === 'none-by-deadline') attention.push('opinion-missing');
  if (data.votes && !data.votes.quorum) attention.push('no-quorum');
  if (data.posting?.onTime === false) attention.push('posted-late');
  return {
    caseId: row.id,
    number: row.number,
    title: row.title,
    status: row.status,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    ownersCommittee: { id: row.organization.id, name: row.organization.name },
    community: row.organization.parent ? { id: row.organization.parent.id, name: row.organization.parent.name } : null,
    meetingType: meeting.meetingType,
    kind: meeting.kind,
    meetingDate: meeting.meetingDate,
    place: meeting.place,
    items: meeting.items.map((item) => ({
      ...item,
      passed: data.votes?.items.find((d) => d.title === item.title)?.passed ?? null,
    })),
    notice: {
      noticeDate: meeting.noticeDate,
      residentsCommitteeInformedDate: meeting.residentsCommitteeInformedDate,
      daysBefore: daysBetween(meeting.noticeDate, meeting.meetingDate),
      passed: data.notice.passed,
      rules: data.notice.rules,
    },
    opinion: {
      status: data.opinion.status,
      deadline: data.opinion.deadline,
      text: data.opinion.text ?? null,
      givenAt: data.opinion.givenAt ?? null,
      givenBy: data.opinion.givenBy ?? null,
    },
    votes: data.votes
      ? { quorum: data.votes.quorum, recordedAt: data.votes.recordedAt, recordedBy: data.votes.recordedBy }
      : null,
    posting: data.posting
      ? {
          status: data.posting.status,
          postedOn: data.posting.postedOn ?? null,
          lastDay: data.posting.lastDay ?? null,
          onTime: data.posting.onTime ?? null,
        }
      : null,
    report: data.report
      ? {
          status: data.report.status,
          reportedAt: data.report.reportedAt,
          deadline: data.report.deadline,
          suggestions: data.report.suggestions ?? null,
        }
      : null,
    attention,
  };
}

const jsonEquals = (path: string[], value: string | boolean): Prisma.CaseWhereInput => ({ data: { path, equals: value } });

function filterWhere(query: OwnersMeetingListQuery): Prisma.CaseWhereInput[] {
  const where: Prisma.CaseWhereInput[] = [];
  if (query.status) where.push({ status: query.status });
  if (query.meetingType) where.push(jsonEquals(['meeting', 'meetingType'], query.meetingType));
  if (query.opinion) where.push(jsonEquals(['opinion', 'status'], query.opinion));
  if (query.from) where.push({ data: { path: ['meeting', 'meetingDate'], gte: query.from } });
  if (query.to) where.push({ data: { path: ['meeting', 'meetingDate'], lte: query.to } });
  if (query.attention === 'true') {
    where.push({
      OR: [
        jsonEquals(['opinion', 'status'], 'none-by-deadline'),
        jsonEquals(['votes', 'quorum'], false),
        jsonEquals(['posting', 'onTime'], false),
      ],
    });
  }
  return where;
}

/**
 * The supervising view (sub-district office, residents' committee, the owners' committee itself): meetings in the
 * caller's subtree with their notice, the residents' committee's opinion and the outcome, newest first, and the
 * registrations refused for a late notice.
 */
export async function listOwnersMeetings({ db, caller, query }: { db: Db; caller: Caller; query: OwnersMeetingListQuery }) {
  const rows = await db.case.findMany({
    where: { AND: [ownCases(caller), { procedure: PROCEDURE }, ...filterWhere(query)] },
    select: caseSelect,
    orderBy: { openedAt: 'desc' },
    take: query.limit,
  });
  const committees = await db.organization.findMany({
    where: { AND: [organizationsInScope(caller), { kind: 'OWNERS_COMMITTEE' }] },
    select: { id: true, name: true },
  });
  const names = new Map(committees.map((c) => [c.id, c.name]));
  const refusals =
    query.status || query.opinion || committees.length === 0
      ? []
      : await db.auditEvent.findMany({
          where: { action: REFUSED_NOTICE_ACTION, targetType: 'organization', targetId: { in: [...names.keys()] } },
          orderBy: { seq: 'desc' },
          take: query.limit,
        });
  return {
    meetings: rows.map(toMeetingView),
    refusedNotices: refusals
      .map((e) => ({ event: e, data: e.data as Record<string, unknown> }))
      .filter(({ data }) => !query.meetingType || data.meetingType === query.meetingType)
      .filter(
        ({ data }) =>
          (!query.from || String(data.meetingDate) >= query.from) && (!query.to || String(data.meetingDate) <= query.to),
      )
      .map(({ event, data }) => ({
        at: event.at.toISOString(),
        ownersCommittee: { id: event.targetId!, name: names.get(event.targetId!) ?? '' },
        meetingType: data.meetingType as 'assembly' | 'committee',
        meetingDate: String(data.meetingDate),
        noticeDate: String(data.noticeDate),
        earliestMeetingDate: String(data.earliestMeetingDate),
        failedRules: (data.failedRules as string[] | undefined) ?? [],
      })),
  };
}

/** One meeting, if it lies in the caller's subtree (otherwise 404: a foreign id does not reveal that it exists). */
export async function findOwnersMeeting({ db, caller, caseId }: CallerCaseRead): Promise<OwnersMeetingView> {
  const row = await db.case.findFirst({
    where: { AND: [{ id: caseId, procedure: PROCEDURE }, ownCases(caller)] },
    select: caseSelect,
  });
  if (!row) throw new AppError('NOT_FOUND');
  return toMeetingView(row);
}
