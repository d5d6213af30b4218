import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors';
import { settings } from './config';

/**
 * Signing secrets of webhook subscriptions. The dispatcher needs the secret itself to sign (HMAC), so it cannot be
 * stored as a hash: it is stored encrypted with AES-256-GCM under WEBHOOK_SECRET_KEY (runtime/config.ts), as
 * "iv.tag.ciphertext" in base64. The API shows the secret once, when it is generated; a database copy alone does not
 * reveal it.
 */
const DEVELOPMENT_KEY = createHash('sha256').update('community-governance development webhook key').digest();

function encryptionKey(): Buffer {
  const { key, production } = settings.webhookSecretKey();
  if (!key) {
    if (production) throw new Error('WEBHOOK_SECRET_KEY is not set (required with APP_MODE=production)');
    return DEVELOPMENT_KEY;
  }
  const bytes = /^[0-9a-fA-F]{64}$/.test(key) ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64');
  if (bytes.length !== 32) throw new Error('WEBHOOK_SECRET_KEY must be 32 bytes (64 hex digits or base64)');
  return bytes;
}

/** A new signing secret: 32 random bytes, "whsec_" and base64url. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function encryptWebhookSecret(secret: string): string {
  // In production without a key nothing can be kept safely: the request is refused with a clear 409, not a 500.
  const { key, production } = settings.webhookSecretKey();
  if (!key && production) throw new AppError('WEBHOOKS_NOT_CONFIGURED');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv);
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64')).join('.');
}

export function decryptWebhookSecret(stored: string): string {
  const [iv, tag, data] = stored.split('.').map((part) => Buffer.from(part, 'base64'));
  if (!iv || !tag || !data) throw new Error('malformed stored webhook secret');
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

/** X-Signature: HMAC-SHA256(secret, `${timestamp}.${body}`) in hex, what a receiver recomputes to verify. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}
