import type { RuleResult } from './rule';

/**
 * EL-LAW (山东实施办法 Art. 46; 鲁办发〔2012〕22号 二(五)1): a community whose collective assets are not yet
 * restructured elects under the Villagers' Committee law; once restructured, under the Residents' Committee law.
 */
export function lawForCommunity(input: { restructuringComplete: boolean }): RuleResult {
  const law = input.restructuringComplete ? 'residents-committee-law' : 'villagers-committee-law';
  return {
    id: 'EL-LAW',
    passed: true,
    citation: '《山东省实施〈村民委员会组织法〉办法》第四十六条；鲁办发〔2012〕22号 二(五)1',
    detail: input.restructuringComplete
      ? {
          'zh-CN': '已完成改制：依照《城市居民委员会组织法》选举',
          en: 'Restructured: elections under the Residents’ Committee law',
        }
      : {
          'zh-CN': '未完成改制：依照《村民委员会组织法》选举',
          en: 'Not restructured: elections under the Villagers’ Committee law',
        },
    values: { restructuringComplete: input.restructuringComplete, law },
  };
}
