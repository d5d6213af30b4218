import { setTimeout as sleep } from 'node:timers/promises';
import { residentIdCheckChar } from '../domain/resident-id';
import type { ApiAnswer } from './http-session';
import { migrantApplication } from './migrant-soak';
import { latencyStats } from './stats';

/**
 * One community's election to the end, as its people and officials do it over the HTTP API: the township starts and
 * sets it up, the committee imports the voters, thousands of migrants apply themselves and the committee decides
 * each, the list is published, objections are filed and answered, then candidates, the count and the handover.
 * Used by the bench's big-community scenario (real HTTP) and by tests/temporal-limits.test.ts (the API in-process).
 * Only the API writes; the driver reads the database just to find the ids of open tasks, as an inbox would show them.
 */

/** Anything that sends a request to the API as one signed-in user and gives the status and body back. */
export interface ApiCaller {
  send<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>>;
}

/** A read-only query of the database (task ids and their context). */
export type SqlQuery = <T>(text: string, params: unknown[]) => Promise<T[]>;

export interface CommunitySizes {
  applications: number;
  voters: number;
  objections: number;
  /** Every n-th application is refused (with a reason), the others approved. */
  refuseEvery: number;
  /** Requests in flight at once (applications and decisions; objections and answers). */
  concurrency: number;
}

export interface CommunityElectionOptions extends CommunitySizes {
  township: ApiCaller;
  communityOrgId: string;
  /** A signed-in member of the election committee (the committee exists once the election is registered). */
  committeeFor(committeeOrgId: string): Promise<ApiCaller>;
  /** Applicant `i` signed in with their own real-name account (bound to `applicantIdNumber(i)`). */
  applicant(i: number): ApiCaller;
  sql: SqlQuery;
  /** How long an application answered 503 and then 409 may take to reach its review (the reconciler's round; default 5 min). */
  lateDeliveryMs?: number;
  log(line: string): void;
  /** Filled in as the run goes, so that a caller can measure what exists after a failure. */
  progress: { electionId?: string; phase?: string };
}

export interface CommunityElectionRun {
  electionId: string;
  seconds: Record<string, number>;
  applications: {
    submitted: number;
    approved: number;
    refused: number;
    /** Applications submitted and decided per second over the phase. */
    throughputPerSec: number;
    /** Answered 503 and then 409 to the resend: on record, delivered by the reconciler, decided later. */
    deliveredLater: number;
    submitLatency: ReturnType<typeof latencyStats>;
    decideLatency: ReturnType<typeof latencyStats>;
  };
  objections: { filed: number; answered: number; latency: ReturnType<typeof latencyStats> };
  /** Answers 503/429 that the driver waited out (Retry-After) and sent again. */
  retried: number;
  registeredVoters: number;
  elected: string[];
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const dateAfter = (from: string, days: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function residentId(birthDate: string, sequence: number): string {
  const first17 = `370102${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

/** Applicant `i`'s ID number: born 1980–1999, sequences 7xx (apart from the soak's applicants and the voters). */
export function applicantIdNumber(i: number): string {
  return residentId(dateAfter('1980-01-01', i % 7_000), 700 + Math.floor(i / 7_000));
}

/** Applicant `i`'s application: two years' residence (EL-RESIDENCE holds), under their own ID number (EL-SELF). */
export function bigCommunityApplication(i: number) {
  const idNumber = applicantIdNumber(i);
  return {
    ...migrantApplication(i),
    name: `大社区申请人${i}`,
    idNumber,
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    address: `大社区 ${i} 号`,
  };
}

/** The voter-list import file (CSV with a byte-order mark, as Excel saves it): `n` residents born 1940–1969. */
export function votersCsvBase64(n: number): string {
  const rows = Array.from(
    { length: n },
    (_, j) =>
      `居民${j},${residentId(dateAfter('1940-01-01', j % 10_950), 800 + Math.floor(j / 10_950))},大社区,第${(j % 20) + 1}居民小组`,
  );
  return Buffer.from(`\uFEFF姓名,身份证号码,住址,居民小组\n${rows.join('\n')}\n`).toString('base64');
}

/** An answer other than the one expected; `shedBefore` is the 503/429 an earlier send of the same request got. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly shedBefore?: string,
    request = '',
  ) {
    super(`${request}: ${status} ${JSON.stringify(body).slice(0, 500)}${shedBefore ? ` (an earlier send: ${shedBefore})` : ''}`);
  }
}

const CANDIDATES = ['候选甲', '候选乙', '候选丙', '候选丁', '候选戊', '候选己'];
const SEATS = 5;

export async function runCommunityElection(o: CommunityElectionOptions): Promise<CommunityElectionRun> {
  const seconds: Record<string, number> = {};
  let retried = 0;
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    if (o.progress.phase) seconds[o.progress.phase] = Math.round((now - phaseStart) / 100) / 10;
    phaseStart = now;
    o.progress.phase = name;
    o.log(`big-community: ${name}`);
  };

  /**
   * A request that must answer `expected`; a 503/429 (load shed) is waited out and sent again, and so is a 409 when
   * `retryConflict` (two objections numbered at the same moment: nothing was recorded, the API says try again).
   */
  async function call<T>(
    caller: ApiCaller,
    method: string,
    path: string,
    body: unknown,
    expected: number,
    retryConflict = false,
  ): Promise<T> {
    let shedBefore: string | undefined;
    for (let attempt = 0; ; attempt++) {
      const answer = await caller.send<T>(method, path, body);
      if (answer.status === expected) return answer.body;
      if (answer.status === 503 || answer.status === 429)
        shedBefore = `${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
      const again = answer.status === 503 || answer.status === 429 || (retryConflict && answer.status === 409);
      if (again && attempt < 30) {
        retried += 1;
        await sleep(retryConflict ? 50 + Math.random() * 200 : 500);
        continue;
      }
      throw new ApiRefusal(answer.status, answer.body, shedBefore, `${method} ${path}`);
    }
  }
  const complete = (caller: ApiCaller, taskId: string, payload: unknown) =>
    call(caller, 'POST', `/api/v1/tasks/${taskId}/complete`, { payload }, 200);

  /** The open task a query finds, waited for (a step's task opens a moment after the step before it). */
  async function openTask(what: string, text: string, params: unknown[], timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = await o.sql<{ id: string }>(text, params);
      if (row) return row.id;
      if (Date.now() > deadline) throw new Error(`no open ${what} task after ${timeoutMs} ms`);
      await sleep(100);
    }
  }
  const stepTask = (electionId: string, kind: string, timeoutMs?: number) =>
    openTask(
      kind,
      `SELECT id FROM task WHERE case_id = $1::uuid AND kind = $2 AND status = 'OPEN' ORDER BY created_at LIMIT 1`,
      [electionId, kind],
      timeoutMs,
    );
  const election = (id: string) =>
    call<{
      status: string;
      committeeOrgId: string;
      elected: string[];
      applications: Partial<Record<'UNDER_REVIEW' | 'EVIDENCE_REQUESTED' | 'APPROVED' | 'REFUSED', number>>;
    }>(o.township, 'GET', `/api/v1/elections/${id}`, undefined, 200);
  async function untilStatus(id: string, status: string, timeoutMs = 120_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const e = await election(id);
      if (e.status === status) return e;
      if (Date.now() > deadline) throw new Error(`election ${id}: ${e.status}, not ${status}, after ${timeoutMs} ms`);
      await sleep(200);
    }
  }
  async function pool(total: number, op: (i: number) => Promise<void>) {
    let next = 0;
    let failure: Error | undefined;
    await Promise.all(
      Array.from({ length: Math.min(o.concurrency, total) }, async () => {
        while (failure === undefined) {
          const i = next++;
          if (i >= total) return;
          try {
            await op(i);
          } catch (error) {
            failure ??= error instanceof Error ? error : new Error(String(error));
          }
        }
      }),
    );
    if (failure !== undefined) throw failure;
  }

  const started = performance.now();
  phase('start and set-up');
  const { id: electionId } = await call<{ id: string }>(
    o.township,
    'POST',
    '/api/v1/elections',
    { communityOrgId: o.communityOrgId, restructuringComplete: true },
    201,
  );
  o.progress.electionId = electionId;
  await complete(o.township, await stepTask(electionId, 'election.setup'), {
    electionDate: day(25),
    seats: SEATS,
    method: 'direct',
    committeeMembers: [
      { name: '陈主任', position: 'chair' },
      { name: '刘委员', position: 'member' },
      { name: '孙委员', position: 'member' },
    ],
  });
  const { committeeOrgId } = await untilStatus(electionId, 'REGISTRATION');
  const committee = await o.committeeFor(committeeOrgId);

  phase('voter import');
  await call(
    committee,
    'POST',
    `/api/v1/elections/${electionId}/voters/import`,
    { filename: '选民名单.csv', contentBase64: votersCsvBase64(o.voters) },
    200,
  );

  phase('applications');
  const submitLatencies: number[] = [];
  const decideLatencies: number[] = [];
  let approved = 0;
  let refused = 0;
  let deliveredLater = 0;
  const applicationsStarted = performance.now();
  await pool(o.applications, async (i) => {
    let t = performance.now();
    const path = `/api/v1/elections/${electionId}/applications`;
    let view: { caseId: string; number: string };
    let waitMs = 60_000;
    let late = '';
    try {
      view = await call(o.applicant(i), 'POST', path, bigCommunityApplication(i), 201);
    } catch (error) {
      // Answered 503 (Temporal did not answer in time), then "already applied" to the resend: the application is on
      // record and the worker's reconciler delivers it within minutes. Anything else is a failure.
      if (!(error instanceof ApiRefusal && error.status === 409 && error.shedBefore)) throw error;
      const number = (error.body as { error?: { details?: { number?: string } } }).error?.details?.number;
      view = await call(o.applicant(i), 'GET', `/api/v1/elections/applications/${number}`, undefined, 200);
      deliveredLater += 1;
      late = `, answered ${error.shedBefore} and then 409 to the resend`;
      waitMs = o.lateDeliveryMs ?? 300_000;
      o.log(`big-community: application ${number} answered ${error.shedBefore}, then 409 to the resend; waiting for its review`);
    }
    submitLatencies.push(performance.now() - t);
    const taskId = await openTask(
      `migrant-decision (application ${view.number}${late})`,
      `SELECT id FROM task WHERE case_id = $1::uuid AND kind = 'election.migrant-decision' AND status = 'OPEN' LIMIT 1`,
      [view.caseId],
      waitMs,
    );
    t = performance.now();
    const refuse = (i + 1) % o.refuseEvery === 0;
    await complete(
      committee,
      taskId,
      refuse
        ? { decision: 'refuse', reason: '经入户核实，申请人未在本社区居住' }
        : { decision: 'approve', reason: '材料齐全，符合条件' },
    );
    decideLatencies.push(performance.now() - t);
    if (refuse) refused += 1;
    else approved += 1;
    if ((i + 1) % 500 === 0) o.log(`big-community: ${i + 1} applications decided`);
  });
  const applicationSeconds = (performance.now() - applicationsStarted) / 1000;

  phase('list publication');
  const publication = await stepTask(electionId, 'election.publish-list');
  // Published once every application is decided on record (the election's page counts them by status): a refused
  // completion would be one more Update to the election. The retry below only covers the last moment's race.
  const decidedBy = Date.now() + 120_000;
  for (;;) {
    const { applications } = await election(electionId);
    if ((applications.APPROVED ?? 0) + (applications.REFUSED ?? 0) >= o.applications) break;
    if (Date.now() > decidedBy) throw new Error(`applications not all decided: ${JSON.stringify(applications)}`);
    await sleep(250);
  }
  const publishBy = Date.now() + 120_000;
  for (;;) {
    const answer = await committee.send(`POST`, `/api/v1/tasks/${publication}/complete`, { payload: { confirmed: true } });
    if (answer.status === 200) break;
    if (Date.now() > publishBy || answer.status >= 500 || answer.status === 404)
      throw new Error(`publish-list: ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
    await sleep(1_000);
  }

  phase('objections');
  const objectionLatencies: number[] = [];
  let answered = 0;
  await pool(o.objections, async (k) => {
    const t = performance.now();
    const objection = await call<{ id: string }>(
      committee,
      'POST',
      `/api/v1/elections/${electionId}/objections`,
      { kind: 'other', objectorName: `异议人${k}`, grounds: `第 ${k} 号异议：名单中姓名书写有误` },
      201,
      true,
    );
    const taskId = await openTask(
      'objection-answer',
      `SELECT id FROM task WHERE kind = 'election.objection-answer' AND status = 'OPEN' AND (context->>'objectionId' = $1 OR case_id::text = $1) LIMIT 1`,
      [objection.id],
    );
    await complete(committee, taskId, { decision: 'dismissed', answer: '经核实，名单无误' });
    objectionLatencies.push(performance.now() - t);
    answered += 1;
  });

  phase('candidates (after the objection window)');
  const candidatesTask = await stepTask(electionId, 'election.candidates', 600_000);
  const [candidatesContext] = await o.sql<{ registeredVoters: number }>(
    `SELECT (context->>'registeredVoters')::int AS "registeredVoters" FROM task WHERE id = $1::uuid`,
    [candidatesTask],
  );
  const registeredVoters = candidatesContext?.registeredVoters ?? 0;
  await complete(committee, candidatesTask, { candidates: CANDIDATES.map((name) => ({ name })) });

  phase('count');
  const resultsTask = await stepTask(electionId, 'election.results');
  const winners = Math.floor(registeredVoters * 0.9);
  await complete(committee, resultsTask, {
    votesCast: registeredVoters,
    candidates: CANDIDATES.map((name, k) => ({ name, votes: k < SEATS ? winners - k : 1 })),
  });

  phase('handover and report');
  await complete(o.township, await stepTask(electionId, 'election.handover'), {
    handedOverOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
    items: ['seals', 'files', 'finances'],
  });
  const done = await untilStatus(electionId, 'COMPLETED');
  phase('done');

  seconds.total = Math.round((performance.now() - started) / 100) / 10;
  return {
    electionId,
    seconds,
    applications: {
      submitted: submitLatencies.length,
      deliveredLater,
      approved,
      refused,
      throughputPerSec: Math.round((o.applications / applicationSeconds) * 10) / 10,
      submitLatency: latencyStats(submitLatencies),
      decideLatency: latencyStats(decideLatencies),
    },
    objections: { filed: objectionLatencies.length, answered, latency: latencyStats(objectionLatencies) },
    retried,
    registeredVoters,
    elected: done.elected,
  };
}
