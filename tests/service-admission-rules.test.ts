import { describe, expect, it } from '@jest/globals';
import { admissionPeriod, saReviseForm, serviceItemApplication } from '../domain/forms/service-admission';
import {
  admissionFacts,
  checkAssist,
  checkEntrust,
  checkOwnDuty,
  evaluateAdmission,
  fundingGiven,
  type AdmissionFacts,
} from '../domain/rules/service-admission';
import { fieldErrorsFromZod } from '../domain/validation';

const assist: AdmissionFacts = {
  classification: 'assist',
  fundingAmount: 12000,
  fundingPayer: '县住建局',
  authorityTransferred: false,
  workingConditions: '提供宣传资料',
};
const entrusted: AdmissionFacts = { ...assist, classification: 'entrusted', authorityTransferred: true };

describe('service-admission rules (鲁办发〔2012〕22号 三(一), 二(三)2)', () => {
  it('refuses an own-duty item whatever funding is offered, citing 三(一), and checks nothing else (SA-OWN-DUTY)', () => {
    const check = evaluateAdmission({ ...entrusted, classification: 'own-duty' });
    expect(check.admissible).toBe(false);
    expect(check.rules.map((r) => r.id)).toEqual(['SA-OWN-DUTY']);
    expect(check.rules[0]).toMatchObject({ passed: false, citation: expect.stringContaining('三(一)') as unknown });
    expect(check.rules[0]!.detail['zh-CN']).toContain('不得转嫁');
  });

  it('admits an assisted item with funding above zero, a named payer and working conditions (SA-ASSIST)', () => {
    const check = evaluateAdmission(assist);
    expect(check.admissible).toBe(true);
    expect(check.rules.map((r) => [r.id, r.passed])).toEqual([
      ['SA-OWN-DUTY', true],
      ['SA-ASSIST', true],
    ]);
    expect(checkAssist(assist).citation).toContain('二(三)2');
  });

  it('treats one fen as funding and zero yuan as no funding (exact amounts in fen)', () => {
    expect(checkAssist({ ...assist, fundingAmount: 0.01 }).passed).toBe(true);
    expect(checkAssist({ ...assist, fundingAmount: 0 }).passed).toBe(false);
    expect(checkAssist({ ...assist, fundingAmount: null }).passed).toBe(false);
    expect(fundingGiven(0.1 + 0.2)).toBe(false); // 0.30000000000000004 is not an amount in fen
  });

  it('holds an assisted item without a payer or working conditions, naming what is missing', () => {
    const held = checkAssist({ ...assist, fundingPayer: '  ', workingConditions: null });
    expect(held.passed).toBe(false);
    expect(held.values.missing).toBe('fundingPayer,workingConditions');
    expect(held.detail['zh-CN']).toContain('经费承担方');
    expect(held.detail['zh-CN']).toContain('工作条件');
  });

  it('does not need the authority transferred for an assisted item', () => {
    expect(checkAssist({ ...assist, authorityTransferred: false }).passed).toBe(true);
  });

  it('holds an entrusted item until the authority is transferred, whatever the funding (权随责走, SA-ENTRUST)', () => {
    const held = checkEntrust({ ...entrusted, authorityTransferred: false });
    expect(held.passed).toBe(false);
    expect(held.values.missing).toBe('authorityTransferred');
    expect(held.citation).toContain('第三十七条');
    expect(checkEntrust(entrusted).passed).toBe(true);
  });

  it('does not ask an entrusted item for working conditions: they belong to assisted items (SA-ENTRUST, 二(三)2)', () => {
    const check = evaluateAdmission({ ...entrusted, workingConditions: null });
    expect(check.admissible).toBe(true);
    expect(check.rules[1]).toMatchObject({ id: 'SA-ENTRUST', passed: true, values: { missing: null } });
    expect(checkAssist({ ...assist, workingConditions: '  ' }).values.missing).toBe('workingConditions');
  });

  it('holds an entrusted item without the amount and payer named (费随事转; 村组法 Art. 37: the entrusting department pays)', () => {
    expect(checkEntrust({ ...entrusted, fundingAmount: null }).values.missing).toBe('fundingAmount');
    expect(checkEntrust({ ...entrusted, fundingPayer: null }).values.missing).toBe('fundingPayer');
  });

  it('passes SA-OWN-DUTY for assisted and entrusted items', () => {
    expect(checkOwnDuty(assist).passed).toBe(true);
    expect(checkOwnDuty(entrusted).passed).toBe(true);
  });
});

describe('service-admission input schemas', () => {
  it('rejects a negative amount, more than two decimals, an unknown class and unknown keys as input errors', () => {
    const parsed = admissionFacts.safeParse(
      {
        classification: 'other',
        fundingAmount: 1.005,
        fundingPayer: null,
        authorityTransferred: 'yes',
        workingConditions: null,
        extra: 1,
      },
      { reportInput: true },
    );
    expect(parsed.success).toBe(false);
    const paths = fieldErrorsFromZod(parsed.error!.issues)
      .map((f) => f.path)
      .sort();
    expect(paths).toEqual(['authorityTransferred', 'classification', 'extra', 'fundingAmount']);
    expect(admissionFacts.safeParse({ ...assist, fundingAmount: -1 }).success).toBe(false);
  });

  it('requires every key of the check (null where nothing is given)', () => {
    const parsed = admissionFacts.safeParse({ classification: 'assist' });
    expect(parsed.success).toBe(false);
    expect(
      fieldErrorsFromZod(parsed.error!.issues)
        .map((f) => f.path)
        .sort(),
    ).toEqual(['authorityTransferred', 'fundingAmount', 'fundingPayer', 'workingConditions']);
  });

  it('accepts a one-day period and refuses one that ends before it starts', () => {
    expect(admissionPeriod.safeParse({ from: '2026-05-01', until: '2026-05-01' }).success).toBe(true);
    const bad = admissionPeriod.safeParse({ from: '2026-05-02', until: '2026-05-01' });
    expect(bad.success).toBe(false);
    expect(fieldErrorsFromZod(bad.error!.issues)[0]).toMatchObject({
      path: 'until',
      message: { 'zh-CN': '截止日期不能早于开始日期' },
    });
    expect(admissionPeriod.safeParse({ from: '2026-02-30', until: '2026-03-01' }).success).toBe(false);
  });

  it('refuses an application naming a community twice', () => {
    const application = {
      itemName: '燃气安全宣传',
      legalBasis: '《城镇燃气管理条例》',
      classification: 'assist',
      workloadEstimate: '每季度 16 小时',
      fundingAmount: 100,
      fundingPayer: '县住建局',
      authorityTransferred: false,
      workingConditions: '资料',
      period: { from: '2026-01-01', until: '2026-12-31' },
      communityIds: ['7b0c2f1e-8a6d-4f59-9a42-0d7e3d1c9b11', '7b0c2f1e-8a6d-4f59-9a42-0d7e3d1c9b11'],
    };
    const parsed = serviceItemApplication.safeParse(application);
    expect(parsed.success).toBe(false);
    expect(fieldErrorsFromZod(parsed.error!.issues).map((f) => f.path)).toEqual(['communityIds']);
  });

  it('lets the department withdraw only with a reason', () => {
    expect(saReviseForm.safeParse({ action: 'withdraw', reason: '' }).success).toBe(false);
    expect(saReviseForm.safeParse({ action: 'withdraw', reason: '已由部门自行办理' }).success).toBe(true);
  });
});
