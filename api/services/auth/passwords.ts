import { hash, verify } from '@node-rs/argon2';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane). */
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolatedModules cannot inline).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Hash of a random string, verified when no user matches, so an unknown username costs the same time. */
let decoyHash: Promise<string> | undefined;

/**
 * Whether `password` matches the stored hash. A hash argon2 cannot decode is a fault in the data, not a wrong
 * password: it is thrown (500, logged) instead of answering "wrong password" and counting a failed attempt.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoyHash ??= hashPassword(`decoy-${Math.random()}`);
    await verify(await decoyHash, password);
    return false;
  }
  return verify(passwordHash, password);
}
