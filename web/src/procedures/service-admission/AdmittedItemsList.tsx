import { Card, Descriptions, Grid, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdmittedItem } from './api';
import { yesNo } from '../../forms/bilingual';
import { currentLanguage } from '../../i18n';
import { classificationName } from './labels';

/** SA-LIST: the admitted items — cards on phones, a table (scrolling inside its own box) on wide screens. */
export function AdmittedItemsList({ items, loading }: { items: AdmittedItem[]; loading: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const phone = Grid.useBreakpoint().lg !== true;
  const none = '—';
  const funding = (i: AdmittedItem) =>
    i.fundingAmount === null
      ? none
      : t('serviceAdmission.summary.funding', { amount: i.fundingAmount, payer: i.fundingPayer ?? none });
  const period = (i: AdmittedItem) => t('serviceAdmission.summary.period', { from: i.periodFrom, until: i.periodUntil });

  if (phone) {
    return (
      <ul className="plain-list" aria-label={t('serviceAdmission.public.listLabel')} aria-busy={loading}>
        {!loading && items.length === 0 && <li>{t('serviceAdmission.public.empty')}</li>}
        {items.map((i) => (
          <li key={i.id} style={{ marginBottom: 12 }}>
            <Card size="small" className="task-card">
              <Typography.Title level={4} style={{ fontSize: 16, margin: 0 }} className="break-anywhere">
                {i.itemName}
              </Typography.Title>
              <Descriptions
                size="small"
                column={1}
                style={{ marginTop: 8 }}
                items={[
                  { key: 'number', label: t('serviceAdmission.list.number'), children: i.number },
                  {
                    key: 'classification',
                    label: t('serviceAdmission.fields.classification'),
                    children: classificationName(i.classification, language),
                  },
                  {
                    key: 'department',
                    label: t('serviceAdmission.fields.department'),
                    children: `${i.department}（${i.county}）`,
                  },
                  { key: 'communities', label: t('serviceAdmission.fields.communities'), children: i.communities.join('、') },
                  { key: 'basis', label: t('serviceAdmission.fields.legalBasis'), children: i.legalBasis },
                  { key: 'workload', label: t('serviceAdmission.fields.workloadEstimate'), children: i.workloadEstimate },
                  { key: 'funding', label: t('serviceAdmission.fields.funding'), children: funding(i) },
                  {
                    key: 'authority',
                    label: t('serviceAdmission.fields.authorityTransferred'),
                    children: yesNo(i.authorityTransferred, t),
                  },
                  { key: 'period', label: t('serviceAdmission.fields.period'), children: period(i) },
                ].map((item) => ({ ...item, children: <span className="break-anywhere">{item.children}</span> }))}
              />
            </Card>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table<AdmittedItem>
      rowKey="id"
      loading={loading}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: <Typography.Text>{t('serviceAdmission.public.empty')}</Typography.Text> }}
      columns={[
        { key: 'item', title: t('serviceAdmission.fields.itemName'), dataIndex: 'itemName' },
        {
          key: 'classification',
          title: t('serviceAdmission.fields.classification'),
          render: (_, i) => classificationName(i.classification, language),
        },
        { key: 'department', title: t('serviceAdmission.fields.department'), render: (_, i) => `${i.department}（${i.county}）` },
        { key: 'communities', title: t('serviceAdmission.fields.communities'), render: (_, i) => i.communities.join('、') },
        { key: 'basis', title: t('serviceAdmission.fields.legalBasis'), dataIndex: 'legalBasis' },
        { key: 'funding', title: t('serviceAdmission.fields.funding'), render: (_, i) => funding(i) },
        { key: 'period', title: t('serviceAdmission.fields.period'), render: (_, i) => period(i) },
        { key: 'number', title: t('serviceAdmission.list.number'), dataIndex: 'number' },
      ]}
    />
  );
}
