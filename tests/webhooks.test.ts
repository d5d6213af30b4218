import { issueOfficialDocument } from '../runtime/official-documents/issue';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeProvinceToCounty, makeUser, signIn, type Session } from './support/factories';
import { until } from './support/wait';
import { freePort, waitForPort } from '../runtime/net';
import { startWebhookDispatcher, webhookBackoffMs, type WebhookDispatcher } from '../runtime/webhook-dispatcher';
import { createCaseActivities } from '../activities/cases';
import { createTaskActivities } from '../activities/tasks';
import { WEBHOOK_EVENT_TYPES } from '../domain/webhook-events';

interface Received {
  headers: Record<string, string>;
  body: string;
  signatureValid: boolean | null;
}

/** A receiving system: tests/support/recording-receiver.mjs as a child process, recording to a file that outlives it. */
class Receiver {
  private child?: ChildProcess;
  constructor(
    readonly port: number,
    readonly logFile: string,
    private readonly secret: string,
  ) {}
  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['tests/support/recording-receiver.mjs', String(this.port), this.logFile], {
      env: { ...process.env, RECEIVER_WEBHOOK_SECRET: this.secret, RECEIVER_ANSWER_DELAY_MS: '40' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitForPort(this.port, 10_000);
  }
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }
  received(): Received[] {
    if (!existsSync(this.logFile)) return [];
    return readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Received);
  }
}

describe('events for other systems (webhooks)', () => {
  let h: Harness;
  let admin: Session;
  let official: Session;
  let townshipId: string;
  let provinceId: string;
  let dispatcher: WebhookDispatcher | undefined;
  const receivers: Receiver[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'webhooks-'));

  beforeAll(async () => {
    h = await startHarness();
    const { province, county } = await makeProvinceToCounty(h.db);
    provinceId = province.id;
    const township = await makeOrganization(h.db, 'TOWNSHIP', county.id);
    townshipId = township.id;
    admin = await signIn(h.api, (await makeUser(h.db, [{ organizationId: province.id, role: 'SYSTEM_ADMIN' }])).username);
    official = await signIn(h.api, (await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }])).username);
  });
  afterAll(async () => {
    await dispatcher?.stop();
    for (const r of receivers) await r.kill();
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function subscribe(url: string, eventTypes: readonly string[] = WEBHOOK_EVENT_TYPES) {
    const res = await admin.request({ method: 'POST', url: '/api/v1/admin/webhooks', payload: { url, eventTypes } });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; secret: string }>();
  }

  async function smokeCase(title: string, complete: boolean) {
    const started = await official.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title } });
    expect(started.statusCode).toBe(201);
    const { id } = started.json<{ id: string }>();
    const task = await h.db.task.findFirstOrThrow({ where: { caseId: id } });
    if (complete) {
      const done = await official.request({
        method: 'POST',
        url: `/api/v1/tasks/${task.id}/complete`,
        payload: { payload: { decision: 'approve' } },
      });
      expect(done.statusCode).toBe(200);
    }
    return { caseId: id, taskId: task.id };
  }

  it('shows the signing secret once and stores it encrypted, never in a read', async () => {
    const created = await subscribe('https://data.example.gov.cn/hooks', ['case.opened']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const stored = await h.db.webhookSubscription.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.secretEncrypted).not.toContain(created.secret);
    const list = await admin.request({ url: '/api/v1/admin/webhooks' });
    expect(list.body).not.toContain(created.secret);
    expect(list.json<{ id: string }[]>().map((s) => s.id)).toContain(created.id);
    // Deactivated, so that it takes no part in the delivery tests below.
    const off = await admin.request({ method: 'PATCH', url: `/api/v1/admin/webhooks/${created.id}`, payload: { active: false } });
    expect(off.json()).toMatchObject({ active: false });
    const audit = await h.db.auditEvent.findMany({ where: { targetId: created.id }, orderBy: { seq: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['webhook.created', 'webhook.updated']);
  });

  it('in production without WEBHOOK_SECRET_KEY refuses a new subscription with 409 WEBHOOKS_NOT_CONFIGURED, bilingual, and writes nothing', async () => {
    const before = await h.db.webhookSubscription.count();
    const saved = { mode: process.env.APP_MODE, key: process.env.WEBHOOK_SECRET_KEY };
    process.env.APP_MODE = 'production';
    delete process.env.WEBHOOK_SECRET_KEY;
    try {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/admin/webhooks',
        payload: { url: 'https://example.org/unkeyed', eventTypes: ['case.opened'] },
      });
      expect(res.statusCode).toBe(409);
      const { error } = res.json<{ error: { code: string; message: { 'zh-CN': string; en: string } } }>();
      expect(error.code).toBe('WEBHOOKS_NOT_CONFIGURED');
      expect(error.message['zh-CN']).toContain('WEBHOOK_SECRET_KEY');
      expect(error.message.en).toContain('WEBHOOK_SECRET_KEY');
    } finally {
      if (saved.mode === undefined) delete process.env.APP_MODE;
      else process.env.APP_MODE = saved.mode;
      if (saved.key !== undefined) process.env.WEBHOOK_SECRET_KEY = saved.key;
    }
    expect(await h.db.webhookSubscription.count()).toBe(before);
  });

  it('refuses a subscription without a usable address or event type with 400, bilingual, and writes nothing', async () => {
    const before = await h.db.webhookSubscription.count();
    for (const payload of [
      { url: 'ftp://example.org/x', eventTypes: ['case.opened'] },
      { url: 'https://user:pw@example.org/x', eventTypes: ['case.opened'] },
      { url: 'https://example.org/x', eventTypes: [] },
      { url: 'https://example.org/x', eventTypes: ['case.opened', 'case.opened'] },
      { url: 'https://example.org/x', eventTypes: ['case.reopened'] },
    ]) {
      const res = await admin.request({ method: 'POST', url: '/api/v1/admin/webhooks', payload });
      expect(res.statusCode).toBe(400);
      const error = res.json<{ error: { code: string; fields: { message: { 'zh-CN': string; en: string } }[] } }>().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields[0]!.message['zh-CN']).toBeTruthy();
    }
    expect(await h.db.webhookSubscription.count()).toBe(before);
  });

  it("keeps a subscription to its organization's administrator: another organization's is not found", async () => {
    const otherProvince = await makeOrganization(h.db, 'PROVINCE');
    const other = await signIn(
      h.api,
      (await makeUser(h.db, [{ organizationId: otherProvince.id, role: 'SYSTEM_ADMIN' }])).username,
    );
    const mine = await subscribe('https://example.org/mine', ['case.closed']);
    const read = await other.request({ url: `/api/v1/admin/webhooks/${mine.id}/deliveries` });
    expect(read.statusCode).toBe(404);
    const patch = await other.request({ method: 'PATCH', url: `/api/v1/admin/webhooks/${mine.id}`, payload: { active: false } });
    expect(patch.statusCode).toBe(404);
    expect((await other.request({ url: '/api/v1/admin/webhooks' })).json()).toEqual([]);
    expect((await official.request({ url: '/api/v1/admin/webhooks' })).statusCode).toBe(403);
    await admin.request({ method: 'PATCH', url: `/api/v1/admin/webhooks/${mine.id}`, payload: { active: false } });
  });

  it('enqueues an event in the transaction of its fact: a rolled-back close reports nothing, a committed one reports once', async () => {
    const sub = await subscribe('https://example.org/tx', ['case.closed', 'case.decided']);
    const { caseId } = await smokeCase('回滚', false);
    const close = (db: Parameters<typeof createCaseActivities>[0]['db']) =>
      createCaseActivities({ db }).closeCase({ caseId, status: 'COMPLETED', outcome: {} });
    await expect(
      h.db.$transaction(async (tx) => {
        await close(tx);
        throw new Error('the step fails after its writes');
      }),
    ).rejects.toThrow('the step fails');
    expect(await h.db.webhookEvent.count({ where: { caseId } })).toBe(0);
    await h.db.$transaction((tx) => close(tx));
    await h.db.$transaction((tx) => close(tx)); // a retried activity
    const events = await h.db.webhookEvent.findMany({ where: { caseId }, include: { deliveries: true } });
    expect(events.map((e) => e.type).sort()).toEqual(['case.closed', 'case.decided']);
    expect(events.every((e) => e.deliveries.length === 1 && e.deliveries[0]!.subscriptionId === sub.id)).toBe(true);
    // No personal data: codes and statuses only.
    expect(events.find((e) => e.type === 'case.closed')!.data).toEqual({ procedure: 'smoke', status: 'COMPLETED' });
    await admin.request({ method: 'PATCH', url: `/api/v1/admin/webhooks/${sub.id}`, payload: { active: false } });
  });

  it('reports the 村改居 批复 as the case decided and a document issued, once', async () => {
    const sub = await subscribe('https://example.org/doc', ['document.issued', 'case.decided']);
    const village = await makeOrganization(h.db, 'VILLAGE', townshipId);
    const row = await h.db.case.create({
      data: {
        procedure: 'village-conversion',
        number: `VC-TEST-${Date.now()}`,
        title: '村改居',
        organizationId: village.id,
        workflowId: `vc-test-${Date.now()}`,
        ruleSetVersion: 'test',
      },
    });
    const cases = createCaseActivities({ db: h.db });
    const decision = { decision: 'approve', documentNumber: '东政复〔2026〕7号', decisionText: '同意' };
    await cases.mergeCaseData({ caseId: row.id, data: { decision } });
    await cases.mergeCaseData({ caseId: row.id, data: { decision } });
    expect((await h.db.webhookEvent.findMany({ where: { caseId: row.id } })).map((e) => e.type)).toEqual(['case.decided']);
    // The 批复 is reported by the transaction that numbers it (issue 21), once however often the step retries.
    const issue = () =>
      issueOfficialDocument({
        db: h.db,
        kind: 'vc-decision',
        caseId: row.id,
        organizationId: townshipId,
        organName: '测试县人民政府',
        draft: {
          title: '测试县人民政府关于村改居的批复',
          addressee: '测试镇人民政府',
          paragraphs: ['经研究，同意。'],
          dated: '2026-12-08',
          copiesTo: [],
          printedBy: '测试县人民政府办公室',
          printedOn: '2026-12-08',
          decisions: [],
        },
      });
    const issued = await issue();
    await issue();
    const events = await h.db.webhookEvent.findMany({ where: { caseId: row.id } });
    expect(events.map((e) => e.type).sort()).toEqual(['case.decided', 'document.issued']);
    expect(events.find((e) => e.type === 'document.issued')!.data).toMatchObject({
      documentNumber: issued.number,
      verifyCode: issued.verifyCode,
      sha256: issued.sha256,
    });
    await admin.request({ method: 'PATCH', url: `/api/v1/admin/webhooks/${sub.id}`, payload: { active: false } });
  });

  it('delivers every event exactly once after de-duplication while the receiver is killed mid-run and restarted; signatures verify; the log shows the failures', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/events`;
    const sub = await subscribe(url);
    const receiver = new Receiver(port, join(dir, 'received.jsonl'), sub.secret);
    receivers.push(receiver);
    await receiver.start();
    dispatcher = startWebhookDispatcher({
      db: h.db,
      intervalMs: 150,
      backoffBaseMs: 300,
      backoffMaxMs: 1_500,
      maxAttempts: 100,
      timeoutMs: 2_000,
      batchSize: 5,
    });

    // Facts keep happening while the receiver dies: cases opened and decided, a yellow and a red card.
    const producing = (async () => {
      const made: { caseId: string; taskId: string }[] = [];
      for (let i = 0; i < 8; i += 1) made.push(await smokeCase(`事件 ${i}`, i % 2 === 0));
      const tasks = createTaskActivities({ db: h.db });
      await tasks.markTaskClock({ taskId: made[1]!.taskId, stage: 'due' });
      await tasks.markTaskClock({ taskId: made[1]!.taskId, stage: 'escalated' });
      return made;
    })();
    await until(async () => receiver.received().length >= 3, 60_000);
    await receiver.kill();
    await producing;
    // While it is down, attempts fail and are logged; nothing is lost.
    await until(async () => (await h.db.webhookAttempt.count({ where: { error: { not: null } } })) >= 3, 30_000);
    await new Promise((r) => setTimeout(r, 1_000));
    await receiver.start();

    const events = await h.db.webhookEvent.findMany({ where: { deliveries: { some: { subscriptionId: sub.id } } } });
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['case.opened', 'case.decided', 'case.closed', 'task.overdue']));
    expect(events.length).toBe(8 + 4 * 2 + 2);
    await until(
      async () => (await h.db.webhookDelivery.count({ where: { subscriptionId: sub.id, status: { not: 'delivered' } } })) === 0,
      60_000,
    );

    const received = receiver.received();
    expect(received.every((r) => r.signatureValid === true)).toBe(true);
    const ids = received.map((r) => r.headers['x-event-id']!);
    // De-duplicated by event id: exactly the events enqueued, each at least once.
    expect([...new Set(ids)].sort()).toEqual(events.map((e) => e.id).sort());
    for (const r of received) {
      const payload = JSON.parse(r.body) as { id: string; type: string; caseNumber: string; organization: { id: string } };
      expect(payload.id).toBe(r.headers['x-event-id']);
      expect(payload.caseNumber).toMatch(/^SMK-/);
      expect(payload.organization.id).toBe(townshipId);
    }

    // The administrator's delivery log shows the failed attempts (no status code, an error) before the success.
    const log = await admin.request({ url: `/api/v1/admin/webhooks/${sub.id}/deliveries` });
    expect(log.statusCode).toBe(200);
    const deliveries =
      log.json<{ id: string; eventId: string; status: string; log: { statusCode: number | null; error: string | null }[] }[]>();
    expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);
    const retried = deliveries.filter((d) => d.log.some((a) => a.error !== null));
    expect(retried.length).toBeGreaterThan(0);
    for (const d of retried) {
      expect(d.log.at(-1)).toMatchObject({ statusCode: 200, error: null });
      expect(d.log.filter((a) => a.error).every((a) => a.statusCode === null)).toBe(true);
    }

    // Redeliver: the same event id arrives again.
    const again = deliveries[0]!;
    const before = ids.filter((id) => id === again.eventId).length;
    const redeliver = await admin.request({
      method: 'POST',
      url: `/api/v1/admin/webhooks/${sub.id}/deliveries/${again.id}/redeliver`,
    });
    expect(redeliver.statusCode).toBe(200);
    await until(async () => receiver.received().filter((r) => r.headers['x-event-id'] === again.eventId).length > before, 30_000);
    expect(await h.db.auditEvent.count({ where: { action: 'webhook.redelivered', targetId: again.id } })).toBe(1);
    await dispatcher.stop();
    dispatcher = undefined;
    await receiver.kill();
    await admin.request({ method: 'PATCH', url: `/api/v1/admin/webhooks/${sub.id}`, payload: { active: false } });
  }, 180_000);

  it('marks a delivery failed after the maximum attempts, with each attempt logged, and a redeliver sends it again', async () => {
    const closedPort = await freePort();
    const sub = await subscribe(`http://127.0.0.1:${closedPort}/nobody`, ['case.opened']);
    await smokeCase('无人接收', false);
    const failing = startWebhookDispatcher({ db: h.db, intervalMs: 100, backoffBaseMs: 50, backoffMaxMs: 100, maxAttempts: 3 });
    try {
      const delivery = await until(
        async () =>
          h.db.webhookDelivery.findFirst({ where: { subscriptionId: sub.id, status: 'failed' }, include: { log: true } }),
        30_000,
      );
      expect(delivery.attempts).toBe(3);
      expect(delivery.log).toHaveLength(3);
      expect(delivery.log.every((a) => a.error && a.statusCode === null)).toBe(true);
      const res = await admin.request({
        method: 'POST',
        url: `/api/v1/admin/webhooks/${sub.id}/deliveries/${delivery.id}/redeliver`,
      });
      expect(res.statusCode).toBe(200);
      await until(async () => (await h.db.webhookAttempt.count({ where: { deliveryId: delivery.id } })) > 3, 30_000);
    } finally {
      await failing.stop();
    }
  });

  it('waits exponentially longer between attempts, with jitter, up to the cap', () => {
    expect(webhookBackoffMs(1, 1_000, 60_000, () => 0)).toBe(500);
    expect(webhookBackoffMs(1, 1_000, 60_000, () => 1)).toBe(1_000);
    expect(webhookBackoffMs(4, 1_000, 60_000, () => 1)).toBe(8_000);
    expect(webhookBackoffMs(20, 1_000, 60_000, () => 1)).toBe(60_000);
    expect(provinceId).toBeTruthy();
  });
});
