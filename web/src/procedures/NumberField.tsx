import { InputNumber } from 'antd';
import type { ReactNode } from 'react';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { FormField } from '../forms/FormField';

interface NumberFieldProps<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues> {
  control: Control<T, unknown, TOut>;
  name: N;
  label: ReactNode;
  extra?: ReactNode;
  required?: boolean;
  min?: number;
}

/** A whole number (counts of people, households, votes); empty is undefined, so the schema says "required". */
export function NumberField<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues = T>({
  control,
  name,
  label,
  extra,
  required,
  min = 0,
}: NumberFieldProps<T, N, TOut>) {
  return (
    <FormField control={control} name={name} label={label} extra={extra} required={required}>
      {(field, input) => (
        <InputNumber
          {...input}
          ref={field.ref}
          name={field.name}
          value={field.value ?? null}
          onChange={(value) => field.onChange(value ?? undefined)}
          onBlur={field.onBlur}
          min={min}
          precision={0}
          inputMode="numeric"
          style={{ width: '100%' }}
        />
      )}
    </FormField>
  );
}
