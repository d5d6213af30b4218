import { randomBytes } from 'node:crypto';
import { completeStep, must, openTask, retryDb, type CaseExpectation, type ChaosContext } from './steps';
import { DEMO_PASSWORD } from '../../scripts/demo-seed';
import { createOrganization } from '../../runtime/organizations';
import { createUser } from '../../api/services/users/create-user';
import {
  CONVERSION_APPLICATION as application,
  CONVERSION_EVIDENCE_KEYS,
  TINY_PDF_BASE64 as PDF,
} from '../../tests/support/fixtures';

/**
 * 村改居: the village committee applies with evidence, the township proposes (every fourth case returns it once first),
 * the civil-affairs bureau forwards, and the county approves (a new residents' committee and its first election) or refuses.
 */
export async function villageConversionOfficials(ctx: ChaosContext) {
  const [township, reviewer, approver] = await Promise.all(
    ['township.official', 'county.reviewer', 'county.approver'].map((u) => ctx.signIn(u)),
  );
  // A village converts once (one open or approved conversion per village): each case is a village of its own, beside
  // the demo village under the same township, with its own committee official.
  const demoVillage = await retryDb(() =>
    ctx.db.organization.findFirstOrThrow({
      where: { memberships: { some: { user: { username: 'village.official' } } } },
      select: { parentId: true },
    }),
  );
  async function villageOfficial(i: number) {
    const tag = `${i}-${randomBytes(3).toString('hex')}`;
    const username = `chaos.village.${tag}`;
    await retryDb(async () => {
      if (await ctx.db.user.findUnique({ where: { username } })) return;
      await ctx.db.$transaction(async (tx) => {
        const org = await createOrganization(tx, {
          code: `CHAOS-V-${tag}`,
          name: `可靠性村 ${tag}`,
          kind: 'VILLAGE',
          parentId: demoVillage.parentId,
        });
        await createUser(tx, {
          username,
          displayName: `可靠性村 ${tag} 村委会`,
          password: DEMO_PASSWORD,
          memberships: [{ organizationId: org.id, role: 'VILLAGE_COMMITTEE_OFFICIAL' }],
        });
      });
    });
    return ctx.signIn(username);
  }

  async function prepare(village: Awaited<ReturnType<typeof villageOfficial>>, caseId: string, i: number) {
    const taskId = await openTask(ctx, caseId, 'vc.prepare');
    const evidence: Record<string, string[]> = {};
    for (const key of CONVERSION_EVIDENCE_KEYS) {
      const doc = await must<{ id: string }>(
        village,
        'POST',
        `/api/v1/tasks/${taskId}/documents`,
        { filename: `${key}.pdf`, mimeType: 'application/pdf', contentBase64: PDF },
        [201],
      );
      evidence[key] = [doc.id];
    }
    await completeStep(ctx, village, caseId, 'vc.prepare', {
      application,
      noticePosting: `村务公开栏 ${i}`,
      restructuringRecord: `青石镇改制〔2026〕${i}号`,
      evidence,
      votesAgainst: 200,
      abstentions: 50,
    });
  }

  return async (i: number): Promise<CaseExpectation> => {
    const village = await villageOfficial(i);
    const started = await must<{ id: string }>(
      village,
      'POST',
      '/api/v1/village-conversions',
      { title: `可靠性村改居 ${i}` },
      [201],
    );
    const caseId = started.id;
    const returnOnce = i % 4 === 0;
    const approve = i % 2 === 0;
    await prepare(village, caseId, i);
    if (returnOnce) {
      await completeStep(ctx, township!, caseId, 'vc.township-review', { decision: 'return', opinion: `请补充材料 ${i}` });
      await prepare(village, caseId, i);
    }
    await completeStep(ctx, township!, caseId, 'vc.township-review', { decision: 'propose', opinion: `提出改设 ${i}` });
    await completeStep(ctx, reviewer!, caseId, 'vc.civil-affairs-review', { decision: 'forward', opinion: `材料齐全 ${i}` });
    await completeStep(
      ctx,
      approver!,
      caseId,
      'vc.county-decision',
      approve
        ? {
            decision: 'approve',
            documentNumber: `东政字〔2026〕${i}号`,
            decisionText: '同意设立社区居民委员会。',
            newCommittee: { name: `可靠性社区 ${i}-${randomBytes(3).toString('hex')}`, area: '原村域', households: 300 },
          }
        : { decision: 'refuse', documentNumber: `东政字〔2026〕${i}号`, decisionText: '暂不批准。' },
    );
    const rounds = returnOnce ? 2 : 1;
    return {
      procedure: 'village-conversion',
      caseId,
      status: approve ? 'COMPLETED' : 'REJECTED',
      tasks: { 'vc.prepare': rounds, 'vc.township-review': rounds, 'vc.civil-affairs-review': 1, 'vc.county-decision': 1 },
    };
  };
}
