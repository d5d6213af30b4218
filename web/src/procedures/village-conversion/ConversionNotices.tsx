import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../api/cases';
import { currentLanguage } from '../../i18n';
import { formatDateTime, localized } from '../format';

interface CountyReturn {
  opinion: string;
  by: string;
  at: string;
}

interface FirstElection {
  started: boolean;
  number?: string;
  runningCaseNumber?: string | null;
  notice: { 'zh-CN': string; en: string };
}

/**
 * What the township must know on a conversion: each time the county sent the file back (its opinion, who, when), and
 * after approval the first election — open, with the election committee's accounts still to be issued — or not
 * started because another election is running.
 */
export function ConversionNotices({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const data = record.case.data as { countyReturns?: CountyReturn[]; firstElection?: FirstElection };
  const returns = data.countyReturns ?? [];
  const first = data.firstElection;
  if (returns.length === 0 && !first) return null;
  return (
    <div className="vc-notices" style={{ display: 'grid', gap: 8, marginBottom: 12 }}>
      {returns.map((r, i) => (
        <Alert
          key={`${r.at}-${i}`}
          type="warning"
          showIcon
          message={t('vc.countyReturn.title', { at: formatDateTime(r.at, language), by: r.by })}
          description={
            <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{r.opinion}</Typography.Paragraph>
          }
        />
      ))}
      {first && (
        <Alert
          type={first.started ? 'info' : 'error'}
          showIcon
          message={
            first.started
              ? t('vc.firstElection.started', { number: first.number })
              : t('vc.firstElection.notStarted', { number: first.runningCaseNumber ?? '' })
          }
          description={localized(first.notice, language)}
        />
      )}
    </div>
  );
}
