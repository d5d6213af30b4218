/** The free text a form records with its decision, under the name that form gives it. */
const OPINION_FIELDS = ['opinion', 'reasons', 'reason', 'comment', 'note'] as const;

/**
 * The 办理意见 of a completed task: the free text its form recorded with the decision (the 流转记录 and the issued
 * documents print it), or null when the form recorded none.
 */
export function opinionOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return null;
  const r = result as Record<string, unknown>;
  for (const key of OPINION_FIELDS) if (typeof r[key] === 'string' && r[key].trim() !== '') return r[key];
  return null;
}
