import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Db, DbTx } from '../runtime/db';
import { runningElectionOf, secondElectionRefusal } from '../runtime/running-election';
import { appendAudit } from '../runtime/audit';
import { createOrganization } from '../runtime/organizations';
import { openCase } from '../runtime/open-case';
import { launchWorkflow, pendingStartOf } from '../runtime/pending-starts';
import { PROCEDURES } from '../domain/procedures';
import { residentsCommitteeCode } from '../domain/organizations';
import type { LocalizedText } from '../domain/localized-text';
import type { ElectionLaw } from '../domain/rules/election';
import type { ElectionProcedureInput } from '../workflows/election/messages';
import { chinaDayOf } from '../domain/china-time';
import { issueOfficialDocument } from '../runtime/official-documents/issue';
import { organNameOf } from '../runtime/official-documents/demo-signers';
import type { AppendixDecision, AppendixOpinion } from '../runtime/official-documents/gongwen';
import { opinionOf } from '../domain/task-opinion';

export interface CreateResidentsCommitteeInput {
  caseId: string;
  villageOrgId: string;
  townshipOrgId: string;
  name: string;
  area: string;
  households: number;
}

export interface StartFirstElectionInput {
  conversionCaseId: string;
  communityOrgId: string;
  townshipOrgId: string;
  law: string;
}

/** The first election's start: started (its case), or refused because the community already has one running. */
export type FirstElectionStart =
  | { started: true; caseId: string; number: string }
  | { started: false; running: { caseId: string; number: string | null }; message: LocalizedText };

/** Marks the village converted and links it to its residents' committee (with the approving case), audited. */
async function markConverted(tx: DbTx, input: CreateResidentsCommitteeInput, committeeOrgId: string): Promise<void> {
  await tx.organization.update({
    where: { id: input.villageOrgId },
    data: { convertedAt: new Date(), residentsCommitteeId: committeeOrgId, conversionCaseId: input.caseId },
  });
  await appendAudit(tx, {
    action: 'organization.converted',
    targetType: 'organization',
    targetId: input.villageOrgId,
    caseId: input.caseId,
    outcome: 'success',
    reason: 'village-conversion approved',
    data: { residentsCommitteeOrgId: committeeOrgId },
  });
}

export interface IssueConversionDecisionInput {
  caseId: string;
  countyOrgId: string;
}

interface DecisionRecord {
  decision: 'approve' | 'refuse';
  decisionText: string;
  newCommittee?: { name: string; area: string; households: number };
  decidedAt: string;
}

/** The rule decisions of a case, for a document's appendix (zh-CN). */
async function appendixOf(db: Db, caseId: string): Promise<AppendixDecision[]> {
  const rows = await db.ruleDecision.findMany({ where: { caseId }, orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }] });
  return rows.map((r) => ({
    ruleId: r.ruleId,
    citation: r.citation,
    passed: r.passed,
    undetermined: r.undetermined,
    detail: (r.detail as { 'zh-CN'?: string } | null)?.['zh-CN'] ?? '',
    values: (r.values ?? {}) as Record<string, unknown>,
  }));
}

/** Every step's 办理意见 of the case, oldest first, for the appendix of its 批复 (the steps the file went through). */
async function opinionsOf(db: Db, caseId: string): Promise<AppendixOpinion[]> {
  const tasks = await db.task.findMany({
    where: { caseId, status: 'COMPLETED' },
    orderBy: [{ completedAt: 'asc' }, { id: 'asc' }],
    select: { kind: true, result: true, completedAt: true, completedById: true, candidateOrg: { select: { name: true } } },
  });
  const people = await db.user.findMany({
    where: { id: { in: tasks.flatMap((t) => (t.completedById ? [t.completedById] : [])) } },
    select: { id: true, displayName: true },
  });
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  const steps: readonly { key: string; name: LocalizedText }[] = PROCEDURES['village-conversion'].steps;
  return tasks.flatMap((t) => {
    const opinion = opinionOf(t.result);
    if (!opinion || !t.completedAt) return [];
    return [
      {
        step: steps.find((s) => s.key === t.kind)?.name['zh-CN'] ?? t.kind,
        organization: t.candidateOrg.name,
        person: (t.completedById && names.get(t.completedById)) || '—',
        dated: chinaDayOf(t.completedAt),
        opinion,
      },
    ];
  });
}

export function createVillageConversionActivities({
  db,
  temporal,
  taskQueue,
}: {
  db: Db;
  temporal?: Client;
  taskQueue?: string;
}) {
  return {
    /**
     * VC-APPROVE's written decision (批复) as a 公文 of the county government, addressed to the township that
     * proposed, numbered, signed and sealed (runtime/official-documents). Once per case: a retry returns it.
     */
    async issueConversionDecision(input: IssueConversionDecisionInput): Promise<{ number: string; verifyCode: string }> {
      const row = await db.case.findUniqueOrThrow({ where: { id: input.caseId }, include: { organization: true } });
      const decision = (row.data as { decision?: DecisionRecord }).decision;
      if (!decision) throw new Error(`case ${input.caseId} has no county decision to issue`);
      const village = row.organization;
      const [county, township, bureau] = await Promise.all([
        db.organization.findUniqueOrThrow({ where: { id: input.countyOrgId } }),
        village.parentId ? db.organization.findUnique({ where: { id: village.parentId } }) : null,
        db.organization.findFirst({ where: { parentId: input.countyOrgId, kind: 'CIVIL_AFFAIRS_BUREAU' } }),
      ]);
      const organName = organNameOf(county);
      const addressee = township ? organNameOf(township) : village.name;
      const approved = decision.decision === 'approve';
      const committee = decision.newCommittee;
      const paragraphs = [
        `${township?.kind === 'SUBDISTRICT' ? '你办' : '你镇'}《关于${village.name}村民委员会改设社区居民委员会的请示》收悉。经研究，批复如下：`,
        approved
          ? `一、同意${village.name}村民委员会改设为${committee?.name ?? '社区居民委员会'}。`
          : `一、不同意${village.name}村民委员会改设社区居民委员会。`,
        ...(approved && committee ? [`二、${committee.name}的区域为${committee.area}，共${committee.households}户。`] : []),
        // The legal basis (VC-APPROVE: 村民委员会组织法第三条) is in the appendix with every rule decision.
        `${approved && committee ? '三' : '二'}、${decision.decisionText}此复。`,
      ];
      const issued = await issueOfficialDocument({
        db,
        kind: 'vc-decision',
        caseId: input.caseId,
        organizationId: county.id,
        organName,
        draft: {
          title: `${organName}关于${village.name}村民委员会改设社区居民委员会的批复`,
          addressee,
          paragraphs,
          // 成文日期: the China date of the decision (01:00 Beijing time is still the UTC day before).
          dated: chinaDayOf(decision.decidedAt),
          copiesTo: [...(bureau ? [bureau.name] : []), `${village.name}村民委员会`],
          printedBy: `${organName}办公室`,
          printedOn: chinaDayOf(new Date()),
          decisions: await appendixOf(db, input.caseId),
          opinions: await opinionsOf(db, input.caseId),
        },
      });
      // The case record and the village's notice show the 发文字号 the document carries (what the county typed, if it
      // differs, is kept as enteredDocumentNumber). Idempotent: a retry writes the same.
      await db.$executeRaw`
        UPDATE "case" SET data = jsonb_set(
          jsonb_set(data, '{decision,enteredDocumentNumber}', COALESCE(data #> '{decision,enteredDocumentNumber}', data #> '{decision,documentNumber}', 'null'::jsonb)),
          '{decision,documentNumber}', to_jsonb(${issued.number}::text))
        WHERE id = ${input.caseId}::uuid`;
      return { number: issued.number, verifyCode: issued.verifyCode };
    },

    /** Sets up the residents' committee approved by a conversion, under the same township; idempotent by code. */
    async createResidentsCommittee(input: CreateResidentsCommitteeInput): Promise<string> {
      const village = await db.organization.findUniqueOrThrow({ where: { id: input.villageOrgId } });
      const code = residentsCommitteeCode(village.code);
      const existing = await db.organization.findUnique({ where: { code }, select: { id: true } });
      if (existing) {
        if (!village.residentsCommitteeId) await db.$transaction((tx) => markConverted(tx, input, existing.id));
        return existing.id;
      }
      return db.$transaction(async (tx) => {
        const org = await createOrganization(tx, { code, name: input.name, kind: 'COMMUNITY', parentId: input.townshipOrgId });
        await markConverted(tx, input, org.id);
        await appendAudit(tx, {
          action: 'organization.created',
          targetType: 'organization',
          targetId: org.id,
          caseId: input.caseId,
          outcome: 'success',
          reason: 'village-conversion approved',
          data: { code, name: input.name, area: input.area, households: input.households, fromVillage: input.villageOrgId },
        });
        return org.id;
      });
    },

    /**
     * Opens the new community's first election as a case of its own, the way every case is opened (`openCase`: its
     * outbox row, the workflow id of its case, the rule set in force that day), and starts its workflow. The case id
     * is derived from the conversion case, so a retry opens nothing twice.
     */
    async startFirstElection(input: StartFirstElectionInput): Promise<FirstElectionStart> {
      if (!temporal || !taskQueue) throw new Error('startFirstElection needs a Temporal client');
      const caseId = firstElectionCaseId(input.conversionCaseId);
      const origin = { procedure: 'village-conversion', caseId: input.conversionCaseId };
      const workflowArgs = (id: string): [ElectionProcedureInput] => [
        {
          caseId: id,
          communityOrgId: input.communityOrgId,
          townshipOrgId: input.townshipOrgId,
          law: input.law as ElectionLaw,
          origin,
        },
      ];
      const existing = await db.case.findFirst({
        where: { OR: [{ id: caseId }, { workflowId: legacyFirstElectionWorkflowId(input.conversionCaseId) }] },
        select: { id: true, number: true, workflowId: true },
      });
      if (existing) {
        // A retry: finish the start the first attempt left (its outbox row; a case opened before `openCase` had none).
        const start =
          (await pendingStartOf(db, existing.id)) ??
          (existing.workflowId === legacyFirstElectionWorkflowId(input.conversionCaseId)
            ? {
                caseId: existing.id,
                workflowType: PROCEDURES.election.workflowType,
                workflowId: existing.workflowId,
                taskQueue,
                args: workflowArgs(existing.id),
              }
            : null);
        if (start) await launchWorkflow(db, temporal, start);
        return { started: true, caseId: existing.id, number: existing.number };
      }
      // One running election per community, the same rule as the township's manual start: a second is not started.
      const running = await runningElectionOf(db, input.communityOrgId);
      if (running) {
        const refusal = secondElectionRefusal(running);
        await db.$transaction((tx) =>
          appendAudit(tx, {
            action: 'election.start',
            targetType: 'organization',
            targetId: input.communityOrgId,
            caseId: input.conversionCaseId,
            outcome: 'refused',
            reason: 'election-under-way',
            data: { runningElectionId: running.id, runningCaseNumber: running.number },
          }),
        );
        return { started: false, running: { caseId: running.id, number: running.number }, message: refusal.localized };
      }
      const community = await db.organization.findUniqueOrThrow({
        where: { id: input.communityOrgId },
        select: { name: true },
      });
      const { created, start } = await openCase({
        db,
        procedure: 'election',
        caseId,
        organizationId: input.communityOrgId,
        title: `${community.name} 第一届居民委员会选举`,
        // The rule set: the election's in force on the day it starts, as for a manual start (openCase's default).
        taskQueue,
        data: { origin, law: input.law },
        workflowArgs,
        audit: { reason: 'first election after village conversion', data: { conversionCaseId: input.conversionCaseId } },
      });
      await launchWorkflow(db, temporal, start);
      return { started: true, caseId: created.id, number: created.number };
    },
  };
}

/** The first election's case id, derived from the conversion case (name-based: SHA-1, laid out as a version-5 UUID). */
export function firstElectionCaseId(conversionCaseId: string): string {
  const hash = createHash('sha1').update(FIRST_ELECTION_NAMESPACE).update(conversionCaseId).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Fixed bytes that keep these derived ids apart from any other name-based id. */
const FIRST_ELECTION_NAMESPACE = 'first-election-after-village-conversion:';

/** The workflow id first elections had before they were opened through `openCase` (cases opened then keep it). */
function legacyFirstElectionWorkflowId(conversionCaseId: string): string {
  return `election-from-${conversionCaseId}`;
}
