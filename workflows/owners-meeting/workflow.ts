import { CancellationScope, isCancellation, patched, sleep } from '@temporalio/workflow';
import { chinaDateOf } from '../../domain/clock';
import { agendaProblems, postingProblems } from '../../domain/forms/owners-meeting-checks';
import {
  OM_RULES,
  checkCommitteePosting,
  checkOpinion,
  checkReport,
  decideAssembly,
  decideCommittee,
  noticeRules,
  votesOpenAt,
  type MeetingDecision,
} from '../../domain/rules/owners-meeting';
import type { RuleResult } from '../../domain/rules/rule';
import {
  finishProcedure,
  humanTask,
  humanTaskUnless,
  installTaskHandlers,
  procedureActivities as activities,
  type TaskDeadline,
  declared,
} from '../lib/human-task';
import { recordStepDecisions } from '../lib/rule-decisions';
import { OWNERS_MEETING } from '../../domain/procedures';
import type { SaveOwnersMeetingStepInput } from '../../activities/owners-meeting';
import { type OwnersMeetingCaseData, type OwnersMeetingInput, type OwnersMeetingResult } from './messages';

const DAY_MS = 24 * 3_600_000;

/**
 * 业主大会、业主委员会会议告知 (domain §4), as the sources order it:
 * 1. the meeting is announced — owners 15 days ahead (OM-NOTICE) — and the residents' committee informed at the same
 *    time (OM-INFORM; the API refuses a registration that fails either);
 * 2. the residents' committee gives its opinion before the meeting (OM-OPINION); silence is recorded, never consent;
 * 3. on the meeting day (China time), not before, the owners' committee records attendance and votes: OM-TURNOUT with OM-SPECIAL / OM-ORDINARY
 *    (assembly) or OM-COMMITTEE (committee meeting) decide which items passed;
 * 4. the decisions go to the residents' committee, which may add suggestions (OM-REPORT), and are posted in the estate
 *    (committee decisions within 3 days, OM-COMMITTEE).
 */
export async function ownersMeetingProcedure(input: OwnersMeetingInput): Promise<OwnersMeetingResult> {
  installTaskHandlers();
  const meeting = new OwnersMeeting(input);

  await meeting.announce();
  const opinion = await meeting.hearResidentsCommitteeOpinion();
  await meeting.awaitMeetingDay();
  const decision = await meeting.recordAttendanceAndVotes(opinion);
  await Promise.all([meeting.reportDecisions(decision), meeting.postDecisions(decision)]);

  await activities.closeCase({
    caseId: input.caseId,
    status: 'COMPLETED',
    outcome: { opinion, quorum: decision.quorum, items: decision.items },
  });
  await finishProcedure();
  return { opinion, quorum: decision.quorum, items: decision.items };
}

class OwnersMeeting {
  constructor(private readonly input: OwnersMeetingInput) {}

  private get caseId(): string {
    return this.input.caseId;
  }

  /** Step 1 — 物业管理条例 Art. 14; 鲁办发〔2012〕22号 二(五)2: record the notice rules, inform the residents' committee. */
  async announce(): Promise<void> {
    const { meeting } = this.input;
    await this.recordRules(noticeRules(meeting, this.input.parameters));
    await this.save({
      step: 'informed',
      set: { informed: { at: new Date().toISOString(), date: meeting.residentsCommitteeInformedDate } },
      event: {
        action: 'owners-meeting.informed',
        actingOrgId: this.input.ownersCommitteeOrgId,
        data: { residentsCommitteeOrgId: this.input.residentsCommitteeOrgId },
      },
      notify: {
        kind: 'owners-meeting.informed',
        organizationId: this.input.residentsCommitteeOrgId,
        role: 'RESIDENTS_COMMITTEE_OFFICIAL',
        params: {
          ownersCommittee: this.input.ownersCommitteeName,
          meetingType: meeting.meetingType,
          meetingDate: meeting.meetingDate,
          place: meeting.place,
          opinionDeadline: this.input.opinionDeadline,
        },
      },
    });
  }

  /** Step 2 — OM-OPINION: the residents' committee's opinion by the deadline; none is "none given by the deadline". */
  async hearResidentsCommitteeOpinion(): Promise<'given' | 'none-by-deadline'> {
    const deadline = this.input.opinionDeadline;
    const closes = deadlineFlag(deadline);
    const given = await humanTaskUnless(
      {
        caseId: this.caseId,
        ...declared(OWNERS_MEETING.tasks.opinion),
        candidateOrgId: this.input.residentsCommitteeOrgId,
        deadline: reminderOnly(deadline),
        context: { ...this.meetingContext(), opinionDeadline: deadline, rule: OM_RULES['OM-OPINION'] },
      },
      closes.passed,
      'opinion-deadline-passed',
    );
    closes.cancel();
    const status = given ? 'given' : 'none-by-deadline';
    const givenAt = given ? new Date().toISOString() : undefined;
    await this.recordRules([checkOpinion({ status, deadline, givenAt })], given?.taskId);
    const opinion: OwnersMeetingCaseData['opinion'] = {
      status,
      deadline,
      text: given?.payload.opinion,
      givenAt,
      givenBy: given?.actor.displayName,
    };
    await this.save({
      step: 'opinion',
      set: { opinion },
      event: {
        action: given ? 'owners-meeting.opinion-given' : 'owners-meeting.opinion-missing',
        actorId: given?.actor.userId,
        actingOrgId: this.input.residentsCommitteeOrgId,
        reason: given ? undefined : 'none-given-by-deadline',
        data: { deadline },
      },
      // The owners' committee sees the opinion (or its absence) before the meeting.
      notify: {
        kind: 'owners-meeting.opinion',
        organizationId: this.input.ownersCommitteeOrgId,
        role: 'OWNERS_COMMITTEE_MEMBER',
        params: { status, deadline },
      },
    });
    return status;
  }

  /**
   * Between steps 2 and 3: results exist only once the meeting is held, so the votes task opens at the start of the
   * meeting day in China (a durable timer; a worker restart resumes the wait).
   */
  async awaitMeetingDay(): Promise<void> {
    // Cases started before this rule opened the votes task at once; replaying them must not add the timer.
    if (!patched('owners-meeting-votes-on-meeting-day')) return;
    const opensAt = this.input.votesOpenAt ?? votesOpenAt(this.input.meeting.meetingDate);
    const wait = new Date(opensAt).getTime() - Date.now();
    if (wait > 0) await sleep(wait);
  }

  /** Step 3 — after the meeting: attendance and votes per agenda item decide which items passed. */
  async recordAttendanceAndVotes(opinion: 'given' | 'none-by-deadline'): Promise<MeetingDecision> {
    const { meeting } = this.input;
    const task = {
      caseId: this.caseId,
      candidateOrgId: this.input.ownersCommitteeOrgId,
      context: { ...this.meetingContext(), opinion },
    };
    let decision: MeetingDecision;
    let taskId: string;
    let record: Record<string, unknown>;
    let actor: { userId: string; displayName: string };
    if (meeting.meetingType === 'assembly') {
      // 民法典 Art. 278: OM-TURNOUT, then OM-SPECIAL or OM-ORDINARY per item.
      const done = await humanTask({
        ...task,
        ...declared(OWNERS_MEETING.tasks.assemblyVotes),
        validate: (p) => agendaProblems(p.votes, meeting.items.length),
      });
      const p = done.payload;
      decision = decideAssembly({
        ...p,
        items: meeting.items.map((item, i) => ({ ...item, areaFor: p.votes[i]!.areaFor, ownersFor: p.votes[i]!.ownersFor })),
      });
      ({ taskId, actor } = done);
      record = { ...p };
    } else {
      // 山东省物业管理条例 Art. 32: two thirds of members present; more than half of all members decide.
      const done = await humanTask({
        ...task,
        ...declared(OWNERS_MEETING.tasks.committeeVotes),
        validate: (p) => agendaProblems(p.votes, meeting.items.length),
      });
      const p = done.payload;
      decision = decideCommittee({
        committeeMembers: p.committeeMembers,
        committeeMembersPresent: p.membersPresent,
        items: meeting.items.map((item, i) => ({ ...item, membersFor: p.votes[i]!.membersFor })),
      });
      ({ taskId, actor } = done);
      record = { ...p };
    }
    await this.recordRules(decision.rules, taskId);
    await this.save({
      step: 'votes',
      set: {
        votes: {
          recordedAt: new Date().toISOString(),
          recordedBy: actor.displayName,
          quorum: decision.quorum,
          items: decision.items,
          record,
        },
      },
      event: {
        action: 'owners-meeting.votes-recorded',
        actorId: actor.userId,
        actingOrgId: this.input.ownersCommitteeOrgId,
        data: { quorum: decision.quorum, passed: decision.items.filter((i) => i.passed).map((i) => i.title) },
      },
    });
    return decision;
  }

  /** Step 4a — OM-REPORT (物业管理条例 Art. 20): the decisions go to the residents' committee, which may add suggestions. */
  async reportDecisions(decision: MeetingDecision): Promise<void> {
    const reportedAt = new Date().toISOString();
    const deadline = this.input.suggestionDeadline ?? (await this.daysFromToday(this.input.parameters.suggestionDays));
    await this.save({
      step: 'reported',
      set: { report: { status: 'pending', reportedAt, deadline } },
      event: {
        action: 'owners-meeting.reported',
        actingOrgId: this.input.ownersCommitteeOrgId,
        data: { residentsCommitteeOrgId: this.input.residentsCommitteeOrgId },
      },
    });
    const closes = deadlineFlag(deadline);
    const answer = await humanTaskUnless(
      {
        caseId: this.caseId,
        ...declared(OWNERS_MEETING.tasks.report),
        candidateOrgId: this.input.residentsCommitteeOrgId,
        deadline: reminderOnly(deadline),
        context: {
          ...this.meetingContext(),
          quorum: decision.quorum,
          decisions: decision.items,
          rules: decision.rules,
          suggestionDeadline: deadline,
        },
      },
      closes.passed,
      'suggestion-deadline-passed',
    );
    closes.cancel();
    const status = !answer ? 'none-by-deadline' : answer.payload.suggestions ? 'given' : 'none';
    await this.recordRules([checkReport({ reportedAt, status, deadline })], answer?.taskId);
    await this.save({
      step: 'suggestions',
      set: { report: { status, reportedAt, deadline, suggestions: answer?.payload.suggestions, by: answer?.actor.displayName } },
      event: {
        action: 'owners-meeting.suggestions',
        actorId: answer?.actor.userId,
        actingOrgId: this.input.residentsCommitteeOrgId,
        data: { status },
      },
    });
  }

  /** Step 4b — the decisions are posted in the estate; committee decisions within 3 days (OM-COMMITTEE). */
  async postDecisions(decision: MeetingDecision): Promise<void> {
    const { meeting } = this.input;
    if (!decision.items.some((i) => i.passed)) {
      await this.save({
        step: 'posting',
        set: { posting: { status: 'nothing-to-post' } },
        event: { action: 'owners-meeting.nothing-to-post', actingOrgId: this.input.ownersCommitteeOrgId },
      });
      return;
    }
    const committee = meeting.meetingType === 'committee';
    const period = committee
      ? await activities.resolveDeadline({
          eventDate: meeting.meetingDate,
          period: { amount: this.input.parameters.committeePostingDays, unit: 'days' },
        })
      : undefined;
    const posted = await humanTask({
      caseId: this.caseId,
      ...declared(OWNERS_MEETING.tasks.post),
      candidateOrgId: this.input.ownersCommitteeOrgId,
      deadline: period
        ? { dueAt: period.dueAt, remindBeforeMs: DAY_MS, escalateAfterMs: DAY_MS, calendarWarning: period.calendarWarning }
        : undefined,
      context: { ...this.meetingContext(), decisions: decision.items, lastDay: period?.lastDay ?? null },
      // Posted on or after the meeting and not after today (China date, workflow time).
      validate: (p) => postingProblems(p.postedOn, meeting.meetingDate, chinaDateOf(new Date())),
    });
    const rule = period
      ? checkCommitteePosting({ meetingDate: meeting.meetingDate, lastDay: period.lastDay, postedOn: posted.payload.postedOn })
      : undefined;
    if (rule) await this.recordRules([rule], posted.taskId);
    await this.save({
      step: 'posting',
      set: {
        posting: {
          status: 'posted',
          postedOn: posted.payload.postedOn,
          place: posted.payload.place,
          lastDay: period?.lastDay ?? null,
          onTime: rule ? rule.passed : null,
        },
      },
      event: {
        action: 'owners-meeting.posted',
        actorId: posted.actor.userId,
        actingOrgId: this.input.ownersCommitteeOrgId,
        data: { postedOn: posted.payload.postedOn, onTime: rule?.passed ?? null },
      },
    });
  }

  private meetingContext() {
    const { meeting } = this.input;
    return { ownersCommittee: this.input.ownersCommitteeName, ...meeting };
  }

  private async daysFromToday(days: number): Promise<string> {
    const resolved = await activities.resolveDeadline({
      eventDate: chinaDateOf(new Date()),
      period: { amount: days, unit: 'days' },
    });
    return resolved.dueAt;
  }

  private save(step: Omit<SaveOwnersMeetingStepInput, 'caseId'>): Promise<void> {
    return activities.saveOwnersMeetingStep({ caseId: this.caseId, ...step });
  }

  private recordRules(rules: RuleResult[], taskId?: string): Promise<void> {
    return recordStepDecisions({ caseId: this.caseId, rules, taskId });
  }
}

/** A task that closes at its deadline: a reminder a day before when there is time for one, no yellow/red warnings. */
function reminderOnly(dueAt: string): TaskDeadline {
  const left = new Date(dueAt).getTime() - Date.now();
  return { dueAt, remindBeforeMs: left > 2 * DAY_MS ? DAY_MS : undefined, closesAtDue: true };
}

/** A durable timer that raises a flag at `iso` (already raised when the instant has passed). */
function deadlineFlag(iso: string): { passed: () => boolean; cancel: () => void } {
  let passed = new Date(iso).getTime() <= Date.now();
  const scope = new CancellationScope();
  if (!passed) {
    void scope
      .run(() => sleep(new Date(iso).getTime() - Date.now()))
      .then(
        () => {
          passed = true;
        },
        (error: unknown) => {
          if (!isCancellation(error)) throw error;
        },
      );
  }
  return { passed: () => passed, cancel: () => scope.cancel() };
}
