// `npm run races [-- --quick] [-- --pairs N]`: against a real environment (two API processes, one worker), over HTTP.
// Completions: N tasks, each completed at the same moment by two officials of the same township through different
// API processes → exactly one 200 and one 409 TASK_ALREADY_COMPLETED naming the winner, one `task.completed` audit
// row, one closing of the case with the winner's decision. Claims: N tasks claimed at the same moment by both →
// exactly one owner, the other 409 TASK_CLAIMED naming the owner, one `task.claimed` audit row. Prints one JSON
// object; exits 1 on any violation.
import { exitAfterStopping, installShutdown } from '../runtime/shutdown';
import {
  auditCounts,
  auditVerdict,
  completionRecord,
  distribution,
  harnessArgs,
  logger,
  pool,
  refusal,
  startReliabilityEnvironment,
} from './environment';
import type { Official, ReliabilityEnvironment } from './environment';

const { quick, option } = harnessArgs();
const pairs = Number(option('--pairs') ?? (quick ? 100 : 1_000));
/** Pairs in flight at once: each pair is simultaneous; several pairs overlap to finish in minutes. */
const concurrency = Number(option('--concurrency') ?? 4);
const log = logger('races');

interface Answer {
  status: number;
  body: unknown;
}

/** Contract slips seen while opening tasks (reported, not a race violation). */
const slips = { answered201BeforeTask: 0 };

async function openTasks(r: ReliabilityEnvironment, count: number, label: string): Promise<{ caseId: string; taskId: string }[]> {
  const opened: { caseId: string; taskId: string }[] = [];
  await pool(count, 8, async (i) => {
    const started = await r.officials[0].session.request<{ id: string }>('POST', '/api/v1/smoke-cases', {
      title: `竞争 ${label} ${i}`,
    });
    // The start answers after the workflow settled: the task row is already written (a slip is counted, then waited for).
    let task = await r.db.task.findFirst({ where: { caseId: started.id }, select: { id: true } });
    if (!task) slips.answered201BeforeTask++;
    for (let wait = 0; !task && wait < 120; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      task = await r.db.task.findFirst({ where: { caseId: started.id }, select: { id: true } });
    }
    if (!task) throw new Error(`case ${started.id}: answered 201, its task never appeared`);
    opened.push({ caseId: started.id, taskId: task.id });
  });
  return opened;
}

/** Both officials at once, each through a different API process. */
function simultaneously(r: ReliabilityEnvironment, path: string, bodies: [unknown, unknown]): Promise<[Answer, Answer]> {
  const urls = r.env.apis.map((a) => a.url);
  return Promise.all(r.officials.map((o, k) => o.session.send('POST', path, bodies[k], urls[k % urls.length]))) as Promise<
    [Answer, Answer]
  >;
}

function judgePair(
  answers: [Answer, Answer],
  officials: [Official, Official],
  loserCode: string,
  nameField: string,
): { winner?: number; violation?: string } {
  const statuses = answers.map((a) => a.status).sort();
  if (statuses[0] !== 200 || statuses[1] !== 409) return { violation: `statuses ${answers[0].status}/${answers[1].status}` };
  const winner = answers[0].status === 200 ? 0 : 1;
  const lost = refusal((winner === 0 ? answers[1] : answers[0]).body);
  if (lost.code !== loserCode) return { winner, violation: `loser code ${lost.code}` };
  if (lost.details?.[nameField] !== officials[winner].displayName)
    return { winner, violation: `loser told ${String(lost.details?.[nameField])}` };
  return { winner };
}

async function completionRaces(r: ReliabilityEnvironment) {
  log(`opening ${pairs} tasks for completion races…`);
  const tasks = await openTasks(r, pairs, 'complete');
  const decisions = ['approve', 'reject'] as const;
  const winners = new Map<string, number>();
  const violations: { taskId: string; violation: string }[] = [];
  let clean = 0;
  const started = Date.now();
  await pool(tasks.length, concurrency, async (i) => {
    const { taskId } = tasks[i]!;
    const answers = await simultaneously(r, `/api/v1/tasks/${taskId}/complete`, [
      { payload: { decision: decisions[0] } },
      { payload: { decision: decisions[1] } },
    ]);
    const verdict = judgePair(answers, r.officials, 'TASK_ALREADY_COMPLETED', 'completedBy');
    if (verdict.winner !== undefined) winners.set(taskId, verdict.winner);
    if (verdict.violation) violations.push({ taskId, violation: verdict.violation });
    else clean++;
  });
  const seconds = (Date.now() - started) / 1000;

  // The record: one completion and one closing per case, by the winner, with the winner's decision.
  const { taskIds, caseIds, completedRows, closedRows } = await completionRecord(r.db, tasks);
  const rows = await r.db.task.findMany({
    where: { id: { in: taskIds } },
    select: { id: true, status: true, completedById: true, case: { select: { status: true } } },
  });
  let recordMatchesWinner = 0;
  for (const row of rows) {
    const winner = winners.get(row.id);
    const expectedCase = winner === 0 ? 'COMPLETED' : 'REJECTED';
    const ok =
      winner !== undefined &&
      row.status === 'COMPLETED' &&
      row.completedById === r.officials[winner]!.userId &&
      row.case.status === expectedCase;
    if (ok) recordMatchesWinner++;
    else
      violations.push({
        taskId: row.id,
        violation: `record: task ${row.status} by ${row.completedById ?? '—'}, case ${row.case.status}, winner ${winner ?? '—'}`,
      });
  }
  const completedDistribution = distribution(taskIds, completedRows);
  const closedDistribution = distribution(caseIds, closedRows);
  if (completedDistribution['1'] !== pairs)
    violations.push({ taskId: '*', violation: `task.completed rows per task ${JSON.stringify(completedDistribution)}` });
  if (closedDistribution['1'] !== pairs)
    violations.push({ taskId: '*', violation: `case.closed rows per case ${JSON.stringify(closedDistribution)}` });
  return {
    pairs,
    exactlyOne200And409: clean,
    wins: {
      [r.officials[0].username]: [...winners.values()].filter((w) => w === 0).length,
      [r.officials[1].username]: [...winners.values()].filter((w) => w === 1).length,
    },
    taskCompletedAuditRowsPerTask: completedDistribution,
    caseClosedAuditRowsPerCase: closedDistribution,
    recordMatchesWinner,
    pairsPerSecond: Math.round((pairs / seconds) * 10) / 10,
    violations: violations.slice(0, 20),
    violationCount: violations.length,
  };
}

async function claimRaces(r: ReliabilityEnvironment) {
  log(`opening ${pairs} tasks for claim races…`);
  const tasks = await openTasks(r, pairs, 'claim');
  const winners = new Map<string, number>();
  const violations: { taskId: string; violation: string }[] = [];
  let clean = 0;
  await pool(tasks.length, concurrency, async (i) => {
    const { taskId } = tasks[i]!;
    const answers = await simultaneously(r, `/api/v1/tasks/${taskId}/claim`, [undefined, undefined]);
    const verdict = judgePair(answers, r.officials, 'TASK_CLAIMED', 'assignee');
    if (verdict.winner !== undefined) winners.set(taskId, verdict.winner);
    if (verdict.violation) violations.push({ taskId, violation: verdict.violation });
    else clean++;
  });
  const taskIds = tasks.map((t) => t.taskId);
  const claimedRows = await auditCounts(r.db, 'task.claimed', taskIds);
  const rows = await r.db.task.findMany({ where: { id: { in: taskIds } }, select: { id: true, status: true, assigneeId: true } });
  let ownerMatchesWinner = 0;
  for (const row of rows) {
    const winner = winners.get(row.id);
    if (winner !== undefined && row.status === 'OPEN' && row.assigneeId === r.officials[winner]!.userId) ownerMatchesWinner++;
    else violations.push({ taskId: row.id, violation: `record: owner ${row.assigneeId ?? '—'}, winner ${winner ?? '—'}` });
  }
  const claimedDistribution = distribution(taskIds, claimedRows);
  if (claimedDistribution['1'] !== pairs)
    violations.push({ taskId: '*', violation: `task.claimed rows per task ${JSON.stringify(claimedDistribution)}` });
  return {
    pairs,
    exactlyOne200And409: clean,
    taskClaimedAuditRowsPerTask: claimedDistribution,
    ownerMatchesWinner,
    violations: violations.slice(0, 20),
    violationCount: violations.length,
  };
}

async function main(): Promise<number> {
  installShutdown({ log });
  const started = Date.now();
  // Both officials' requests of a pair must be taken up at once: a fixed admission limit, not one adapted to latency
  // (which on a busy machine could shed one of them; the races are about simultaneity, not load).
  const r = await startReliabilityEnvironment(log, { apis: 2, workers: 1, env: { API_WORKFLOW_TARGET_MS: '0' } });
  try {
    const completions = await completionRaces(r);
    const claims = await claimRaces(r);
    const audit = await auditVerdict(r.db);
    const failed = completions.violationCount + claims.violationCount > 0 || !audit.ok;
    const result = {
      harness: 'races',
      mode: quick ? 'quick' : 'full',
      apiProcesses: r.env.apis.length,
      completions,
      claims,
      slips,
      audit,
      seconds: Math.round((Date.now() - started) / 1000),
      ok: !failed,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return failed ? 1 : 0;
  } finally {
    await r.close();
  }
}

main().then(
  (code) => exitAfterStopping(code),
  (error: unknown) => {
    process.stderr.write(`races failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return exitAfterStopping(1);
  },
);
