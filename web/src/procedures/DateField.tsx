import { Input } from 'antd';
import type { ReactNode } from 'react';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { FormField } from '../forms/FormField';

interface DateFieldProps<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues> {
  control: Control<T, unknown, TOut>;
  name: N;
  label: ReactNode;
  extra?: ReactNode;
  required?: boolean;
  /** Earliest and latest dates the picker offers (YYYY-MM-DD); the schema still decides what is valid. */
  min?: string;
  max?: string;
}

/** A calendar date (YYYY-MM-DD, the browser's date input); a date not given yet is shown empty. */
export function DateField<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues = T>({
  control,
  name,
  label,
  extra,
  required,
  min,
  max,
}: DateFieldProps<T, N, TOut>) {
  return (
    <FormField control={control} name={name} label={label} extra={extra} required={required}>
      {(field, input) => <Input {...field} {...input} value={field.value ?? ''} type="date" min={min} max={max} />}
    </FormField>
  );
}
