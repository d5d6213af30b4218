/**
 * Exact comparisons of proportions ("三分之二以上", "过半数", "四分之三以上"): integers only, never floating point.
 * `part / whole >= num / den` is checked as `part * den >= num * whole` in BigInt.
 */
export function atLeast(part: bigint | number, whole: bigint | number, num: number, den: number): boolean {
  return BigInt(part) * BigInt(den) >= BigInt(num) * BigInt(whole);
}

/** Strictly more than `num/den` ("过半数" is moreThan(part, whole, 1, 2)). */
export function moreThan(part: bigint | number, whole: bigint | number, num: number, den: number): boolean {
  return BigInt(part) * BigInt(den) > BigInt(num) * BigInt(whole);
}

/**
 * Parses a decimal with at most `decimals` places ("123.45") into an integer of hundredths (12345n) without
 * floating point; returns null for anything else.
 */
export function parseFixedDecimal(value: string | number, decimals = 2): bigint | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const match = new RegExp(`^(\\d+)(?:\\.(\\d{1,${decimals}}))?$`).exec(text);
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(decimals, '0');
  return BigInt(match[1]!) * 10n ** BigInt(decimals) + BigInt(fraction || '0');
}
