import { describe, expect, it } from '@jest/globals';
import { PROCEDURES, returnDecision, returnTargets, VILLAGE_CONVERSION } from '../domain/procedures';

/** 退回 as data of the procedure declaration (domain §1: any step may send the file back, each return recorded with reasons). */
describe('VC-RETURN: where a 村改居 step may send the file back', () => {
  const targets = (kind: string) => returnTargets(VILLAGE_CONVERSION, kind).map((s) => s.key);

  it('the township may return the application to the village committee only', () => {
    expect(targets('vc.township-review')).toEqual(['vc.prepare']);
  });
  it('the civil-affairs bureau may return it to the village committee or the township', () => {
    expect(targets('vc.civil-affairs-review')).toEqual(['vc.prepare', 'vc.township-review']);
  });
  it('the county may return it to the village committee, the township or the bureau', () => {
    expect(targets('vc.county-decision')).toEqual(['vc.prepare', 'vc.township-review', 'vc.civil-affairs-review']);
  });
  it('the village committee, the first step, returns nowhere; nothing returns forward or to itself', () => {
    expect(targets('vc.prepare')).toEqual([]);
    expect(returnDecision(VILLAGE_CONVERSION, { from: 'vc.township-review', to: 'vc.county-decision', reason: 'x' })).toBeNull();
    expect(returnDecision(VILLAGE_CONVERSION, { from: 'vc.township-review', to: 'vc.township-review', reason: 'x' })).toBeNull();
  });
  it('records a return as the rule decision VC-RETURN with its clause, the steps and the reason, in both languages', () => {
    const decision = returnDecision(VILLAGE_CONVERSION, { from: 'vc.county-decision', to: 'vc.prepare', reason: '材料不全' });
    expect(decision).toMatchObject({
      id: 'VC-RETURN',
      passed: true,
      values: { from: 'vc.county-decision', to: 'vc.prepare', reason: '材料不全' },
    });
    expect(decision!.citation).toContain('二(五)1');
    expect(decision!.detail['zh-CN']).toBe('“县级政府批准”环节退回至“村委会准备申请”环节：材料不全');
    expect(decision!.detail.en).toBe('The step “County decision” returned the file to “Village prepares”: 材料不全');
  });
  it('a procedure that declares no returns allows none', () => {
    for (const [id, procedure] of Object.entries(PROCEDURES)) {
      if (id === 'village-conversion') continue;
      for (const step of procedure.steps) expect(returnTargets(procedure, step.key)).toEqual([]);
    }
  });
});
