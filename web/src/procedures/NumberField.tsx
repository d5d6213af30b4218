import { InputNumber, type InputNumberProps } from 'antd';
import type { ReactNode } from 'react';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { FormField } from '../forms/FormField';

/**
 * What a number field holds. `whole`: counts of people, households, votes. `area`: a floor area in m², not rounded by
 * the input: a third decimal reaches the shared schema, which says that an area has at most two decimals
 * (domain/forms/owners-meeting.ts `area`), as the API would. `money`: an amount in yuan, two decimals, empty is null.
 */
const KINDS = {
  whole: { precision: 0, inputMode: 'numeric' },
  area: { step: 0.01, inputMode: 'decimal', suffix: 'm²' },
  money: { precision: 2, inputMode: 'decimal' },
} satisfies Record<string, InputNumberProps>;

interface NumberFieldProps<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues> {
  control: Control<T, unknown, TOut>;
  name: N;
  label: ReactNode;
  extra?: ReactNode;
  required?: boolean;
  min?: number;
  kind?: keyof typeof KINDS;
  maxWidth?: number;
}

/** A number input bound to a field; empty is undefined (null for money), so the schema says "required". */
export function NumberField<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues = T>({
  control,
  name,
  label,
  extra,
  required,
  min = 0,
  kind = 'whole',
  maxWidth,
}: NumberFieldProps<T, N, TOut>) {
  const empty = kind === 'money' ? null : undefined;
  return (
    <FormField control={control} name={name} label={label} extra={extra} required={required}>
      {(field, input) => (
        <InputNumber
          {...input}
          ref={field.ref}
          name={field.name}
          value={field.value ?? null}
          onChange={(value) => field.onChange(typeof value === 'number' ? value : empty)}
          onBlur={field.onBlur}
          min={min}
          {...KINDS[kind]}
          style={{ width: '100%', maxWidth }}
        />
      )}
    </FormField>
  );
}
