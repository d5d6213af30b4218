import { Alert, Collapse, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../api/cases';
import type { TaskView } from '../../api/tasks';
import { communitiesOf, departmentOf, reviewOf, roundOf, rulesOf, termsOf } from './caseData';
import { RecordedRules } from './RecordedRules';
import { TermsSummary } from './TermsSummary';

/**
 * For every step of an application: the terms, the communities, the department, the admission rules as evaluated and
 * the civil-affairs opinion (when there is one), above the step's own form.
 */
export function ApplicationContext({ task, record, children }: { task: TaskView; record: CaseRecord; children?: ReactNode }) {
  const { t } = useTranslation();
  const terms = termsOf(task, record);
  const rules = rulesOf(task);
  const review = reviewOf(task);
  const round = roundOf(task);
  return (
    <Collapse
      style={{ marginBottom: 16 }}
      defaultActiveKey={['application']}
      items={[
        {
          key: 'application',
          label: round === 'renewal' ? t('serviceAdmission.context.renewal') : t('serviceAdmission.context.title'),
          children: (
            <>
              {terms && <TermsSummary terms={terms} department={departmentOf(record)} communities={communitiesOf(record)} />}
              {review && (
                <Alert
                  type={review.decision === 'return' ? 'warning' : 'info'}
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t(
                    review.decision === 'return' ? 'serviceAdmission.context.returned' : 'serviceAdmission.context.forwarded',
                    {
                      by: review.by,
                    },
                  )}
                  description={<span className="break-anywhere">{review.opinion}</span>}
                />
              )}
              {rules.length > 0 && (
                <>
                  <Typography.Paragraph strong>{t('serviceAdmission.context.rules')}</Typography.Paragraph>
                  <RecordedRules rules={rules} label={t('serviceAdmission.context.rules')} />
                </>
              )}
              {children}
            </>
          ),
        },
      ]}
    />
  );
}
