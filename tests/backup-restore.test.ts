import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createBackup, readManifest, restoreBackup } from '../runtime/backup';
import { verifyAuditChain } from '../runtime/audit-verify';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '../runtime/embedded-postgres';
import { provisionDatabase } from '../runtime/db-provision';
import { startTemporalDevServer, type TemporalDevServer } from '../runtime/temporal-dev-server';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn } from './support/factories';
import { TEST_DATABASE_ROLES } from './support/test-database';

/**
 * `npm run backup` / `npm run restore` on the layout `npm start` uses: an embedded PostgreSQL data directory and the
 * Temporal dev server's SQLite file under one data directory. The backup is restored into a fresh directory with
 * fresh servers; every case is there with its history, and a workflow that was waiting for a task continues.
 */
describe('backup and restore of PostgreSQL and the Temporal dev server file', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-backup-'));
  fs.chmodSync(root, 0o755); // the embedded server runs as the `postgres` user when we are root
  const running: { h?: Harness; pg?: EmbeddedPostgresServer; temporal?: TemporalDevServer } = {};

  async function startStack(dataDir: string, create: boolean) {
    running.pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), persistent: true });
    // As `npm start` does at every start: roles, migrations as the owner, the API and worker as the application role.
    // After the restore the roles and grants come back with the files; provisioning again changes nothing.
    const { appUrl: url, applied } = await provisionDatabase(running.pg.adminUrl, 'cg', TEST_DATABASE_ROLES);
    if (!create) expect(applied).toEqual([]);
    running.temporal = await startTemporalDevServer({ dbFile: path.join(dataDir, 'temporal', 'temporal.sqlite') });
    running.h = await startHarness({ databaseUrl: url, temporalAddress: running.temporal.address, taskQueue: 'backup-test' });
    return running.h;
  }
  async function stopStack() {
    await running.h?.close();
    await running.temporal?.stop();
    await running.pg?.stop();
    running.h = running.temporal = running.pg = undefined;
  }
  afterAll(async () => {
    await stopStack();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('restores every case with its history, and a waiting workflow continues after the restore', async () => {
    const original = path.join(root, 'original');
    let h = await startStack(original, true);
    const county = await makeOrganization(h.db, 'COUNTY');
    const township = await makeOrganization(h.db, 'TOWNSHIP', county.id);
    const user = await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }]);
    let official = await signIn(h.api, user.username);
    const start = async (title: string) => {
      const res = await official.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title } });
      expect(res.statusCode).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const finished = await start('已办结');
    const waiting = await start('等待办理');
    const finishedTask = await h.db.task.findFirstOrThrow({ where: { caseId: finished } });
    const done = await official.request({
      method: 'POST',
      url: `/api/v1/tasks/${finishedTask.id}/complete`,
      payload: { payload: { decision: 'approve' } },
    });
    expect(done.statusCode).toBe(200);
    const before = {
      cases: await h.db.case.findMany({ orderBy: { id: 'asc' }, select: { id: true, number: true, status: true } }),
      audit: await h.db.auditEvent.count(),
      documents: await h.db.document.count(),
    };
    expect(before.cases.map((c) => c.status).sort()).toEqual(['COMPLETED', 'OPEN']);

    await stopStack(); // what `npm run backup` does to a running `npm start` before copying
    const archive = await createBackup({ dataDir: original, outDir: path.join(root, 'backups') });
    expect(path.basename(archive)).toMatch(/^cg-backup-\d{8}T\d{6}Z\.tar\.gz$/);
    expect((await readManifest(archive)).parts).toEqual(['postgres', 'temporal']);

    const restored = path.join(root, 'restored');
    const { movedAside } = await restoreBackup({ archive, dataDir: restored });
    expect(movedAside).toBeUndefined();
    h = await startStack(restored, false);

    const after = await h.db.case.findMany({ orderBy: { id: 'asc' }, select: { id: true, number: true, status: true } });
    expect(after).toEqual(before.cases);
    expect(await h.db.auditEvent.count()).toBe(before.audit);
    expect(await h.db.document.count()).toBe(before.documents);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
    const history = (await h.db.auditEvent.findMany({ where: { caseId: finished }, orderBy: { seq: 'asc' } })).map(
      (e) => e.action,
    );
    expect(history).toEqual(['case.opened', 'task.opened', 'task.completed', 'case.closed']);

    // The workflow that was waiting for its task before the backup takes the completion and closes the case.
    official = await signIn(h.api, user.username);
    const waitingTask = await h.db.task.findFirstOrThrow({ where: { caseId: waiting, status: 'OPEN' } });
    const completed = await official.request({
      method: 'POST',
      url: `/api/v1/tasks/${waitingTask.id}/complete`,
      payload: { payload: { decision: 'approve' } },
    });
    expect(completed.statusCode).toBe(200);
    expect(completed.json()).toEqual({ taskId: waitingTask.id, caseStatus: 'closed' });
    expect((await h.db.case.findUniqueOrThrow({ where: { id: waiting } })).status).toBe('COMPLETED');
    await stopStack();

    // Restoring over existing data moves that data aside instead of deleting it.
    const again = await restoreBackup({ archive, dataDir: restored });
    expect(again.movedAside && fs.existsSync(path.join(again.movedAside, 'postgres', 'PG_VERSION'))).toBe(true);
  }, 240_000);

  it('refuses to back up a data directory whose PostgreSQL is running', async () => {
    const dir = path.join(root, 'live');
    running.pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), persistent: true });
    await expect(createBackup({ dataDir: dir, outDir: path.join(root, 'refused') })).rejects.toThrow(/still running/);
    expect(fs.existsSync(path.join(root, 'refused')) && fs.readdirSync(path.join(root, 'refused')).length).toBeFalsy();
    await stopStack();
  }, 120_000);
});
