import type { Db } from '../../../runtime/db';

/** Login throttling, shared by all API processes through PostgreSQL. */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 30,
};

export async function isLoginThrottled({
  db,
  username,
  ip,
  now = new Date(),
}: {
  db: Db;
  username: string;
  ip: string;
  now?: Date;
}): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const [byAccount, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { username, success: false, at: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, success: false, at: { gte: since } } }),
  ]);
  return byAccount >= THROTTLE.maxFailuresPerAccount || byIp >= THROTTLE.maxFailuresPerIp;
}

export async function recordLoginAttempt({
  db,
  username,
  ip,
  success,
}: {
  db: Db;
  username: string;
  ip: string;
  success: boolean;
}): Promise<void> {
  await db.loginAttempt.create({ data: { username, ip, success } });
}
