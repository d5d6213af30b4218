import type { Db } from '../../../runtime/db';
import type { FieldError } from '../../../domain/errors';
import type { LocalizedText } from '../../../domain/localized-text';
import {
  VC_EVIDENCE_KEYS,
  VC_EVIDENCE_LABELS,
  type VcEvidenceKey,
  type VcPrepareForm,
} from '../../../domain/forms/village-conversion';

/**
 * 村改居 evidence (二(五)1: each condition "with evidence attached"): every document named for VC-C1…C4 and the
 * villagers' assembly record must exist and have been uploaded to this case. A missing, unknown or foreign id is a
 * field error naming the condition; the completion is refused (400) and nothing changes.
 */
export async function conversionEvidenceProblems({
  db,
  caseId,
  payload,
}: {
  db: Db;
  caseId: string;
  payload: VcPrepareForm;
}): Promise<FieldError[]> {
  const wanted = [...new Set(VC_EVIDENCE_KEYS.flatMap((key) => payload.evidence[key]))];
  const onCase = new Set(
    (await db.document.findMany({ where: { id: { in: wanted }, caseId }, select: { id: true } })).map((d) => d.id),
  );
  const problems: FieldError[] = [];
  for (const key of VC_EVIDENCE_KEYS) {
    const label = VC_EVIDENCE_LABELS[key];
    payload.evidence[key].forEach((id) => {
      if (onCase.has(id)) return;
      problems.push({
        path: `evidence.${key}`,
        code: 'evidence_not_in_case',
        message: {
          'zh-CN': `${label['zh-CN']}的证明材料（${id}）不存在或不是本案件上传的材料，请在本案件中上传后再选择。`,
          en: `The evidence ${id} for ${label.en} does not exist or was not uploaded to this case; upload it to this case and choose it.`,
        },
      });
    });
  }
  return problems;
}

export interface ConversionEvidence {
  key: VcEvidenceKey;
  label: LocalizedText;
  documents: { id: string; name: string; createdAt: string }[];
}

/** The case record's evidence per condition: the documents the application (as last submitted) names for each. */
export function conversionEvidenceOf(
  procedure: string,
  data: Record<string, unknown>,
  documents: { id: string; name: string; createdAt: Date }[],
): ConversionEvidence[] | undefined {
  if (procedure !== 'village-conversion') return undefined;
  const evidence = (data.application as { evidence?: Partial<Record<VcEvidenceKey, string[]>> } | undefined)?.evidence;
  if (!evidence) return undefined;
  const byId = new Map(documents.map((d) => [d.id, d]));
  return VC_EVIDENCE_KEYS.map((key) => ({
    key,
    label: VC_EVIDENCE_LABELS[key],
    documents: (evidence[key] ?? [])
      .map((id) => byId.get(id))
      .filter((d): d is NonNullable<typeof d> => d !== undefined)
      .map((d) => ({ id: d.id, name: d.name, createdAt: d.createdAt.toISOString() })),
  }));
}
