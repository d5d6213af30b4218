import { Checkbox, Typography } from 'antd';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseDocument } from '../../api/cases';
import { GroupField } from '../../forms/GroupField';
import { currentLanguage } from '../../i18n';
import type { vcPrepareForm } from '../../../../domain/forms/village-conversion';
import { formatSize } from '../format';
import type { EvidenceKey } from './application';

type Values = z.input<typeof vcPrepareForm>;

/** Chooses, among the documents uploaded to the case (this task's first), the evidence of one condition. */
export function EvidencePicker({
  control,
  evidenceKey,
  label,
  documents,
  taskId,
}: {
  control: Control<Values, unknown, z.output<typeof vcPrepareForm>>;
  evidenceKey: EvidenceKey;
  label: string;
  documents: CaseDocument[];
  taskId: string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <GroupField
      control={control}
      name={`evidence.${evidenceKey}`}
      label={label}
      required
      extra={documents.length === 0 ? t('vc.evidence.uploadFirst') : t('vc.evidence.help')}
    >
      {(field, group) =>
        documents.length === 0 ? (
          <Typography.Text type="secondary" id={group.id}>
            {t('vc.evidence.none')}
          </Typography.Text>
        ) : (
          <Checkbox.Group
            {...group}
            value={field.value ?? []}
            onChange={(value) => field.onChange(value)}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={documents.map((doc) => ({
              value: doc.id,
              label: (
                <span className="break-anywhere">
                  {doc.name}{' '}
                  <Typography.Text type="secondary">
                    ({formatSize(doc.size, language)}
                    {doc.taskId !== taskId ? ` · ${t('vc.evidence.earlier')}` : ''})
                  </Typography.Text>
                </span>
              ),
            }))}
          />
        )
      }
    </GroupField>
  );
}
