import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../api/cases';
import { RuleName, RulePassedTag, RuleResults, RuleValues } from '../../components/RuleResults';
import { currentLanguage } from '../../i18n';
import { formatDateTime, localized, withChinaDates } from '../../procedures/format';

type Decision = CaseRecord['ruleDecisions'][number];

/** The rules decided on the case: id, outcome, citation, detail in the reader's language, values. Cards on phones. */
export function RuleDecisions({ decisions, phone }: { decisions: Decision[]; phone: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  /** The citation with the rule set it was decided under ("…第十四条 · 规则集：《…》（2018年修正）"). */
  const ruleSetCitation = (d: Decision) =>
    d.ruleSetName ? `${d.citation} · ${t('cases.rules.ruleSet', { name: localized(d.ruleSetName, language) })}` : d.citation;
  if (phone) {
    return (
      <RuleResults
        label={t('cases.sections.rules')}
        rules={decisions.map((d) => ({
          id: d.ruleId,
          passed: d.passed,
          undetermined: d.undetermined,
          citation: ruleSetCitation(d),
          detail: localized(d.detail, language),
          values: d.values,
        }))}
      />
    );
  }
  return (
    <Table<Decision>
      size="small"
      rowKey={(d, index) => `${d.ruleId}-${d.decidedAt}-${index ?? 0}`}
      dataSource={decisions}
      pagination={false}
      locale={{ emptyText: <Typography.Text>{t('cases.noRules')}</Typography.Text> }}
      columns={[
        { key: 'rule', title: t('cases.rules.rule'), render: (_, d) => <RuleName id={d.ruleId} />, width: 200 },
        {
          key: 'passed',
          title: t('cases.rules.passed'),
          render: (_, d) => <RulePassedTag passed={d.passed} undetermined={d.undetermined} />,
          width: 100,
        },
        { key: 'citation', title: t('cases.rules.citation'), render: (_, d) => ruleSetCitation(d) },
        {
          key: 'detail',
          title: t('cases.rules.detail'),
          render: (_, d) => (
            <>
              <div className="break-anywhere">{withChinaDates(localized(d.detail, language), language)}</div>
              <RuleValues values={d.values} />
            </>
          ),
        },
        { key: 'at', title: t('cases.rules.decidedAt'), render: (_, d) => formatDateTime(d.decidedAt, language), width: 170 },
      ]}
    />
  );
}
