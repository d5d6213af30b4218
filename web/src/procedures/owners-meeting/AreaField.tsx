import { InputNumber } from 'antd';
import type { ReactNode } from 'react';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { FormField } from '../../forms/FormField';

interface AreaFieldProps<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues> {
  control: Control<T, unknown, TOut>;
  name: N;
  label: ReactNode;
  extra?: ReactNode;
  required?: boolean;
}

/**
 * A floor area in m². Not rounded by the input: a third decimal reaches the shared schema, which says that an area
 * has at most two decimals (domain/forms/owners-meeting.ts `area`), as the API would.
 */
export function AreaField<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues = T>({
  control,
  name,
  label,
  extra,
  required,
}: AreaFieldProps<T, N, TOut>) {
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
          min={0}
          step={0.01}
          inputMode="decimal"
          suffix="m²"
          style={{ width: '100%' }}
        />
      )}
    </FormField>
  );
}
