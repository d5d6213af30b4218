import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chinaDateOf } from '../domain/clock';
import { EL_RULES } from '../domain/rules/election';
import { ruleSetInForce, underRuleSet } from '../domain/rules/rule-sets';
import type { ElectionProcedureInput } from '../workflows/election/messages';
import { settledUpdate } from '../workflows/lib/messages';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, type Session } from './support/factories';
import { completeElectionSetup, townshipAndCommunity } from './support/elections';

interface PublicRule {
  id: string;
  citation: string;
  detail: string;
  ruleSet?: string;
}
interface CheckBody {
  ruleSet: { id: string; effectiveFrom: string; textVerified: boolean };
  rules: PublicRule[];
}

describe('rule sets by date (居组法 2018 amendment; 2025 revision in force 2026-01-01)', () => {
  it('uses the rule set in force on the reference date: 2018 until 2025-12-31, the 2025 revision from 2026-01-01', () => {
    expect(ruleSetInForce('2025-10-28').id).toBe('jumin-2018');
    expect(ruleSetInForce('2025-12-31').id).toBe('jumin-2018');
    expect(ruleSetInForce('2026-01-01')).toMatchObject({ id: 'jumin-2025', adoptedOn: '2025-10-28', textVerified: false });
    const size = {
      id: 'EL-SIZE',
      passed: true,
      citation: EL_RULES['EL-SIZE'].citation,
      detail: { 'zh-CN': '应选 5 名', en: '5 seats' },
      values: {},
    };
    expect(underRuleSet(size, ruleSetInForce('2025-12-31'))).toMatchObject({
      ruleSet: 'jumin-2018',
      citation: EL_RULES['EL-SIZE'].citation,
    });
    const revised = underRuleSet(size, ruleSetInForce('2026-01-01'));
    expect(revised.ruleSet).toBe('jumin-2025');
    expect(revised.citation).toContain('《中华人民共和国城市居民委员会组织法》（2025年修订，条次待核；2018年修正文本第七条）');
    expect(revised.detail['zh-CN']).toContain('尚待核实，暂沿用2018年规则');
    // A rule citing only policy is the same under both sets, but still names the set it was checked under.
    const home = {
      id: 'EL-HOME',
      passed: true,
      citation: EL_RULES['EL-HOME'].citation,
      detail: { 'zh-CN': '有', en: 'yes' },
      values: {},
    };
    expect(underRuleSet(home, ruleSetInForce('2026-01-01'))).toEqual({ ...home, ruleSet: 'jumin-2025' });
  });

  describe('with PostgreSQL and Temporal', () => {
    let h: Harness;
    let township: Session;
    let townshipId: string;
    let communityId: string;

    beforeAll(async () => {
      h = await startHarness();
      const place = await townshipAndCommunity(h);
      ({ township } = place);
      townshipId = place.town.id;
      communityId = place.community.id;
    });
    afterAll(async () => h?.close());

    const post = (path: string, payload: object) =>
      h.api.inject({ method: 'POST', url: `/api/v1/elections/${path}`, payload, remoteAddress: '10.7.0.1' });
    const facts = {
      birthDate: '1990-05-01',
      residenceSince: '2024-01-01',
      hasLegalFixedResidence: true,
      politicalRightsDeprived: false,
      appliedInPerson: true,
      registeredElsewhere: false,
    };

    it('public checks name the rule set in force on election day and cite the 2018 law only before 2026', async () => {
      const beforeRes = await post('eligibility-check', { ...facts, electionDate: '2025-12-20' });
      const before = beforeRes.json<CheckBody>();
      expect(before.ruleSet).toMatchObject({ id: 'jumin-2018', effectiveFrom: '2018-12-29', textVerified: true });
      expect(before.rules.every((r) => r.ruleSet === 'jumin-2018')).toBe(true);
      expect(before.rules.find((r) => r.id === 'EL-AGE')!.citation).toContain(
        '《中华人民共和国城市居民委员会组织法》（2018年修正）第八条',
      );

      const after = (await post('eligibility-check', { ...facts, electionDate: '2026-03-20' })).json<CheckBody>();
      expect(after.ruleSet).toMatchObject({ id: 'jumin-2025', effectiveFrom: '2026-01-01', textVerified: false });
      const age = after.rules.find((r) => r.id === 'EL-AGE')!;
      expect(age).toMatchObject({ ruleSet: 'jumin-2025' });
      expect(age.citation).not.toContain('2018年修正）第八条；');
      expect(age.citation).toContain('2025年修订');
      expect(age.detail).toContain('2025年修订文本');

      const timeline = (
        await post('timeline-check', { electionDate: '2026-03-20', listPublishedDate: '2026-02-27' })
      ).json<CheckBody>();
      expect(timeline.ruleSet.id).toBe('jumin-2025');
      // EL-LIST's 20 days are known to be in the 2025 text: it says so instead of "unverified".
      expect(timeline.rules.find((r) => r.id === 'EL-LIST')!.detail).toContain('2025年修订文本有同样规定');
      const result = (
        await post('result-check', {
          electionDate: '2025-11-30',
          registeredVoters: 10,
          votesCast: 8,
          seats: 1,
          round: 'first',
          candidates: [
            { name: '张三', votes: 5 },
            { name: '李四', votes: 3 },
          ],
        })
      ).json<CheckBody>();
      expect(result.ruleSet.id).toBe('jumin-2018');
      // The admission check has no date of its own: the set in force today (China), named in the answer.
      const admission = await h.api.inject({
        method: 'POST',
        url: '/api/v1/service-items/admission-check',
        payload: {
          classification: 'assist',
          fundingAmount: 5000,
          fundingPayer: '县民政局',
          authorityTransferred: false,
          workingConditions: '办公电脑一台',
        },
        remoteAddress: '10.7.0.2',
      });
      expect(admission.json<CheckBody>().ruleSet.id).toBe(ruleSetInForce(chinaDateOf(new Date())).id);
    });

    it('an election started today keeps the rule set in force today, recorded on the case and in its audited opening', async () => {
      const fresh = await makeOrganization(h.db, 'COMMUNITY', townshipId, '新河社区');
      const res = await township.request({
        method: 'POST',
        url: '/api/v1/elections',
        payload: { communityOrgId: fresh.id, restructuringComplete: true },
      });
      expect(res.statusCode).toBe(201);
      const caseId = res.json<{ id: string }>().id;
      const inForce = ruleSetInForce(chinaDateOf(new Date())).id;
      expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).ruleSetVersion).toBe(inForce);
      const opened = await h.db.auditEvent.findFirstOrThrow({ where: { caseId, action: 'case.opened' } });
      expect(opened.data).toMatchObject({ ruleSet: inForce });
    });

    it.each([
      ['jumin-2018', '（2018年修正）第七条'],
      ['jumin-2025', '（2025年修订，条次待核；2018年修正文本第七条）'],
    ])('records the case’s rule set (%s) on each decision and shows it on the case record', async (ruleSet, citation) => {
      const caseId = randomUUID();
      const workflowId = `election-from-${randomUUID()}`;
      await h.db.case.create({
        data: {
          id: caseId,
          procedure: 'election',
          number: `ELC-2026-R${caseId.slice(0, 5)}`,
          title: '柳树社区 第一届居民委员会选举',
          organizationId: communityId,
          workflowId,
          ruleSetVersion: ruleSet,
        },
      });
      const input: ElectionProcedureInput = {
        caseId,
        communityOrgId: communityId,
        townshipOrgId: townshipId,
        law: 'residents-committee-law',
        origin: { procedure: 'village-conversion', caseId: randomUUID() },
      };
      const handle = await h.temporal.workflow.start('electionProcedure', { workflowId, taskQueue: h.taskQueue, args: [input] });
      await handle.executeUpdate(settledUpdate);
      await completeElectionSetup(h, township, caseId);

      const decisions = await h.db.ruleDecision.findMany({ where: { caseId } });
      expect(decisions.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['EL-LAW', 'EL-SIZE']));
      expect(decisions.every((d) => d.ruleSet === ruleSet)).toBe(true);
      expect(decisions.find((d) => d.ruleId === 'EL-SIZE')!.citation).toContain(citation);

      const record = (await township.request({ method: 'GET', url: `/api/v1/cases/${caseId}` })).json<{
        case: { ruleSetVersion: string; ruleSetName: { 'zh-CN': string } };
        ruleDecisions: { ruleId: string; ruleSet: string | null; ruleSetName: { 'zh-CN': string } | null }[];
      }>();
      expect(record.case.ruleSetVersion).toBe(ruleSet);
      expect(record.case.ruleSetName['zh-CN']).toContain(ruleSet === 'jumin-2018' ? '2018年修正' : '2025年修订');
      expect(record.ruleDecisions.find((d) => d.ruleId === 'EL-SIZE')).toMatchObject({
        ruleSet,
        ruleSetName: record.case.ruleSetName,
      });
    });
  });
});
