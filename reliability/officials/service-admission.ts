import { addYears, chinaDateOf } from '../../domain/clock';
import { completeStep, must, retryDb, type CaseExpectation, type ChaosContext } from './steps';

/**
 * 社区工作事项准入: the county housing bureau applies for an admissible item, civil affairs forwards it, and the
 * county admits it (listed; the case stays open until its period ends) or refuses it (REJECTED).
 */
export async function serviceAdmissionOfficials(ctx: ChaosContext) {
  const [applicant, reviewer, approver] = await Promise.all(
    ['dept.applicant', 'county.reviewer', 'county.approver'].map((u) => ctx.signIn(u)),
  );
  const community = await retryDb(() =>
    ctx.db.organization.findUniqueOrThrow({ where: { code: 'DEMO-370101002001' }, select: { id: true } }),
  );
  const today = chinaDateOf(new Date());

  return async (i: number): Promise<CaseExpectation> => {
    const started = await must<{ id: string }>(
      applicant!,
      'POST',
      '/api/v1/service-items',
      {
        itemName: `可靠性事项 ${i}`,
        legalBasis: '《城镇燃气管理条例》第四十一条',
        classification: 'assist',
        workloadEstimate: '每季度一次，约 16 小时',
        fundingAmount: 12000,
        fundingPayer: '县住房和城乡建设局',
        authorityTransferred: false,
        authorityDescription: null,
        workingConditions: '提供宣传资料',
        period: { from: today, until: addYears(today, 1) },
        communityIds: [community.id],
      },
      [201],
    );
    const admit = i % 2 === 0;
    await completeStep(ctx, reviewer!, started.id, 'sa.review', { decision: 'forward', opinion: `同意提交 ${i}` });
    await completeStep(
      ctx,
      approver!,
      started.id,
      'sa.decide',
      admit
        ? { decision: 'admit', reasons: `研究同意 ${i}`, meetingReference: '2026年第1次会议' }
        : { decision: 'refuse', reasons: `暂不准入 ${i}` },
    );
    return {
      procedure: 'service-admission',
      caseId: started.id,
      status: admit ? 'OPEN' : 'REJECTED',
      ...(admit ? { data: { stage: 'listed' } } : {}),
      tasks: { 'sa.review': 1, 'sa.decide': 1 },
    };
  };
}
