import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { until } from './support/wait';
import { freePort, waitForPort } from '../runtime/net';
import { createTaskActivities } from '../activities/tasks';
import { startChannelSending } from '../runtime/channel-sender';

interface Received {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The fake SMS gateway and IM robot: tests/support/recording-receiver.mjs as a child process. */
async function startGateway(port: number, logFile: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['tests/support/recording-receiver.mjs', String(port), logFile], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForPort(port, 10_000);
  return child;
}

function received(logFile: string): Received[] {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Received);
}

const ENV = ['SMS_GATEWAY_URL', 'SMS_APP_KEY', 'SMS_APP_SECRET', 'IM_WEBHOOK_URL', 'IM_WEBHOOK_SECRET'] as const;

describe('reminders that reach people: SMS and the 政务 IM robot', () => {
  let h: Harness;
  let official: Session;
  let townshipId: string;
  let countyId: string;
  const dir = mkdtempSync(join(tmpdir(), 'channels-'));
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    h = await startHarness();
    const county = await makeOrganization(h.db, 'COUNTY');
    countyId = county.id;
    const township = await makeOrganization(h.db, 'TOWNSHIP', county.id);
    townshipId = township.id;
    const user = await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }]);
    await h.db.user.update({ where: { id: user.id }, data: { phone: '13800138000' } });
    const supervisor = await makeUser(h.db, [{ organizationId: county.id, role: 'COUNTY_APPROVER' }]);
    await h.db.user.update({ where: { id: supervisor.id }, data: { phone: '13900139000' } });
    official = await signIn(h.api, user.username);
  });
  afterEach(() => {
    for (const name of ENV) delete process.env[name];
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openTask(title: string) {
    const started = await official.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title } });
    expect(started.statusCode).toBe(201);
    const { id, number } = started.json<{ id: string; number: string }>();
    const task = await h.db.task.findFirstOrThrow({ where: { caseId: id } });
    return { taskId: task.id, number };
  }

  function configure(port: number) {
    process.env.SMS_GATEWAY_URL = `http://127.0.0.1:${port}/sms/send`;
    process.env.SMS_APP_KEY = 'county-app';
    process.env.SMS_APP_SECRET = 'sms-secret';
    process.env.IM_WEBHOOK_URL = `http://127.0.0.1:${port}/robot/send?access_token=abc`;
    process.env.IM_WEBHOOK_SECRET = 'SEC-robot-secret';
  }

  it('lets a user keep their own mobile number, validated as a mainland China mobile; an administrator can set it too', async () => {
    // In a township of its own, so that the reminders below do not reach this user.
    const elsewhere = await makeOrganization(h.db, 'TOWNSHIP', countyId);
    const user = await makeUser(h.db, [{ organizationId: elsewhere.id, role: 'TOWNSHIP_OFFICIAL' }]);
    const me = await signIn(h.api, user.username);
    const bad = await me.request({ method: 'PUT', url: '/api/v1/me/mobile', payload: { mobile: '2380013800' } });
    expect(bad.statusCode).toBe(400);
    const error = bad.json<{ error: { code: string; fields: { path: string; message: { 'zh-CN': string; en: string } }[] } }>()
      .error;
    expect(error.fields[0]).toMatchObject({ path: 'mobile', message: { 'zh-CN': expect.stringContaining('手机号码') } });
    expect((await h.db.user.findUniqueOrThrow({ where: { id: user.id } })).phone).toBeNull();
    const ok = await me.request({ method: 'PUT', url: '/api/v1/me/mobile', payload: { mobile: '13612345678' } });
    expect(ok.json()).toEqual({ mobile: '13612345678' });
    expect((await me.request({ url: '/api/v1/me/mobile' })).json()).toEqual({ mobile: '13612345678' });
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: 'user.mobile-changed', targetId: user.id } });
    expect(JSON.stringify(audit.data)).not.toContain('13612345678');

    const province = await makeOrganization(h.db, 'PROVINCE');
    await h.db.organization.update({ where: { id: countyId }, data: { parentId: province.id } });
    const adminUser = await makeUser(h.db, [{ organizationId: countyId, role: 'SYSTEM_ADMIN' }]);
    const admin = await signIn(h.api, adminUser.username);
    const set = await admin.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { mobile: '15912345678' } });
    expect(set.statusCode).toBe(200);
    expect((await h.db.user.findUniqueOrThrow({ where: { id: user.id } })).phone).toBe('15912345678');
    const refused = await admin.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { mobile: '159' } });
    expect(refused.statusCode).toBe(400);
  });

  it('sends nothing when no channel is configured (off by default)', async () => {
    const { taskId } = await openTask('默认关闭');
    const tasks = createTaskActivities({ db: h.db });
    await tasks.markTaskClock({ taskId, stage: 'due' });
    await tasks.markTaskClock({ taskId, stage: 'escalated' });
    expect(await h.db.channelOutbox.count()).toBe(0);
    expect(startChannelSending({ db: h.db })).toBeUndefined();
  });

  it('sends a red card by SMS to the holder and the supervisor and to the IM robot, with the right text and a valid robot signature', async () => {
    const port = await freePort();
    const logFile = join(dir, 'red.jsonl');
    children.push(await startGateway(port, logFile));
    configure(port);
    const { taskId, number } = await openTask('红牌');
    await createTaskActivities({ db: h.db }).markTaskClock({ taskId, stage: 'escalated' });
    const sending = startChannelSending({ db: h.db, intervalMs: 100 })!;
    try {
      await until(async () => (await h.db.channelOutbox.count({ where: { status: { not: 'sent' } } })) === 0, 20_000);
    } finally {
      await sending.stop();
    }
    const all = received(logFile);
    const sms = all.filter((r) => r.url === '/sms/send').map((r) => JSON.parse(r.body) as { mobile: string; content: string });
    expect(sms.map((s) => s.mobile).sort()).toEqual(['13800138000', '13900139000']);
    for (const s of sms) expect(s.content).toContain(number);
    expect(sms.find((s) => s.mobile === '13800138000')!.content).toContain('红色预警');
    // The gateway can check who sent it: the app key and the signature over the body.
    for (const r of all.filter((x) => x.url === '/sms/send')) {
      expect(r.headers['x-app-key']).toBe('county-app');
      const expected = createHmac('sha256', 'sms-secret')
        .update(`county-app\n${r.headers['x-timestamp']}\n${r.headers['x-nonce']}\n${r.body}`)
        .digest('hex');
      expect(r.headers['x-signature']).toBe(expected);
    }
    const im = all.filter((r) => r.url.startsWith('/robot/send'));
    expect(im).toHaveLength(2); // the holder's organization and the supervising one
    for (const r of im) {
      const query = new URL(r.url, 'http://x').searchParams;
      expect(query.get('access_token')).toBe('abc');
      const timestamp = query.get('timestamp')!;
      const sign = createHmac('sha256', 'SEC-robot-secret').update(`${timestamp}\nSEC-robot-secret`).digest('base64');
      expect(query.get('sign')).toBe(sign);
      expect(r.url).toContain(`sign=${encodeURIComponent(sign)}`);
      const message = JSON.parse(r.body) as { msgtype: string; text: { content: string } };
      expect(message.msgtype).toBe('text');
      expect(message.text.content).toContain(number);
      expect(message.text.content).toContain('红色预警');
    }
    expect(countyId).toBeTruthy();
  });

  it('sends the reminder and the yellow card too', async () => {
    const port = await freePort();
    const logFile = join(dir, 'yellow.jsonl');
    children.push(await startGateway(port, logFile));
    configure(port);
    const { taskId, number } = await openTask('提醒和黄牌');
    const tasks = createTaskActivities({ db: h.db });
    await tasks.markTaskClock({ taskId, stage: 'reminder' });
    await tasks.markTaskClock({ taskId, stage: 'due' });
    const sending = startChannelSending({ db: h.db, intervalMs: 100 })!;
    try {
      await until(async () => (await h.db.channelOutbox.count({ where: { status: { not: 'sent' } } })) === 0, 20_000);
    } finally {
      await sending.stop();
    }
    const texts = received(logFile)
      .filter((r) => r.url.startsWith('/robot/send'))
      .map((r) => (JSON.parse(r.body) as { text: { content: string } }).text.content);
    expect(texts).toHaveLength(2);
    expect(texts.every((t) => t.includes(number))).toBe(true);
    expect(texts.some((t) => t.includes('黄色预警'))).toBe(true);
  });

  it('retries while the gateway is down: nothing lost, nothing written twice, all sent once it is back', async () => {
    const port = await freePort();
    const logFile = join(dir, 'down.jsonl');
    configure(port);
    const { taskId } = await openTask('网关故障');
    const tasks = createTaskActivities({ db: h.db });
    await tasks.markTaskClock({ taskId, stage: 'escalated' });
    const rows = await h.db.channelOutbox.findMany({ where: { status: 'pending' } });
    expect(rows.length).toBe(4); // two SMS, two robot posts
    const sending = startChannelSending({ db: h.db, intervalMs: 100, backoffBaseMs: 100, backoffMaxMs: 300, maxAttempts: 50 })!;
    try {
      await until(
        async () => (await h.db.channelOutbox.count({ where: { status: 'pending', attempts: { gte: 2 } } })) === 4,
        20_000,
      );
      const failing = await h.db.channelOutbox.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
      expect(failing.every((r) => r.lastError)).toBe(true);
      // The activity retried (the worker died after its commit): no second row.
      await tasks.markTaskClock({ taskId, stage: 'escalated' });
      children.push(await startGateway(port, logFile));
      await until(async () => (await h.db.channelOutbox.count({ where: { status: { not: 'sent' } } })) === 0, 20_000);
    } finally {
      await sending.stop();
    }
    expect(
      await h.db.channelOutbox.count({ where: { id: { notIn: rows.map((r) => r.id) }, createdAt: { gte: rows[0]!.createdAt } } }),
    ).toBe(0);
    const got = received(logFile);
    expect(got.filter((r) => r.url === '/sms/send')).toHaveLength(2);
    expect(got.filter((r) => r.url.startsWith('/robot/send'))).toHaveLength(2);
    expect(townshipId).toBeTruthy();
  });
});
