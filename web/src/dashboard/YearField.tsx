import { Form, Select } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDateOf } from '../../../domain/clock';

/** How many years back the dashboard and the profiles offer (this China year and the seven before it). */
const YEARS_OFFERED = 8;

/** This year by the China date. */
export function thisChinaYear(): number {
  return Number(chinaDateOf(new Date()).slice(0, 4));
}

/** The year chosen in the URL (`?year=`), this China year when absent or unreadable. */
export function yearFromParams(params: URLSearchParams): number {
  const thisYear = thisChinaYear();
  return Number(params.get('year') ?? thisYear) || thisYear;
}

/** The 年度 field of the dashboard's and the profiles' filter bars. */
export function YearField({ year, onChange }: { year: number; onChange: (year: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const thisYear = thisChinaYear();
  const years = Array.from({ length: YEARS_OFFERED }, (_, n) => thisYear - n);
  return (
    <Form.Item label={t('dashboard.year')} htmlFor={id}>
      <Select
        id={id}
        value={String(year)}
        onChange={onChange}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
    </Form.Item>
  );
}
