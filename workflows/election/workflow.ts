import { ApplicationFailure, patched, setHandler, startChild } from '@temporalio/workflow';
import type { ShortenedElectionCalendar } from '../../activities/election';
import { addDays, chinaDateOf, endOfDayInChina, type IsoDate } from '../../domain/clock';
import type { FieldError } from '../../domain/errors';
import {
  checkAnswer,
  checkCandidates,
  checkCommitteeSize,
  checkHandover,
  checkListPublication,
  checkMethod,
  checkObjection,
  electionLawRecorded,
  ELECTION_RULE_SET,
  evaluateResults,
  latestListPublicationDate,
  type ElectionRound,
} from '../../domain/rules/election';
import { voteCountIssues } from '../../domain/rules/election-checks';
import type { RuleResult } from '../../domain/rules/rule';
import {
  finishProcedure,
  humanTask,
  installTaskHandlers,
  procedureActivities as act,
  type TaskDeadline,
  untilSettled,
  waitFor,
  declared,
} from '../lib/human-task';
import { ELECTION } from '../../domain/procedures';
import { tracked } from '../lib/tracking';
import {
  ElectionFailure,
  electionStateQuery,
  fileObjectionUpdate,
  migrantWorkflowId,
  objectionsAnsweredSignal,
  submitApplicationUpdate,
  type ElectionPhase,
  type ElectionProcedureInput,
  type ElectionProcedureResult,
  type FileObjectionRequest,
  type SubmitApplicationRequest,
} from './messages';
import { migrantEligibilityProcedure } from './migrant-eligibility';

/**
 * 社区居民委员会选举 (居组法 2018 Arts. 7, 8; 村组法 Arts. 13–15, 20; 鲁办发〔2012〕22号 二(五)3), as the sources order it:
 * 0. the election's row, with the law that governs it (EL-LAW);
 * 1. the township or sub-district office sets the election up (EL-SIZE, EL-METHOD);
 * 2. the election committee registers voters and decides migrant applications (each its own workflow,
 *    migrant-eligibility, started by the API), then publishes the list 20 days or more before election day (EL-LIST);
 * 3. objections within the window (EL-OBJECT), each answered within 3 days (EL-ANSWER);
 * 4. the candidates outnumber the seats (EL-CANDIDATES);
 * 5. on election day the count (EL-TURNOUT, EL-WIN), with a run-off for unfilled seats (EL-RUNOFF);
 * 6. the old committee hands over within 10 days (EL-HANDOVER);
 * 7. the report closes the case.
 * Durable timers drive the calendar; statutory deadlines escalate to the township when missed.
 */
export async function electionProcedure(input: ElectionProcedureInput): Promise<ElectionProcedureResult> {
  installTaskHandlers();
  const election = new Election(input);

  await election.register();
  await election.setUp();
  await election.publishVoterList();
  const registeredVoters = await election.hearObjections();
  const candidates = await election.settleCandidates(registeredVoters);
  await election.awaitElectionDay();
  const result = await election.countVotes(candidates, registeredVoters);
  await election.handOver(result.elected);
  await election.fileReport(result);

  await finishProcedure();
  return result;
}

type ApplicationStatus = 'pending' | 'approved' | 'refused' | 'failed';

/**
 * Executions started before 'independent-applications' took each migrant application as an Update that started a
 * child workflow (and each objection as an Update, see `fileObjection`): 2,000 Updates at most per execution, a
 * history growing with the community. Since then the API starts each application as a workflow of its own
 * (api/services/election/applications.ts) and the election's size does not depend on how many there are. The old
 * handlers and their code stay for executions that started before this version (they replay and finish as they ran);
 * new executions refuse those Updates. The old path can go once no election started before this version is running
 * (an election lasts weeks: one season, i.e. when `temporal workflow list` finds no running electionProcedure whose
 * history lacks the marker).
 */
const INDEPENDENT_APPLICATIONS = 'independent-applications';

/** What the election knows between its steps; its Update handlers and Query read it. */
interface ElectionFacts {
  phase: ElectionPhase;
  committeeOrgId: string;
  electionDate: IsoDate | null;
  seats: number;
  /** Migrant applications (child workflows) and their outcomes. */
  applications: Map<string, ApplicationStatus>;
  /** The objection window (EL-OBJECT), once the list is published. */
  objections: {
    publishedOn: IsoDate;
    lastDay: IsoDate;
    bounds?: Bounds;
    /** The instant the window's durable timer closes it. */
    closesAt: string;
    open: boolean;
    filed: number;
    answered: number;
  };
}

class Election {
  private readonly facts: ElectionFacts = {
    phase: 'setup',
    committeeOrgId: '',
    electionDate: null,
    seats: 0,
    applications: new Map(),
    objections: { publishedOn: '', lastDay: '', closesAt: '', open: false, filed: 0, answered: 0 },
  };
  /** Executions started before INDEPENDENT_APPLICATIONS: they still take applications and objections as Updates. */
  private readonly legacyUpdates: boolean;
  /** The last objection was answered after the window closed (`objectionsAnswered`, or a legacy answer here). */
  private objectionsAnswered = false;
  /** Work started by Update handlers that the procedure awaits before it ends: reviews and objection answers. */
  private readonly reviews: Promise<void>[] = [];
  private readonly answers: Promise<void>[] = [];
  /** The statute's calendar (null), or the reliability harnesses' calendar of seconds (activities/election.ts). */
  private calendar: ShortenedElectionCalendar | null = null;

  constructor(private readonly input: ElectionProcedureInput) {
    // Decided before the first command, so that an execution keeps the same answer on every replay.
    this.legacyUpdates = !patched(INDEPENDENT_APPLICATIONS);
    setHandler(electionStateQuery, () => ({
      phase: this.facts.phase,
      electionDate: this.facts.electionDate,
      objectionWindowOpen: this.facts.objections.open,
    }));
    setHandler(submitApplicationUpdate, (request) => this.reviewApplication(request), {
      validator: (request: SubmitApplicationRequest) => this.validateApplication(request),
    });
    setHandler(objectionsAnsweredSignal, () => void (this.objectionsAnswered = true));
    setHandler(fileObjectionUpdate, (request) => this.fileObjection(request), {
      validator: (request: FileObjectionRequest) => this.validateObjection(request),
    });
  }

  private get caseId(): string {
    return this.input.caseId;
  }

  /** Step 0 — the election's row; EL-LAW as the starter determined it. */
  async register(): Promise<void> {
    const { input } = this;
    // Executions started before the calendar became a worker setting ran the statute's (their inputs had no timing).
    if (patched('election-calendar-from-worker')) this.calendar = await act.electionCalendar();
    const registered = await act.registerElection({
      caseId: this.caseId,
      communityOrgId: input.communityOrgId,
      townshipOrgId: input.townshipOrgId,
      law: input.law,
      origin: input.origin,
      lawRule: electionLawRecorded(input.law, input.origin?.procedure),
    });
    this.facts.committeeOrgId = registered.committeeOrgId;
  }

  /** Step 1 — set-up by the township or sub-district office: EL-SIZE and EL-METHOD refuse an unlawful set-up. */
  async setUp(): Promise<void> {
    const { law } = this.input;
    const setup = await humanTask({
      caseId: this.caseId,
      ...declared(ELECTION.tasks.setup),
      candidateOrgId: this.input.townshipOrgId,
      context: { law, communityOrgId: this.input.communityOrgId, committeeOrgId: this.facts.committeeOrgId },
      validate: (p) =>
        p.electionDate <= today()
          ? [fieldError('electionDate', 'not_future', '选举日须晚于今天', 'Election day must be after today')]
          : [],
      check: (p) => [checkCommitteeSize(p.seats, law), checkMethod(p.method)],
    });
    const { seats, method, electionDate } = setup.payload;
    this.facts.electionDate = electionDate;
    this.facts.seats = seats;
    await act.recordElectionSetup({
      electionId: this.caseId,
      taskId: setup.taskId,
      ...setup.payload,
      rules: [checkCommitteeSize(seats, law), checkMethod(method)],
    });
    await act.mergeCaseData({ caseId: this.caseId, data: { electionDate, seats, method, law } });
    this.facts.phase = 'registration';
  }

  /** Executions before INDEPENDENT_APPLICATIONS only: an application's Update started a child (migrant-eligibility). */
  private async reviewApplication({ applicationId, number }: SubmitApplicationRequest): Promise<{ workflowId: string }> {
    this.facts.applications.set(applicationId, 'pending');
    const workflowId = migrantWorkflowId(applicationId);
    const child = await tracked(() =>
      startChild(migrantEligibilityProcedure, {
        workflowId,
        args: [
          {
            applicationId,
            number,
            electionId: this.caseId,
            committeeOrgId: this.facts.committeeOrgId,
            law: this.input.law,
            electionDate: this.facts.electionDate!,
            residenceMonths: ELECTION_RULE_SET.residenceMonths,
          },
        ],
      }),
    )();
    this.reviews.push(
      child.result().then(
        (result) => void this.facts.applications.set(applicationId, result.outcome),
        () => void this.facts.applications.set(applicationId, 'failed'),
      ),
    );
    return { workflowId };
  }

  private validateApplication({ applicationId }: SubmitApplicationRequest): void {
    if (!this.legacyUpdates) throw wrongPhase('Applications start their own workflow (migrant-eligibility), not an Update');
    const { phase } = this.facts;
    if (phase !== 'registration') throw wrongPhase(`Applications are accepted during registration only (now: ${phase})`);
    if (this.facts.applications.has(applicationId)) throw wrongPhase('This application was already submitted');
  }

  private pendingApplications(): number {
    return [...this.facts.applications.values()].filter((s) => s === 'pending').length;
  }

  /**
   * Step 2 — registration ends with the list's publication (EL-LIST: 20 days or more before election day). No
   * application may be undecided then: PostgreSQL, which records every application, closes registration only when
   * none is (`closeRegistration`, under the election's row lock), as the completion's last check before it is recorded.
   */
  async publishVoterList(): Promise<void> {
    const day = this.facts.electionDate!;
    const latest = latestListPublicationDate(day);
    const publication = await humanTask({
      caseId: this.caseId,
      ...declared(ELECTION.tasks.publishList),
      candidateOrgId: this.facts.committeeOrgId,
      deadline: this.statutoryDeadline(endOfDayInChina(latest).toISOString()),
      context: { electionDate: day, lastAllowedDate: latest },
      confirm: async () => {
        // Executions whose publication was completed before this check existed replay without it.
        if (!patched('registration-closed-in-db')) return [];
        const { undecided } = await act.closeRegistration({ electionId: this.caseId });
        return undecided > 0 ? [pendingApplicationsError(undecided)] : [];
      },
      validate: (p) => {
        const problems: FieldError[] = [];
        const pending = this.pendingApplications();
        if (pending > 0) problems.push(pendingApplicationsError(pending));
        if (today() > latest && !p.lateReason)
          problems.push(
            fieldError(
              'lateReason',
              'required',
              `逾期公布（最迟 ${latest}）须说明理由`,
              `A publication after ${latest} needs a reason`,
            ),
          );
        return problems;
      },
    });
    const publishedOn = today();
    const windowEnd = await this.periodEnd(publishedOn, ELECTION_RULE_SET.objectionDays, this.calendar?.objectionWindowMs);
    Object.assign(this.facts.objections, {
      publishedOn,
      lastDay: windowEnd.lastDay,
      bounds: boundsOf(windowEnd),
      closesAt: windowEnd.dueAt,
    });
    await act.publishVoterList({
      electionId: this.caseId,
      taskId: publication.taskId,
      publishedOn,
      lateReason: publication.payload.lateReason,
      objectionLastDay: windowEnd.lastDay,
      objectionWindowClosesAt: windowEnd.dueAt,
      actor: publication.actor,
      rule: checkListPublication(publishedOn, day, publication.payload.lateReason),
    });
    this.facts.phase = 'objections';
    this.facts.objections.open = true;
  }

  /**
   * Step 3 — the objection window (EL-OBJECT); then every objection answered (EL-ANSWER), late ones escalated. Each
   * objection is a workflow of its own (workflows/election/objection.ts), started by the API inside the window: the
   * window's close is written to PostgreSQL, which counts the objections still unanswered, and the last answer after
   * it wakes the election (`objectionsAnswered`).
   */
  async hearObjections(): Promise<number> {
    const objections = this.facts.objections;
    await waitFor(() => false, untilInstant(objections.closesAt));
    // Executions whose window closed before this version wait for their own objections only (the legacy Updates).
    if (patched('objections-answered-in-db')) {
      const { unanswered } = await act.closeObjectionWindow({ electionId: this.caseId });
      objections.open = false;
      if (unanswered > 0) await waitFor(() => this.objectionsAnswered);
    }
    objections.open = false;
    await waitFor(() => objections.answered === objections.filed);
    await Promise.all(this.answers);
    const { registeredVoters } = await act.closeVoterList({ electionId: this.caseId });
    return registeredVoters;
  }

  /** An objection while the window is open (EL-OBJECT) gets an answer task with the EL-ANSWER deadline. */
  private async fileObjection({ objectionId }: FileObjectionRequest): Promise<{ receivedOn: string; answerDueAt: string }> {
    const objections = this.facts.objections;
    objections.filed += 1;
    const receivedOn = today();
    const due = await this.periodEnd(receivedOn, ELECTION_RULE_SET.answerDays, this.calendar?.answerWindowMs);
    await act.acceptObjection({
      objectionId,
      receivedOn,
      answerDueAt: due.dueAt,
      rule: checkObjection(receivedOn, objections.publishedOn, objections.lastDay, objections.bounds),
    });
    this.answers.push(this.answerObjection(objectionId, receivedOn, due).then(() => void (objections.answered += 1)));
    await untilSettled();
    return { receivedOn, answerDueAt: due.dueAt };
  }

  private validateObjection(_request: FileObjectionRequest): void {
    if (!this.legacyUpdates) throw wrongPhase('Objections start their own workflow (election-objection), not an Update');
    const { phase, objections } = this.facts;
    if (phase === 'setup' || phase === 'registration') throw wrongPhase(`The voter list is not published yet (now: ${phase})`);
    // The window is closed by its durable timer; the date rule describes it (they agree on the statutory calendar).
    if (!objections.open)
      throw ruleFailed([{ ...checkObjection(today(), objections.publishedOn, objections.lastDay), passed: false }]);
  }

  /** Executions before INDEPENDENT_APPLICATIONS only. EL-ANSWER: within 3 days of receipt; a late answer is recorded as late. */
  private async answerObjection(objectionId: string, receivedOn: IsoDate, due: Due): Promise<void> {
    const answered = await humanTask({
      caseId: this.caseId,
      ...declared(ELECTION.tasks.objectionAnswer),
      candidateOrgId: this.facts.committeeOrgId,
      deadline: this.statutoryDeadline(due.dueAt, due.calendarWarning),
      context: { objectionId, receivedOn, answerLastDay: due.lastDay },
    });
    const inTime = Date.now() <= Date.parse(due.dueAt);
    const answeredOn = today();
    const { lastAfterWindow } = await act.answerObjection({
      objectionId,
      taskId: answered.taskId,
      decision: answered.payload.decision,
      answer: answered.payload.answer,
      answeredOn,
      inTime,
      actor: answered.actor,
      rule: answerRule(checkAnswer(answeredOn, receivedOn, due.lastDay, boundsOf(due)), inTime),
    });
    // The last open objection of an election that counts them in PostgreSQL may be one of its own.
    if (lastAfterWindow) this.objectionsAnswered = true;
  }

  /** Step 4 — candidates (EL-CANDIDATES: more than the seats). */
  async settleCandidates(registeredVoters: number): Promise<string[]> {
    const { seats } = this.facts;
    this.facts.phase = 'candidates';
    const nominated = await humanTask({
      caseId: this.caseId,
      ...declared(ELECTION.tasks.candidates),
      candidateOrgId: this.facts.committeeOrgId,
      context: { seats, registeredVoters },
      check: (p) => [checkCandidates(p.candidates.length, seats)],
    });
    const candidates = nominated.payload.candidates.map((c) => c.name);
    await act.recordCandidates({
      electionId: this.caseId,
      taskId: nominated.taskId,
      candidates,
      rule: checkCandidates(candidates.length, seats),
    });
    this.facts.phase = 'voting';
    return candidates;
  }

  /** Step 5a — election day: no result can be recorded before it (00:00 China time). */
  async awaitElectionDay(): Promise<void> {
    const dayStarts = this.calendar
      ? inMs(this.calendar.electionDayInMs).dueAt
      : endOfDayInChina(addDays(this.facts.electionDate!, -1)).toISOString();
    await waitFor(() => false, untilInstant(dayStarts));
  }

  /**
   * Step 5b — the count: an invalid vote (EL-TURNOUT) is held again; unfilled seats go to a run-off (EL-WIN,
   * EL-RUNOFF); after one run-off, vacancies may stay once the committee has its minimum size.
   */
  async countVotes(candidates: string[], registeredVoters: number): Promise<ElectionProcedureResult> {
    const elected: string[] = [];
    let remaining = this.facts.seats;
    let round: ElectionRound = 'first';
    const minimumSize = ELECTION_RULE_SET.committeeSize[this.input.law].min;
    for (;;) {
      const pool = round === 'first' ? candidates : candidates.filter((c) => !elected.includes(c));
      const outcome = await this.countRound({ round, pool, seats: remaining, registeredVoters });
      if (!outcome.valid) continue;
      elected.push(...outcome.elected);
      remaining = outcome.unfilledSeats;
      if (remaining === 0) break;
      if (round === 'runoff' && elected.length >= minimumSize) break;
      round = 'runoff';
    }
    await act.markElected({ electionId: this.caseId });
    this.facts.phase = 'handover';
    return { elected, vacancies: remaining };
  }

  private async countRound(facts: { round: ElectionRound; pool: string[]; seats: number; registeredVoters: number }) {
    const { round, pool, seats, registeredVoters } = facts;
    const counted = await humanTask({
      caseId: this.caseId,
      ...declared(round === 'first' ? ELECTION.tasks.results : ELECTION.tasks.runoff),
      candidateOrgId: this.facts.committeeOrgId,
      context: { round, seats, registeredVoters, candidates: pool, electionDate: this.facts.electionDate },
      validate: (p) => resultProblems(p, facts),
      check: (p) => (round === 'runoff' ? [checkCandidates(p.candidates.length, seats)] : []),
    });
    const { votesCast } = counted.payload;
    const outcome = evaluateResults({ registeredVoters, votesCast, seats, round, candidates: counted.payload.candidates });
    await act.recordRound({
      electionId: this.caseId,
      taskId: counted.taskId,
      round,
      votesCast,
      registeredVoters,
      seats,
      candidates: counted.payload.candidates,
      ...outcome,
    });
    return outcome;
  }

  /** Step 6 — EL-HANDOVER: seals and files handed over within 10 days; the county is alerted when the deadline passes. */
  async handOver(elected: string[]): Promise<void> {
    const electedOn = today();
    const due = await this.periodEnd(electedOn, ELECTION_RULE_SET.handoverDays, this.calendar?.handoverWindowMs);
    const handover = await humanTask({
      caseId: this.caseId,
      ...declared(ELECTION.tasks.handover),
      candidateOrgId: this.input.townshipOrgId,
      deadline: { dueAt: due.dueAt, escalateAfterMs: 0, calendarWarning: due.calendarWarning },
      context: { electedOn, lastAllowedDate: due.lastDay, elected },
      validate: (p) =>
        p.handedOverOn < electedOn || p.handedOverOn > today()
          ? [
              fieldError(
                'handedOverOn',
                'out_of_range',
                `移交日期须在 ${electedOn} 至今天之间`,
                `The handover date must be between ${electedOn} and today`,
              ),
            ]
          : [],
    });
    const { handedOverOn, items } = handover.payload;
    await act.recordHandover({
      electionId: this.caseId,
      taskId: handover.taskId,
      handedOverOn,
      items,
      rule: checkHandover(electedOn, handedOverOn, due.lastDay, boundsOf(due)),
    });
  }

  /** Step 7 — the report closes the election (its migrant reviews all ended). */
  async fileReport(result: ElectionProcedureResult): Promise<void> {
    await Promise.all(this.reviews);
    const report = await act.fileElectionReport({ electionId: this.caseId, vacancies: result.vacancies });
    await act.mergeCaseData({ caseId: this.caseId, data: { report } });
    await act.closeCase({ caseId: this.caseId, status: 'COMPLETED', outcome: { ...result } });
    this.facts.phase = 'completed';
  }

  /** The end of a period of `days` from `eventDate` on the holiday calendar (activities/clock.ts), or of the shortened one. */
  private async periodEnd(eventDate: IsoDate, days: number, shortenedMs: number | undefined): Promise<Due> {
    if (shortenedMs !== undefined) return inMs(shortenedMs);
    return act.resolveDeadline({ eventDate, period: { amount: days, unit: 'days' } });
  }

  /** A statutory deadline: reminded a day before (not on the shortened calendar), red and escalated to the township when missed. */
  private statutoryDeadline(dueAt: string, calendarWarning?: string): TaskDeadline {
    return statutoryDeadline(dueAt, calendarWarning, this.input.townshipOrgId, this.calendar !== null);
  }
}

const DAY_MS = 86_400_000;
export const today = (): IsoDate => chinaDateOf(new Date());

/** A statutory deadline: reminded a day before (not on the shortened calendar), red and escalated to the township when missed. */
export function statutoryDeadline(
  dueAt: string,
  calendarWarning: string | undefined,
  townshipOrgId: string,
  shortenedCalendar: boolean,
): TaskDeadline {
  return {
    dueAt,
    remindBeforeMs: shortenedCalendar ? undefined : DAY_MS,
    escalateAfterMs: 0,
    escalateToOrgId: townshipOrgId,
    calendarWarning,
  };
}

/** A period's end as `resolveDeadline` gives it. */
export interface Due {
  dueAt: string;
  lastDay: IsoDate;
  calendarWarning?: string;
  /** Bounds of a last day the yearly holiday notice has yet to settle (see activities/clock.ts). */
  earliestLastDay?: IsoDate;
  latestLastDay?: IsoDate;
}
type Bounds = { earliestLastDay: IsoDate; latestLastDay: IsoDate };

/** The bounds an act is judged against: undetermined between them (only unsettled 调休/补假 days decide it). */
export const boundsOf = (due: Due): Bounds | undefined =>
  due.earliestLastDay && due.latestLastDay
    ? { earliestLastDay: due.earliestLastDay, latestLastDay: due.latestLastDay }
    : undefined;
export const inMs = (ms: number): Due => ({
  dueAt: new Date(Date.now() + ms).toISOString(),
  lastDay: chinaDateOf(new Date(Date.now() + ms)),
});
/** EL-ANSWER in time by the deadline instant, unless only unsettled holiday-notice days decide it (undetermined). */
export const answerRule = (rule: RuleResult, inTime: boolean): RuleResult =>
  rule.undetermined ? rule : { ...rule, passed: inTime };
const untilInstant = (iso: string) => Math.max(0, Date.parse(iso) - Date.now());
const fieldError = (path: string, code: string, zh: string, en: string): FieldError => ({
  path,
  code,
  message: { 'zh-CN': zh, en },
});
const pendingApplicationsError = (pending: number): FieldError =>
  fieldError(
    'confirmed',
    'applications_pending',
    `尚有 ${pending} 份流动人口申请未作决定`,
    `${pending} migrant applications are not decided yet`,
  );
const ruleFailed = (rules: RuleResult[]) =>
  ApplicationFailure.create({
    type: ElectionFailure.RULE_FAILED,
    message: `Rules not met: ${rules.map((r) => r.id).join(', ')}`,
    nonRetryable: true,
    details: [{ rules }],
  });
const wrongPhase = (message: string) =>
  ApplicationFailure.create({ type: ElectionFailure.WRONG_PHASE, message, nonRetryable: true });

/** The results form against the procedure's facts: the right candidates, and no more votes than the ballots hold. */
function resultProblems(
  p: { votesCast: number; candidates: { name: string; votes: number }[] },
  facts: { round: ElectionRound; pool: string[]; registeredVoters: number; seats: number },
): FieldError[] {
  const problems: FieldError[] = voteCountIssues({
    registeredVoters: facts.registeredVoters,
    votesCast: p.votesCast,
    seats: facts.seats,
    candidates: p.candidates,
  }).map((issue) => ({
    path: issue.path.join('.'),
    code: issue.params.code,
    message: { 'zh-CN': issue.params.zh, en: issue.message },
  }));
  const names = p.candidates.map((c) => c.name);
  if (facts.round === 'first') {
    const missing = facts.pool.filter((n) => !names.includes(n));
    const extra = names.filter((n) => !facts.pool.includes(n));
    if (missing.length || extra.length) {
      problems.push(
        fieldError(
          'candidates',
          'not_the_candidates',
          `须为确定的候选人：${facts.pool.join('、')}`,
          `Must be the nominated candidates: ${facts.pool.join(', ')}`,
        ),
      );
    }
  } else {
    const outside = names.filter((n) => !facts.pool.includes(n));
    if (outside.length) {
      problems.push(
        fieldError(
          'candidates',
          'not_in_runoff_pool',
          `另行选举的候选人须从未当选的候选人中产生：${outside.join('、')}`,
          `Run-off candidates must be among those not elected: ${outside.join(', ')}`,
        ),
      );
    }
  }
  return problems;
}
