import type { Official } from '../official';
import { completeStep, must, type CaseExpectation, type ChaosContext } from './steps';

/** 冒烟 smoke procedure: the township official starts a case and decides it (approve → COMPLETED, reject → REJECTED). */
export async function smokeOfficials(ctx: ChaosContext) {
  const township: Official = await ctx.signIn('township.official');
  return async (i: number): Promise<CaseExpectation> => {
    const started = await must<{ id: string }>(township, 'POST', '/api/v1/smoke-cases', { title: `可靠性 ${i}` }, [201]);
    const decision = i % 2 === 0 ? 'approve' : 'reject';
    await completeStep(ctx, township, started.id, 'smoke.confirm', { decision, comment: `脚本 ${i}` });
    return {
      procedure: 'smoke',
      caseId: started.id,
      status: decision === 'approve' ? 'COMPLETED' : 'REJECTED',
      tasks: { 'smoke.confirm': 1 },
    };
  };
}
