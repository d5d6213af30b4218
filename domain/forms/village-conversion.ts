import { z } from 'zod';
import { conversionConditions } from '../rules/village-conversion';
import { bilingualIssue } from '../validation';
import type { LocalizedText } from '../localized-text';

/** The evidence keys of the application: the four conditions and the villagers' assembly record. */
export const VC_EVIDENCE_KEYS = ['VC-C1', 'VC-C2', 'VC-C3', 'VC-C4', 'assembly'] as const;
export type VcEvidenceKey = (typeof VC_EVIDENCE_KEYS)[number];

/** How a piece of evidence is named in messages (the condition's number and its text). */
export const VC_EVIDENCE_LABELS: Record<VcEvidenceKey, LocalizedText> = {
  'VC-C1': {
    'zh-CN': '条件 VC-C1（村域位于城镇建设用地范围内）',
    en: 'condition VC-C1 (inside the urban construction-land boundary)',
  },
  'VC-C2': {
    'zh-CN': '条件 VC-C2（耕地不能满足村民基本生活需要）',
    en: 'condition VC-C2 (farmland no longer meets basic needs)',
  },
  'VC-C3': {
    'zh-CN': '条件 VC-C3（三分之二以上劳动力从事非农产业）',
    en: 'condition VC-C3 (two thirds of the labour force outside farming)',
  },
  'VC-C4': {
    'zh-CN': '条件 VC-C4（集体资产处置、改制完成）',
    en: 'condition VC-C4 (collective assets settled, restructuring complete)',
  },
  assembly: { 'zh-CN': '村民会议记录', en: 'the villagers’ assembly record' },
};

/** At least one document per condition (each must be uploaded to this case: checked against the record by the API). */
const documentIds = (key: VcEvidenceKey) =>
  z
    .array(z.string().uuid())
    .max(50)
    .superRefine((ids, ctx) => {
      if (ids.length === 0) {
        const label = VC_EVIDENCE_LABELS[key];
        ctx.addIssue(
          bilingualIssue(
            [],
            'evidence_required',
            `${label['zh-CN']}须至少上传一份证明材料`,
            `Upload at least one document as evidence for ${label.en}`,
          ),
        );
      }
    });
const text = (max: number) => z.string().trim().min(1).max(max);

/** The village's application: the four conditions with evidence, and the villagers' assembly record. */
export const vcPrepareForm = z
  .object({
    application: conversionConditions,
    /** How the assembly notice was posted (place, manner). */
    noticePosting: text(500),
    /** Reference of the restructuring completion record (VC-C4). */
    restructuringRecord: text(200),
    evidence: z
      .object({
        'VC-C1': documentIds('VC-C1'),
        'VC-C2': documentIds('VC-C2'),
        'VC-C3': documentIds('VC-C3'),
        'VC-C4': documentIds('VC-C4'),
        assembly: documentIds('assembly'),
      })
      .strict(),
    votesAgainst: z.number().int().min(0),
    abstentions: z.number().int().min(0),
  })
  .strict();

export const vcTownshipReviewForm = z.object({ decision: z.enum(['propose', 'return']), opinion: text(2000) }).strict();

export const vcCivilAffairsReviewForm = z.object({ decision: z.enum(['forward', 'return']), opinion: text(2000) }).strict();

/**
 * The county government's written decision (批复): approve or refuse with the document number and text, or return the
 * file to the township for more evidence with an opinion (the township supplements it and proposes again).
 */
export const vcCountyDecisionForm = z
  .object({
    decision: z.enum(['approve', 'refuse', 'return']),
    documentNumber: text(100).optional(),
    decisionText: text(5000).optional(),
    /** Why the file goes back and what is missing (a return only). */
    opinion: text(2000).optional(),
    newCommittee: z
      .object({ name: text(100), area: text(500), households: z.number().int().min(1).max(1_000_000) })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'return') {
      if (!v.opinion)
        ctx.addIssue(
          bilingualIssue(
            ['opinion'],
            'required',
            '退回时须写明退回意见（需补充的材料）',
            'A return states its opinion (what must be supplemented)',
          ),
        );
      return;
    }
    if (!v.documentNumber)
      ctx.addIssue(
        bilingualIssue(['documentNumber'], 'required', '批复须有文号', 'The written decision needs its document number'),
      );
    if (!v.decisionText)
      ctx.addIssue(bilingualIssue(['decisionText'], 'required', '批复须有正文', 'The written decision needs its text'));
    if (v.decision === 'approve' && !v.newCommittee) {
      ctx.addIssue(
        bilingualIssue(
          ['newCommittee'],
          'required',
          '批准时须登记新设居民委员会的名称、区域和户数',
          'Approval records the new residents’ committee (name, area, households)',
        ),
      );
    }
  });

export type VcPrepareForm = z.infer<typeof vcPrepareForm>;

/** The task forms of this procedure by form id (domain/forms/index.ts `FORMS`; loaded alone by `loadFormSchema`). */
export const VILLAGE_CONVERSION_FORMS = {
  'vc.prepare': vcPrepareForm,
  'vc.township-review': vcTownshipReviewForm,
  'vc.civil-affairs-review': vcCivilAffairsReviewForm,
  'vc.county-decision': vcCountyDecisionForm,
} as const;
