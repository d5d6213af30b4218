import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDocument, CaseRecord } from '../../api/cases';
import { RulePassedTag } from '../../components/RuleResults';
import { currentLanguage } from '../../i18n';
import { DocumentLink } from '../DocumentLink';
import { CONDITION_IDS, EVIDENCE_KEYS, VC_RULES, latestDecision, submittedApplication, type EvidenceKey } from './application';

/**
 * The four conditions of a conversion (and the villagers' assembly) with the outcome recorded on the case and the
 * evidence documents the village attached to each (case.data.application.evidence).
 */
export function ConditionsChecklist({ record, documents }: { record: CaseRecord; documents: CaseDocument[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const application = submittedApplication(record);
  if (!application) return <Typography.Paragraph>{t('vc.checklist.notSubmitted')}</Typography.Paragraph>;
  const byId = new Map(documents.map((d) => [d.id, d]));
  const title = (key: EvidenceKey) =>
    key === 'assembly' ? t('vc.checklist.assembly') : `${key} ${VC_RULES[key].text[language]}`;
  const outcome = (key: EvidenceKey) => {
    if (key !== 'assembly') return latestDecision(record, key)?.passed;
    const rules = ['VC-NOTICE', 'VC-QUORUM', 'VC-MAJORITY'].map((id) => latestDecision(record, id));
    return rules.some((r) => r === undefined) ? undefined : rules.every((r) => r?.passed);
  };
  return (
    <ul className="plain-list" aria-label={t('vc.checklist.label')}>
      {EVIDENCE_KEYS.map((key) => {
        const ids = application.evidence[key];
        return (
          <li key={key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
            <div className="break-anywhere">
              <RulePassedTag passed={outcome(key)} />
              <Typography.Text strong>{title(key)}</Typography.Text>
            </div>
            {(CONDITION_IDS as readonly string[]).includes(key) && (
              <Typography.Text type="secondary">{VC_RULES[key as (typeof CONDITION_IDS)[number]].citation}</Typography.Text>
            )}
            <div>
              <Typography.Text>{t('vc.checklist.evidence')}</Typography.Text>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {ids.map((id) => {
                  const doc = byId.get(id);
                  return <li key={id}>{doc ? <DocumentLink document={doc} /> : <span className="hash-text">{id}</span>}</li>;
                })}
              </ul>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
