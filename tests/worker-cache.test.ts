import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { settings } from '../runtime/config';
import { createWorker } from '../runtime/worker';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';

const LIMIT = 4;
const PROCEDURES = 10;

describe('worker memory: the workflow cache is bounded by configuration', () => {
  let h: Harness;
  let official: Session;
  let connection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  const configured = process.env.WORKER_MAX_CACHED_WORKFLOWS;

  beforeAll(async () => {
    process.env.WORKER_MAX_CACHED_WORKFLOWS = String(LIMIT);
    h = await startHarness();
    // The harness's worker is replaced by one whose status this test reads; created exactly as every worker is.
    await h.stopWorker();
    connection = await NativeConnection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! });
    worker = await createWorker({
      connection,
      namespace: 'default',
      taskQueue: h.taskQueue,
      db: h.db,
      temporal: h.temporal,
      workflowBundle: { codePath: process.env.TEST_WORKFLOW_BUNDLE! },
    });
    running = worker.run();
    const county = await makeOrganization(h.db, 'COUNTY');
    const township = await makeOrganization(h.db, 'TOWNSHIP', county.id);
    const user = await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }]);
    official = await signIn(h.api, user.username);
  });
  afterAll(async () => {
    if (configured === undefined) delete process.env.WORKER_MAX_CACHED_WORKFLOWS;
    else process.env.WORKER_MAX_CACHED_WORKFLOWS = configured;
    worker?.shutdown();
    await running;
    await connection?.close();
    await h?.close();
  });

  it('reads the cache size from WORKER_MAX_CACHED_WORKFLOWS, with a default of 100 and task slots never above it', () => {
    expect(settings.workerCache()).toEqual({ maxCachedWorkflows: LIMIT, maxConcurrentWorkflowTaskExecutions: LIMIT });
    delete process.env.WORKER_MAX_CACHED_WORKFLOWS;
    try {
      expect(settings.workerCache()).toEqual({ maxCachedWorkflows: 100, maxConcurrentWorkflowTaskExecutions: 40 });
    } finally {
      process.env.WORKER_MAX_CACHED_WORKFLOWS = String(LIMIT);
    }
  });

  it('keeps at most the configured number of workflows cached after more procedures than that wait for a person, and an evicted one still completes', async () => {
    const tasks: string[] = [];
    for (let i = 0; i < PROCEDURES; i++) {
      const started = await official.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: `缓存 ${i}` } });
      expect(started.statusCode).toBe(201);
      const caseId = started.json<{ id: string }>().id;
      tasks.push((await h.db.task.findFirstOrThrow({ where: { caseId } })).id);
      // All of them stay open, each waiting for its task: without a bound every one would stay in the cache.
      expect(worker.getStatus().numCachedWorkflows).toBeLessThanOrEqual(LIMIT);
    }
    const status = worker.getStatus();
    expect(status.numCachedWorkflows).toBeGreaterThan(0);
    expect(status.numCachedWorkflows).toBeLessThanOrEqual(LIMIT);

    // The first procedure was evicted long ago: its next task replays it from its history, and it finishes.
    const done = await official.request({
      method: 'POST',
      url: `/api/v1/tasks/${tasks[0]}/complete`,
      payload: { payload: { decision: 'approve' } },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ taskId: tasks[0], caseStatus: 'closed' });
    expect(worker.getStatus().numCachedWorkflows).toBeLessThanOrEqual(LIMIT);
  });
});
