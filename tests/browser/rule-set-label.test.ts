import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, chinaDateOf } from '../../domain/clock';
import { RULE_SETS } from '../../domain/rules/rule-sets';
import type { ElectionProcedureInput } from '../../workflows/election/messages';
import { settledUpdate } from '../../workflows/lib/messages';
import { texts, tr } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { makeOrganization, makeUser, signIn as apiSignIn, TEST_PASSWORD } from '../support/factories';
import type { Harness } from '../support/harness';

describe('the case record names the rule set each decision was made under (2025 revision from 2026-01-01)', () => {
  let h: Harness;
  const { signedIn } = browserSuite({}, (started) => ({ h } = started));
  let username: string;
  let caseId: string;

  beforeAll(async () => {
    const county = await makeOrganization(h.db, 'COUNTY');
    const town = await makeOrganization(h.db, 'TOWNSHIP', county.id, '青石镇');
    const community = await makeOrganization(h.db, 'COMMUNITY', town.id, '柳树社区');
    username = (await makeUser(h.db, [{ organizationId: town.id, role: 'TOWNSHIP_OFFICIAL' }])).username;
    const township = await apiSignIn(h.api, username);
    caseId = randomUUID();
    const workflowId = `election-from-${randomUUID()}`;
    await h.db.case.create({
      data: {
        id: caseId,
        procedure: 'election',
        number: `ELC-2026-B${caseId.slice(0, 5)}`,
        title: '柳树社区 第一届居民委员会选举',
        organizationId: community.id,
        workflowId,
        ruleSetVersion: 'jumin-2025',
      },
    });
    const input: ElectionProcedureInput = {
      caseId,
      communityOrgId: community.id,
      townshipOrgId: town.id,
      law: 'residents-committee-law',
    };
    const handle = await h.temporal.workflow.start('electionProcedure', { workflowId, taskQueue: h.taskQueue, args: [input] });
    await handle.executeUpdate(settledUpdate);
    const setup = await h.db.task.findFirstOrThrow({ where: { caseId, kind: 'election.setup', status: 'OPEN' } });
    const payload = {
      electionDate: addDays(chinaDateOf(new Date()), 30),
      seats: 5,
      method: 'direct',
      committeeMembers: [{ name: '吴主任', position: 'chair' }],
    };
    expect(
      (await township.request({ method: 'POST', url: `/api/v1/tasks/${setup.id}/complete`, payload: { payload } })).statusCode,
    ).toBe(200);
  });

  it.each([1280, 390])('shows the rule set by name, not its id, on the case and on each decision at %i px', async (width) => {
    const name = RULE_SETS.find((s) => s.id === 'jumin-2025')!.name['zh-CN'];
    const page = await signedIn(username, `/cases/${caseId}`, width, 900, TEST_PASSWORD);
    await page.getByText(name, { exact: true }).first().waitFor();
    // Each decision's citation is followed by the set it was decided under.
    await page.getByText(tr(texts.cases.rules.ruleSet, { name }), { exact: false }).first().waitFor();
    await page.getByText('2025年修订，条次待核；2018年修正文本第七条', { exact: false }).first().waitFor();
    expect(await page.getByText('jumin-2025', { exact: true }).count()).toBe(0);
    await page.context().close();
  });
});
