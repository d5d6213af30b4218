import { describe, expect, it } from '@jest/globals';
import { expectAccessible, horizontalOverflow, screenshot, texts } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import type { Harness } from '../support/harness';
import { decryptWebhookSecret } from '../../runtime/webhook-secrets';

/** The administrator's webhook page at 390 px: create a subscription, see its secret once, open the delivery log. */
describe('web app in Chromium: webhook subscriptions', () => {
  let h: Harness;
  const { signedIn } = browserSuite({ demo: true }, (started) => ({ h } = started));

  it('an administrator subscribes at 390 px; the secret is shown once and is the one the dispatcher signs with', async () => {
    const page = await signedIn('admin', '/admin/webhooks', 390, 844);
    await page.getByRole('heading', { name: texts.webhooks.title, level: 2 }).waitFor();
    await page.getByText(texts.webhooks.empty).waitFor();
    await page.getByRole('button', { name: texts.webhooks.create }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel(texts.webhooks.fields.url, { exact: true }).fill('ftp://nowhere');
    await drawer.getByRole('button', { name: texts.webhooks.createSubmit }).click();
    await drawer.getByText('请填写以 https:// 或 http:// 开头、不含用户名和密码的接收地址。').waitFor();
    expect(await h.db.webhookSubscription.count()).toBe(0);
    await drawer.getByLabel(texts.webhooks.fields.url, { exact: true }).fill('https://data.example.gov.cn/hooks');
    await drawer.getByRole('checkbox', { name: '文书印发' }).uncheck();
    await expectAccessible(page);
    await drawer.getByRole('button', { name: texts.webhooks.createSubmit }).click();

    const secretDialog = page.getByRole('dialog', { name: texts.webhooks.secretTitle });
    await secretDialog.getByText(texts.webhooks.secretOnce).waitFor();
    const shown = (await secretDialog.locator('code').textContent())!.trim();
    expect(shown).toMatch(/^whsec_/);
    const stored = await h.db.webhookSubscription.findFirstOrThrow();
    expect(decryptWebhookSecret(stored.secretEncrypted)).toBe(shown);
    expect(stored.eventTypes).toEqual(['case.opened', 'case.decided', 'case.closed', 'task.overdue']);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'webhook-secret-390');
    await secretDialog.getByRole('button', { name: texts.webhooks.secretDone }).click();
    await secretDialog.waitFor({ state: 'hidden' });

    // The secret is not shown again; the card lists the events and opens the (empty) delivery log.
    await page.getByText('https://data.example.gov.cn/hooks').waitFor();
    expect(await page.getByText(shown).count()).toBe(0);
    await page.getByRole('button', { name: texts.webhooks.deliveries }).click();
    await page.getByRole('dialog').getByText(texts.webhooks.noDeliveries).waitFor();
    await expectAccessible(page);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'webhook-deliveries-390');
  }, 180_000);

  it('a user keeps their mobile number for SMS reminders at 390 px: a wrong number is refused, a right one stored', async () => {
    const page = await signedIn('county.approver', '/account/password', 390, 844);
    const field = page.getByLabel(texts.mobile.label, { exact: true });
    await field.fill('12345');
    await page.getByRole('button', { name: texts.mobile.submit }).click();
    await page.getByText('请填写 11 位中国大陆手机号码（以 13–19 开头）。').waitFor();
    await field.fill('13712345678');
    await page.getByRole('button', { name: texts.mobile.submit }).click();
    await page.getByText(texts.mobile.saved).waitFor();
    expect((await h.db.user.findUniqueOrThrow({ where: { username: 'county.approver' } })).phone).toBe('13712345678');
    await expectAccessible(page);
    expect(await horizontalOverflow(page)).toBe(0);
  }, 180_000);
});
