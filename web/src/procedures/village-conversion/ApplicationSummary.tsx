import { Collapse, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDocument, CaseRecord } from '../../api/cases';
import { yesNo } from '../../forms/bilingual';
import { currentLanguage } from '../../i18n';
import { formatDay } from '../format';
import { ConditionsChecklist } from './ConditionsChecklist';
import { ConversionNotices } from './ConversionNotices';
import { submittedApplication } from './application';

/** For the reviewers: the village's application (figures, assembly, evidence per condition), folded by default on phones. */
export function ApplicationSummary({ record, documents }: { record: CaseRecord; documents: CaseDocument[] }) {
  const { t } = useTranslation();
  const application = submittedApplication(record);
  const a = application?.application;
  return (
    <>
      <ConversionNotices record={record} />
      <Collapse
        style={{ marginBottom: 16 }}
        defaultActiveKey={['application']}
        items={[
          {
            key: 'application',
            label: t('vc.summary.title'),
            children: (
              <>
                {a && application && (
                  <Descriptions
                    size="small"
                    column={{ xs: 1, sm: 1, md: 2 }}
                    style={{ marginBottom: 12 }}
                    items={[
                      { key: 'c1', label: t('vc.fields.insideUrbanBoundaryShort'), children: yesNo(a.insideUrbanBoundary, t) },
                      { key: 'c2', label: t('vc.fields.farmlandInsufficientShort'), children: yesNo(a.farmlandInsufficient, t) },
                      { key: 'c3', label: t('vc.fields.labour'), children: `${a.nonFarmLabour} / ${a.labourForce}` },
                      {
                        key: 'c4',
                        label: t('vc.fields.assetRestructuringCompleteShort'),
                        children: yesNo(a.assetRestructuringComplete, t),
                      },
                      { key: 'record', label: t('vc.fields.restructuringRecord'), children: application.restructuringRecord },
                      {
                        key: 'dates',
                        label: t('vc.fields.assemblyDates'),
                        children: t('vc.summary.dates', {
                          notice: formatDay(a.assembly.noticeDate, currentLanguage()),
                          meeting: formatDay(a.assembly.meetingDate, currentLanguage()),
                        }),
                      },
                      {
                        key: 'attendance',
                        label: t('vc.fields.attendance'),
                        children: t('vc.summary.attendance', {
                          attendees: a.assembly.adultAttendees,
                          adults: a.assembly.adultVillagers,
                          representatives: a.assembly.householdRepresentatives,
                          households: a.assembly.households,
                        }),
                      },
                      {
                        key: 'votes',
                        label: t('vc.fields.votes'),
                        children: t('vc.summary.votes', {
                          votesFor: a.assembly.votesFor,
                          against: application.votesAgainst,
                          abstentions: application.abstentions,
                        }),
                      },
                      { key: 'posting', label: t('vc.fields.noticePosting'), children: application.noticePosting },
                    ]}
                  />
                )}
                <ConditionsChecklist record={record} documents={documents} />
              </>
            ),
          },
        ]}
      />
    </>
  );
}
