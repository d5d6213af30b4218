import { ApplicationFailure, setHandler, startChild } from '@temporalio/workflow';
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
  untilSettled,
  waitFor,
  type TaskDeadline,
  declared,
} from '../lib/human-task';
import { ELECTION } from '../../domain/procedures';
import { tracked } from '../lib/tracking';
import {
  ElectionFailure,
  electionStateQuery,
  fileObjectionUpdate,
  migrantWorkflowId,
  submitApplicationUpdate,
  type ElectionPhase,
  type ElectionProcedureInput,
  type ElectionProcedureResult,
  type FileObjectionRequest,
  type SubmitApplicationRequest,
} from './messages';
import { migrantEligibilityProcedure } from './migrant-eligibility';

const DAY_MS = 86_400_000;
const today = (): IsoDate => chinaDateOf(new Date());
interface Due {
  dueAt: string;
  lastDay: IsoDate;
  calendarWarning?: string;
  /** Bounds of a last day the yearly holiday notice has yet to settle (see activities/clock.ts). */
  earliestLastDay?: IsoDate;
  latestLastDay?: IsoDate;
}
/** The bounds an act is judged against: undetermined between them (only unsettled 调休/补假 days decide it). */
const boundsOf = (due: Due) =>
  due.earliestLastDay && due.latestLastDay
    ? { earliestLastDay: due.earliestLastDay, latestLastDay: due.latestLastDay }
    : undefined;
const inMs = (ms: number): Due => ({
  dueAt: new Date(Date.now() + ms).toISOString(),
  lastDay: chinaDateOf(new Date(Date.now() + ms)),
});
/** EL-ANSWER in time by the deadline instant, unless only unsettled holiday-notice days decide it (undetermined). */
const answerRule = (rule: RuleResult, inTime: boolean): RuleResult => (rule.undetermined ? rule : { ...rule, passed: inTime });
const untilInstant = (iso: string) => Math.max(0, Date.parse(iso) - Date.now());
const fieldError = (path: string, code: string, zh: string, en: string): FieldError => ({
  path,
  code,
  message: { 'zh-CN': zh, en },
});
const ruleFailed = (rules: RuleResult[]) =>
  ApplicationFailure.create({
    type: ElectionFailure.RULE_FAILED,
    message: `Rules not met: ${rules.map((r) => r.id).join(', ')}`,
    nonRetryable: true,
    details: [{ rules }],
  });
const wrongPhase = (message: string) =>
  ApplicationFailure.create({ type: ElectionFailure.WRONG_PHASE, message, nonRetryable: true });

/**
 * 社区居民委员会选举 (居组法 2018 Arts. 7, 8; 村组法 Arts. 13–15, 20; 鲁办发〔2012〕22号 二(五)3): the township sets the
 * election up; the election committee registers voters and decides migrant applications (each a child workflow),
 * publishes the list (EL-LIST), answers objections within the window (EL-OBJECT, EL-ANSWER), settles the candidates
 * (EL-CANDIDATES), and records the count on election day (EL-TURNOUT, EL-WIN) with a run-off for unfilled seats
 * (EL-RUNOFF); the old committee hands over (EL-HANDOVER); the report closes the case. Durable timers drive the
 * calendar; statutory deadlines escalate to the township when missed.
 */
export async function electionProcedure(input: ElectionProcedureInput): Promise<ElectionProcedureResult> {
  installTaskHandlers();
  const { caseId, law } = input;
  const timing = input.timing ?? {};
  const electionId = caseId;
  let phase: ElectionPhase = 'setup';
  let electionDate: IsoDate | null = null;
  let committeeOrgId = '';
  let publishedOn: IsoDate = '';
  let objectionLastDay: IsoDate = '';
  let objectionBounds: ReturnType<typeof boundsOf> = undefined;
  let objectionWindowOpen = false;
  let objectionsFiled = 0;
  let objectionsAnswered = 0;
  const applications = new Map<string, 'pending' | 'approved' | 'refused' | 'failed'>();
  const pendingApplications = () => [...applications.values()].filter((s) => s === 'pending').length;

  setHandler(electionStateQuery, () => ({
    phase,
    electionDate,
    pendingApplications: pendingApplications(),
    objectionWindowOpen,
  }));

  // Migrant applications during registration: each is a child workflow (migrant-eligibility).
  setHandler(
    submitApplicationUpdate,
    async ({ applicationId, number }) => {
      applications.set(applicationId, 'pending');
      const workflowId = migrantWorkflowId(applicationId);
      const child = await tracked(() =>
        startChild(migrantEligibilityProcedure, {
          workflowId,
          args: [
            {
              applicationId,
              number,
              electionId,
              committeeOrgId,
              law,
              electionDate: electionDate!,
              residenceMonths: ELECTION_RULE_SET.residenceMonths,
              evidenceWindowMs: timing.evidenceWindowMs,
            },
          ],
        }),
      )();
      void child.result().then(
        (result) => void applications.set(applicationId, result.outcome),
        () => void applications.set(applicationId, 'failed'),
      );
      return { workflowId };
    },
    {
      validator: ({ applicationId }: SubmitApplicationRequest) => {
        if (phase !== 'registration') throw wrongPhase(`Applications are accepted during registration only (now: ${phase})`);
        if (applications.has(applicationId)) throw wrongPhase('This application was already submitted');
      },
    },
  );

  // Objections while the window is open (EL-OBJECT); each gets an answer task with the EL-ANSWER deadline.
  setHandler(
    fileObjectionUpdate,
    async ({ objectionId }) => {
      objectionsFiled += 1;
      const receivedOn = today();
      const due: Due =
        timing.answerWindowMs !== undefined
          ? inMs(timing.answerWindowMs)
          : await act.resolveDeadline({ eventDate: receivedOn, period: { amount: ELECTION_RULE_SET.answerDays, unit: 'days' } });
      await act.acceptObjection({
        objectionId,
        receivedOn,
        answerDueAt: due.dueAt,
        rule: checkObjection(receivedOn, publishedOn, objectionLastDay, objectionBounds),
      });
      void answerObjection(objectionId, receivedOn, due).then(() => void (objectionsAnswered += 1));
      await untilSettled();
      return { receivedOn, answerDueAt: due.dueAt };
    },
    {
      validator: (_request: FileObjectionRequest) => {
        if (phase === 'setup' || phase === 'registration')
          throw wrongPhase(`The voter list is not published yet (now: ${phase})`);
        // The window is closed by its durable timer; the date rule describes it (they agree outside test timing).
        if (!objectionWindowOpen)
          throw ruleFailed([{ ...checkObjection(today(), publishedOn, objectionLastDay), passed: false }]);
      },
    },
  );

  async function answerObjection(objectionId: string, receivedOn: IsoDate, due: Due) {
    const answered = await humanTask({
      caseId,
      ...declared(ELECTION.tasks.objectionAnswer),
      candidateOrgId: committeeOrgId,
      deadline: statutoryDeadline(due.dueAt, due.calendarWarning),
      context: { objectionId, receivedOn, answerLastDay: due.lastDay },
    });
    const inTime = Date.now() <= Date.parse(due.dueAt);
    const answeredOn = today();
    await act.answerObjection({
      objectionId,
      taskId: answered.taskId,
      decision: answered.payload.decision,
      answer: answered.payload.answer,
      answeredOn,
      inTime,
      actor: answered.actor,
      rule: answerRule(checkAnswer(answeredOn, receivedOn, due.lastDay, boundsOf(due)), inTime),
    });
  }

  /** A statutory deadline: reminded a day before (outside test timing), red and escalated to the township when missed. */
  function statutoryDeadline(dueAt: string, calendarWarning?: string): TaskDeadline {
    return {
      dueAt,
      remindBeforeMs: input.timing ? undefined : DAY_MS,
      escalateAfterMs: timing.escalateAfterMs ?? 0,
      escalateToOrgId: input.townshipOrgId,
      calendarWarning,
    };
  }

  // 0. The election's row; EL-LAW as the starter determined it.
  committeeOrgId = (
    await act.registerElection({
      caseId,
      communityOrgId: input.communityOrgId,
      townshipOrgId: input.townshipOrgId,
      law,
      origin: input.origin,
      lawRule: electionLawRecorded(law, input.origin?.procedure),
    })
  ).committeeOrgId;

  // 1. Set-up by the township or sub-district office: EL-SIZE and EL-METHOD refuse an unlawful set-up.
  const setup = await humanTask({
    caseId,
    ...declared(ELECTION.tasks.setup),
    candidateOrgId: input.townshipOrgId,
    context: { law, communityOrgId: input.communityOrgId, committeeOrgId },
    validate: (p) =>
      p.electionDate <= today()
        ? [fieldError('electionDate', 'not_future', '选举日须晚于今天', 'Election day must be after today')]
        : [],
    check: (p) => [checkCommitteeSize(p.seats, law), checkMethod(p.method)],
  });
  const { seats, method } = setup.payload;
  const day = setup.payload.electionDate;
  electionDate = day;
  await act.recordElectionSetup({
    electionId,
    taskId: setup.taskId,
    ...setup.payload,
    rules: [checkCommitteeSize(seats, law), checkMethod(method)],
  });
  await act.mergeCaseData({ caseId, data: { electionDate: day, seats, method, law } });
  phase = 'registration';

  // 2. Registration ends with the list's publication (EL-LIST: 20 days or more before election day).
  const latest = latestListPublicationDate(day);
  const publication = await humanTask({
    caseId,
    ...declared(ELECTION.tasks.publishList),
    candidateOrgId: committeeOrgId,
    deadline: statutoryDeadline(
      timing.publicationDueInMs !== undefined ? inMs(timing.publicationDueInMs).dueAt : endOfDayInChina(latest).toISOString(),
    ),
    context: { electionDate: day, lastAllowedDate: latest },
    validate: (p) => {
      const problems: FieldError[] = [];
      const pending = pendingApplications();
      if (pending > 0)
        problems.push(
          fieldError(
            'confirmed',
            'applications_pending',
            `尚有 ${pending} 份流动人口申请未作决定`,
            `${pending} migrant applications are not decided yet`,
          ),
        );
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
  publishedOn = today();
  const objectionEnd =
    timing.objectionWindowMs !== undefined
      ? inMs(timing.objectionWindowMs)
      : await act.resolveDeadline({ eventDate: publishedOn, period: { amount: ELECTION_RULE_SET.objectionDays, unit: 'days' } });
  objectionLastDay = objectionEnd.lastDay;
  objectionBounds = boundsOf(objectionEnd);
  await act.publishVoterList({
    electionId,
    taskId: publication.taskId,
    publishedOn,
    lateReason: publication.payload.lateReason,
    objectionLastDay,
    actor: publication.actor,
    rule: checkListPublication(publishedOn, day, publication.payload.lateReason),
  });
  phase = 'objections';
  objectionWindowOpen = true;

  // 3. The objection window (EL-OBJECT); then every objection answered (EL-ANSWER), late ones escalated.
  await waitFor(() => false, untilInstant(objectionEnd.dueAt));
  objectionWindowOpen = false;
  await waitFor(() => objectionsAnswered === objectionsFiled);
  const { registeredVoters } = await act.closeVoterList({ electionId });

  // 4. Candidates (EL-CANDIDATES: more than the seats).
  phase = 'candidates';
  const nominated = await humanTask({
    caseId,
    ...declared(ELECTION.tasks.candidates),
    candidateOrgId: committeeOrgId,
    context: { seats, registeredVoters },
    check: (p) => [checkCandidates(p.candidates.length, seats)],
  });
  const candidates = nominated.payload.candidates.map((c) => c.name);
  await act.recordCandidates({
    electionId,
    taskId: nominated.taskId,
    candidates,
    rule: checkCandidates(candidates.length, seats),
  });
  phase = 'voting';

  // 5. Election day: no result can be recorded before it.
  const electionDayStart =
    timing.electionDayInMs !== undefined ? inMs(timing.electionDayInMs).dueAt : endOfDayInChina(addDays(day, -1)).toISOString();
  await waitFor(() => false, untilInstant(electionDayStart));

  const elected: string[] = [];
  let remaining = seats;
  let round: ElectionRound = 'first';
  const minimumSize = ELECTION_RULE_SET.committeeSize[law].min;
  for (;;) {
    const pool = round === 'first' ? candidates : candidates.filter((c) => !elected.includes(c));
    const seatsNow = remaining;
    const counted = await humanTask({
      caseId,
      ...declared(round === 'first' ? ELECTION.tasks.results : ELECTION.tasks.runoff),
      candidateOrgId: committeeOrgId,
      context: { round, seats: seatsNow, registeredVoters, candidates: pool, electionDate: day },
      validate: (p) => resultProblems(p, { round, pool, registeredVoters, seats: seatsNow }),
      check: (p) => (round === 'runoff' ? [checkCandidates(p.candidates.length, seatsNow)] : []),
    });
    const outcome = evaluateResults({
      registeredVoters,
      votesCast: counted.payload.votesCast,
      seats: seatsNow,
      round,
      candidates: counted.payload.candidates,
    });
    await act.recordRound({
      electionId,
      taskId: counted.taskId,
      round,
      votesCast: counted.payload.votesCast,
      registeredVoters,
      seats: seatsNow,
      candidates: counted.payload.candidates,
      ...outcome,
    });
    // An invalid vote (EL-TURNOUT) is held again.
    if (!outcome.valid) continue;
    elected.push(...outcome.elected);
    remaining = outcome.unfilledSeats;
    if (remaining === 0) break;
    // Unfilled seats go to a run-off (EL-RUNOFF); after one, vacancies may stay once the committee has its minimum size.
    if (round === 'runoff' && elected.length >= minimumSize) break;
    round = 'runoff';
  }
  await act.markElected({ electionId });
  phase = 'handover';

  // 6. EL-HANDOVER: seals and files handed over within 10 days; the county is alerted when the deadline passes.
  const electedOn = today();
  const handoverDue: Due =
    timing.handoverWindowMs !== undefined
      ? inMs(timing.handoverWindowMs)
      : await act.resolveDeadline({ eventDate: electedOn, period: { amount: ELECTION_RULE_SET.handoverDays, unit: 'days' } });
  const handover = await humanTask({
    caseId,
    ...declared(ELECTION.tasks.handover),
    candidateOrgId: input.townshipOrgId,
    deadline: {
      dueAt: handoverDue.dueAt,
      escalateAfterMs: timing.escalateAfterMs ?? 0,
      calendarWarning: handoverDue.calendarWarning,
    },
    context: { electedOn, lastAllowedDate: handoverDue.lastDay, elected },
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
  await act.recordHandover({
    electionId,
    taskId: handover.taskId,
    handedOverOn: handover.payload.handedOverOn,
    items: handover.payload.items,
    rule: checkHandover(electedOn, handover.payload.handedOverOn, handoverDue.lastDay, boundsOf(handoverDue)),
  });

  // 7. The report closes the election.
  const report = await act.fileElectionReport({ electionId, vacancies: remaining });
  await act.mergeCaseData({ caseId, data: { report } });
  await act.closeCase({ caseId, status: 'COMPLETED', outcome: { elected, vacancies: remaining } });
  phase = 'completed';
  await finishProcedure();
  return { elected, vacancies: remaining };
}

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
