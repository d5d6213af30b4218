import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { yesNo } from '../../forms/bilingual';
import { currentLanguage } from '../../i18n';
import type { ServiceItemTerms } from '../../../../domain/forms/service-admission';
import { classificationName } from './labels';

/** The terms of an item as the reviewers, the county and the public read them. */
export function TermsSummary({
  terms,
  department,
  communities,
}: {
  terms: ServiceItemTerms;
  department?: string;
  communities?: string[];
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const none = '—';
  const items = [
    { key: 'itemName', label: t('serviceAdmission.fields.itemName'), children: terms.itemName },
    ...(department ? [{ key: 'department', label: t('serviceAdmission.fields.department'), children: department }] : []),
    ...(communities
      ? [{ key: 'communities', label: t('serviceAdmission.fields.communities'), children: communities.join('、') || none }]
      : []),
    ...(terms.description
      ? [{ key: 'description', label: t('serviceAdmission.fields.description'), children: terms.description }]
      : []),
    { key: 'legalBasis', label: t('serviceAdmission.fields.legalBasis'), children: terms.legalBasis },
    {
      key: 'classification',
      label: t('serviceAdmission.fields.classification'),
      children: classificationName(terms.classification, language),
    },
    { key: 'workload', label: t('serviceAdmission.fields.workloadEstimate'), children: terms.workloadEstimate },
    {
      key: 'funding',
      label: t('serviceAdmission.fields.funding'),
      children:
        terms.fundingAmount === null
          ? none
          : t('serviceAdmission.summary.funding', { amount: terms.fundingAmount, payer: terms.fundingPayer ?? none }),
    },
    { key: 'conditions', label: t('serviceAdmission.fields.workingConditions'), children: terms.workingConditions ?? none },
    {
      key: 'authority',
      label: t('serviceAdmission.fields.authorityTransferred'),
      children: terms.authorityDescription
        ? `${yesNo(terms.authorityTransferred, t)}（${terms.authorityDescription}）`
        : yesNo(terms.authorityTransferred, t),
    },
    {
      key: 'period',
      label: t('serviceAdmission.fields.period'),
      children: t('serviceAdmission.summary.period', { from: terms.period.from, until: terms.period.until }),
    },
  ];
  return (
    <Descriptions
      size="small"
      column={1}
      className="break-anywhere"
      style={{ marginBottom: 16 }}
      items={items.map((item) => ({ ...item, children: <span className="break-anywhere">{item.children}</span> }))}
    />
  );
}
