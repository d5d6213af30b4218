import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { RULE_SETS } from '../../domain/rules/rule-sets';
import type { ElectionProcedureInput } from '../../workflows/election/messages';
import { settledUpdate } from '../../workflows/lib/messages';
import { texts, tr } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { completeElectionSetup, townshipAndCommunity } from '../support/elections';
import { TEST_PASSWORD } from '../support/factories';
import type { Harness } from '../support/harness';

describe('the case record names the rule set each decision was made under (2025 revision from 2026-01-01)', () => {
  let h: Harness;
  const { signedIn } = browserSuite({}, (started) => ({ h } = started));
  let username: string;
  let caseId: string;

  beforeAll(async () => {
    const { town, community, user, township } = await townshipAndCommunity(h);
    username = user.username;
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
    await completeElectionSetup(h, township, caseId);
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
