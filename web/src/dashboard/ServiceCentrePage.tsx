import { Alert, Button, Card, Descriptions, Input, Space, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { serviceCentreInput } from '../../../domain/forms/service-centre';
import { formatChinaTime } from '../../../domain/china-time';
import { ApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { ToneTag } from '../components/ToneTag';
import { FormField } from '../forms/FormField';
import { CheckField } from '../forms/GroupField';
import { ServerForm } from '../forms/ServerForm';
import { submitSpinner } from '../forms/submit-spinner';
import { useServerForm } from '../forms/useServerForm';
import { useAsyncData } from '../hooks/useAsyncData';
import { currentLanguage } from '../i18n';
import { fetchServiceCentre, fetchServiceCentreHistory, saveServiceCentre, type ServiceCentre } from './centres-api';

/**
 * 社区服务中心: a township's (sub-district's) or county's service centre of a year (二(三)1) — its area, its 一站式 hall,
 * how it fares on CT-TOWNSHIP-CENTRE or CT-COUNTY-CENTRE, who changed it when — and, for the area's own officials, the
 * form that keeps it (the version read is sent; a 409 is explained).
 */
export function ServiceCentrePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const { organizationId = '', year: yearText = '' } = useParams();
  const year = Number(yearText);
  const centre = useAsyncData((signal) => fetchServiceCentre(organizationId, year, signal), `${organizationId}-${year}`);
  const history = useAsyncData(
    (signal) => fetchServiceCentreHistory(organizationId, year, signal),
    `${organizationId}-${year}-h`,
  );
  const [saved, setSaved] = useState(false);
  const c = centre.data;

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId}>
          {c ? t('dashboard.centre.title', { area: c.organization.name, year }) : t('dashboard.centre.titlePlain')}
        </Typography.Title>
        <Link to={`/dashboard?year=${year}`}>{t('dashboard.profile.back')}</Link>
      </div>
      {centre.error !== undefined && <ErrorAlert error={centre.error} title={t('dashboard.centre.loadFailed')} />}
      {saved && (
        <Alert type="success" showIcon role="status" message={t('dashboard.centre.saved')} style={{ marginBottom: 16 }} />
      )}
      <Card loading={centre.loading && !c} style={{ marginBottom: 16 }}>
        {c && (
          <>
            <div style={{ marginBottom: 12 }} data-field="centre-outcome">
              {c.result.passed ? (
                <ToneTag tone="success">{t('dashboard.meets')}</ToneTag>
              ) : (
                <ToneTag tone="error">{t('dashboard.misses')}</ToneTag>
              )}{' '}
              {t(`dashboard.short.${c.ruleId}`, { defaultValue: c.ruleId })}：{c.result.detail[language]}
            </div>
            {c.record ? (
              <Descriptions
                size="small"
                bordered
                column={{ xs: 1, sm: 2 }}
                items={[
                  { key: 'areaM2', label: t('dashboard.centre.areaM2'), children: c.record.areaM2 },
                  {
                    key: 'hall',
                    label: t('dashboard.centre.hasOneStopHall'),
                    children: c.record.hasOneStopHall ? t('dashboard.yes') : t('dashboard.no'),
                  },
                ]}
              />
            ) : (
              <Typography.Paragraph>{t('dashboard.centre.noRecord')}</Typography.Paragraph>
            )}
            {!c.mayKeep && <Typography.Paragraph type="secondary">{t('dashboard.centre.readOnly')}</Typography.Paragraph>}
          </>
        )}
      </Card>
      {c?.mayKeep && (
        <Card title={<h3 className="card-heading">{t('dashboard.centre.edit')}</h3>} style={{ marginBottom: 16 }}>
          <CentreForm
            key={c.record?.version ?? 0}
            centre={c}
            onSaved={(next) => {
              centre.setData(next);
              history.reload();
              setSaved(true);
            }}
            onReload={() => {
              setSaved(false);
              centre.reload();
              history.reload();
            }}
          />
        </Card>
      )}
      <Card title={<h3 className="card-heading">{t('dashboard.centre.history')}</h3>} loading={history.loading && !history.data}>
        <ul className="plain-list">
          {(history.data ?? []).map((h) => (
            <li key={`${h.at}-${h.action}`}>
              {formatChinaTime(h.at, language)} · {h.actor ?? '—'} ·{' '}
              {t(`dashboard.actions.${h.action.replace('service-centre.', '')}`, { defaultValue: h.action })}
              {h.changed.length > 0 && ` · ${h.changed.map((f) => t(`dashboard.centre.${f}`, { defaultValue: f })).join('、')}`}
            </li>
          ))}
        </ul>
      </Card>
    </section>
  );
}

function CentreForm({
  centre,
  onSaved,
  onReload,
}: {
  centre: ServiceCentre;
  onSaved: (next: ServiceCentre) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [conflict, setConflict] = useState<{ version: number | null }>();
  const { control, submitWith, error, formState } = useServerForm({
    schema: serviceCentreInput,
    defaultValues: { areaM2: centre.record?.areaM2 ?? '', hasOneStopHall: centre.record?.hasOneStopHall ?? false },
  });
  const onSubmit = submitWith(async (values) => {
    setConflict(undefined);
    try {
      onSaved(await saveServiceCentre(centre.organization.id, centre.year, values, centre.record?.version ?? 0));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'CONFLICT') {
        const now = await fetchServiceCentre(centre.organization.id, centre.year).catch(() => null);
        setConflict({ version: now?.record?.version ?? null });
        return;
      }
      throw caught;
    }
  });
  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={
            conflict.version === null
              ? t('dashboard.profileForm.conflictUnknown')
              : t('dashboard.profileForm.conflict', { version: conflict.version })
          }
          action={
            <Button size="small" onClick={onReload}>
              {t('dashboard.profileForm.reload')}
            </Button>
          }
        />
      )}
      {error !== undefined && <ErrorAlert error={error} title={t('dashboard.centre.saveFailed')} />}
      <FormField
        control={control}
        name="areaM2"
        label={t('dashboard.centre.areaM2')}
        extra={t('dashboard.centre.areaHelp')}
        required
      >
        {(field, input) => <Input {...field} {...input} inputMode="decimal" maxLength={13} style={{ maxWidth: 240 }} />}
      </FormField>
      <CheckField control={control} name="hasOneStopHall" label={t('dashboard.centre.hasOneStopHall')} />
      <Space>
        <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
          {t('dashboard.centre.save')}
        </Button>
      </Space>
    </ServerForm>
  );
}
