import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RuleResults } from '../../components/RuleResults';
import { yesNo } from '../../forms/bilingual';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../format';
import type { ApplicationView } from './api';
import { ApplicationStatusTag } from './labels';

/** The rules of the automatic pre-check (EL-AGE … EL-SINGLE), each with its clause and the values compared. */
export function PrecheckRules({ rules, label }: { rules: ApplicationView['precheck']; label?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (rules.length === 0) return <Typography.Text type="secondary">{t('election.application.noPrecheck')}</Typography.Text>;
  return (
    <RuleResults
      label={label ?? t('election.application.precheck')}
      rules={rules.map((rule) => ({
        id: rule.id,
        passed: rule.passed,
        citation: rule.citation,
        detail: rule.detail[language],
        values: rule.values,
      }))}
    />
  );
}

/** An application as the applicant entered it (ID number masked), its status and the committee's reasons. */
export function ApplicationDetails({ application }: { application: ApplicationView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const a = application;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        { key: 'number', label: t('election.application.number'), children: <span className="break-anywhere">{a.number}</span> },
        { key: 'status', label: t('election.application.status'), children: <ApplicationStatusTag status={a.status} /> },
        { key: 'community', label: t('election.fields.community'), children: a.community },
        { key: 'electionDate', label: t('election.fields.electionDate'), children: a.electionDate ?? '—' },
        { key: 'name', label: t('election.fields.name'), children: a.name },
        { key: 'id', label: t('election.fields.idNumber'), children: <span className="break-anywhere">{a.idNumberMasked}</span> },
        { key: 'address', label: t('election.fields.address'), children: <span className="break-anywhere">{a.address}</span> },
        { key: 'since', label: t('election.fields.residenceSince'), children: a.residenceSince },
        { key: 'home', label: t('election.fields.hasLegalFixedResidenceShort'), children: yesNo(a.hasLegalFixedResidence, t) },
        {
          key: 'evidence',
          label: t('election.fields.residenceEvidence'),
          children: <span className="break-anywhere">{a.residenceEvidence}</span>,
        },
        {
          key: 'rights',
          label: t('election.fields.politicalRightsDeprivedShort'),
          children: yesNo(a.politicalRightsDeprived, t),
        },
        { key: 'elsewhere', label: t('election.fields.registeredElsewhereShort'), children: yesNo(a.registeredElsewhere, t) },
        { key: 'documents', label: t('election.application.documents'), children: String(a.documents) },
        { key: 'submitted', label: t('election.application.submittedAt'), children: formatDateTime(a.submittedAt, language) },
        ...(a.decidedAt
          ? [{ key: 'decided', label: t('election.application.decidedAt'), children: formatDateTime(a.decidedAt, language) }]
          : []),
      ]}
    />
  );
}
