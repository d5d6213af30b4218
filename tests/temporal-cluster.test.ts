import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isPortOpen } from '../runtime/net';
import { databaseExists } from '../runtime/postgres-admin';
import { startTemporalCluster, type TemporalCluster } from '../runtime/temporal-cluster';
import { findTemporalServerBinaries, TEMPORAL_SERVER_VERSION } from '../runtime/temporal-server-binaries';
import { repoRoot } from '../runtime/paths';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';

// The cluster engine (`--engine=cluster` of the harnesses) needs the server binaries, built once per machine by
// `npm run provision:temporal-cluster` (6–12 minutes). Without them this file is skipped, and says so.
const provisioned = findTemporalServerBinaries() !== undefined;
if (!provisioned) {
  process.stderr.write(
    `tests/temporal-cluster.test.ts SKIPPED: the Temporal server ${TEMPORAL_SERVER_VERSION} is not provisioned; ` +
      'run `npm run provision:temporal-cluster` once.\n',
  );
}

(provisioned ? describe : describe.skip)(
  'the Temporal cluster engine (four services as separate processes on PostgreSQL)',
  () => {
    let cluster: TemporalCluster;
    let h: Harness;
    let official: Session;
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-temporal-cluster-'));

    beforeAll(async () => {
      cluster = await startTemporalCluster({
        adminUrl: process.env.TEST_PG_SERVER_URL!,
        logDir,
        history: 2,
        matching: 2,
        stopOnSignals: false,
      });
      h = await startHarness({ temporalAddress: cluster.address });
      const township = await makeOrganization(h.db, 'TOWNSHIP', (await makeOrganization(h.db, 'COUNTY')).id);
      const user = await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }]);
      official = await signIn(h.api, user.username);
    }, 300_000);

    afterAll(async () => {
      await h?.close();
      await cluster?.stop();
      fs.rmSync(logDir, { recursive: true, force: true });
    }, 60_000);

    it('a case runs to the end on a four-service Temporal cluster and survives the loss of one history process', async () => {
      // Six server processes, each its own OS process, all in the membership ring.
      const pids = cluster.pids();
      expect(new Set(pids).size).toBe(6);
      const members = await cluster.members();
      const count = (service: string) => members.filter((m) => m.service === service).length;
      expect([count('frontend'), count('history'), count('matching'), count('worker')]).toEqual([1, 2, 2, 1]);

      // Cases started before the loss: with 4 shards over 2 history processes, some live on the one that dies.
      const started = [];
      for (let i = 0; i < 6; i++) {
        const res = await official.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: `集群 ${i}` } });
        expect(res.statusCode).toBe(201);
        const caseId = res.json<{ id: string }>().id;
        started.push({ caseId, task: await h.db.task.findFirstOrThrow({ where: { caseId } }) });
      }

      const killed = await cluster.killHistory();
      expect(cluster.pids()).not.toContain(killed.pid);
      expect(cluster.pids()).toHaveLength(5);

      for (const { task } of started) {
        const done = await official.request({
          method: 'POST',
          url: `/api/v1/tasks/${task.id}/complete`,
          payload: { payload: { decision: 'approve' } },
        });
        expect(done.statusCode).toBe(200);
      }
      const cases = await h.db.case.findMany({ where: { id: { in: started.map((s) => s.caseId) } } });
      expect(cases.map((c) => c.status)).toEqual(started.map(() => 'COMPLETED'));
      for (const c of cases) {
        const status = (await h.temporal.workflow.getHandle(c.workflowId).describe()).status.name;
        expect(status).toBe('COMPLETED');
        // Exactly one completion and one closing on record per case: nothing duplicated by the failover.
        const actions = (await h.db.auditEvent.findMany({ where: { caseId: c.id }, orderBy: { seq: 'asc' } })).map(
          (e) => e.action,
        );
        expect(actions).toEqual(['case.opened', 'task.opened', 'task.completed', 'case.closed']);
      }
      // Every surviving process SIGKILLed at once and started again on the same databases: the next case runs to the end.
      await cluster.restart('SIGKILL');
      expect(cluster.pids()).toHaveLength(5);
      const after = await official.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: '集群 之后' } });
      expect(after.statusCode).toBe(201);
      const afterTask = await h.db.task.findFirstOrThrow({ where: { caseId: after.json<{ id: string }>().id } });
      const afterDone = await official.request({
        method: 'POST',
        url: `/api/v1/tasks/${afterTask.id}/complete`,
        payload: { payload: { decision: 'approve' } },
      });
      expect(afterDone.statusCode).toBe(200);
    }, 240_000);

    it.each(['SIGTERM', 'SIGINT'] as const)(
      'an interrupted harness (%s) leaves no Temporal server process and no database behind',
      async (signal) => {
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            'tests/support/temporal-cluster-child.ts',
            process.env.TEST_PG_SERVER_URL!,
            path.join(logDir, signal),
          ],
          { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
        );
        const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
        const ready = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.setEncoding('utf8');
          child.stdout.on('data', (d: string) => {
            out += d;
            const line = /ready (\S+) (\S+)/.exec(out);
            if (line) resolve(out);
          });
          child.once('exit', () => reject(new Error(`the child exited before its cluster was ready: ${out}`)));
        });
        const [, pidList, database] = /ready (\S+) (\S+)/.exec(ready)!;
        const pids = pidList!.split(',').map(Number);
        expect(pids).toHaveLength(5);
        child.kill(signal);
        // The process's shutdown (runtime/shutdown.ts) stops the cluster, then exits with 128 + the signal's number.
        expect(await exited).toBe(128 + os.constants.signals[signal]);
        const alive = pids.filter((pid) => {
          try {
            process.kill(pid, 0);
            return true;
          } catch {
            return false;
          }
        });
        expect(alive).toEqual([]);
        expect(await databaseExists(process.env.TEST_PG_SERVER_URL!, database!)).toBe(false);
      },
      120_000,
    );

    it('stops every process, frees its ports and drops its databases', async () => {
      const port = Number(cluster.address.split(':').pop());
      await h.close();
      h = undefined as unknown as Harness;
      await cluster.stop();
      expect(cluster.pids()).toEqual([]);
      for (const p of cluster.processes) expect(p.child?.exitCode !== null || p.child?.signalCode !== null).toBe(true);
      expect(await isPortOpen(port)).toBe(false);
      expect(await databaseExists(process.env.TEST_PG_SERVER_URL!, cluster.databases.persistence)).toBe(false);
      expect(await databaseExists(process.env.TEST_PG_SERVER_URL!, cluster.databases.visibility)).toBe(false);
      // Each process logged to its own file.
      expect(fs.readdirSync(logDir).filter((f) => f.endsWith('.log'))).toHaveLength(6);
    }, 60_000);
  },
);
