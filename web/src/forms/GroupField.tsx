import { Checkbox, Form, Radio } from 'antd';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useController, type Control, type ControllerRenderProps, type FieldPath, type FieldValues } from 'react-hook-form';
import { currentLanguage } from '../i18n';
import { errorText } from './messages';

/**
 * Props a radio or checkbox group gets: it is named by the row's label (a group has no <label for>). No
 * aria-required: role="group" does not support it (axe aria-allowed-attr); the label shows the required mark.
 */
export interface GroupInputProps {
  id: string;
  'aria-labelledby': string;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean;
}

interface GroupFieldProps<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues> {
  control: Control<T, unknown, TOut>;
  name: N;
  label: ReactNode;
  extra?: ReactNode;
  required?: boolean;
  children: (field: ControllerRenderProps<T, N>, input: GroupInputProps) => ReactNode;
}

function useMessages(message: string | undefined, extra: ReactNode) {
  const id = useId();
  const helpId = `${id}-help`;
  const extraId = `${id}-extra`;
  const describedBy = [message ? helpId : undefined, extra ? extraId : undefined].filter(Boolean).join(' ') || undefined;
  return { id, helpId, extraId, describedBy };
}

/** A labelled row holding a radio group or a checkbox group (role="radiogroup" / "group", aria-labelledby). */
export function GroupField<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues = T>({
  control,
  name,
  label,
  extra,
  required,
  children,
}: GroupFieldProps<T, N, TOut>) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  const message = errorText(fieldState.error, t, currentLanguage());
  const { id, helpId, extraId, describedBy } = useMessages(message, extra);
  const labelId = `${id}-label`;
  return (
    <Form.Item
      label={<span id={labelId}>{label}</span>}
      required={required}
      validateStatus={message ? 'error' : undefined}
      help={message ? <span id={helpId}>{message}</span> : undefined}
      extra={extra ? <span id={extraId}>{extra}</span> : undefined}
    >
      {children(field, {
        id,
        'aria-labelledby': labelId,
        'aria-describedby': describedBy,
        'aria-invalid': message !== undefined,
      })}
    </Form.Item>
  );
}

interface CheckFieldProps<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues> {
  control: Control<T, unknown, TOut>;
  name: N;
  label: ReactNode;
  extra?: ReactNode;
  disabled?: boolean;
}

/** One checkbox bound to a boolean field; its text is its label. */
export function CheckField<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues = T>({
  control,
  name,
  label,
  extra,
  disabled,
}: CheckFieldProps<T, N, TOut>) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  const message = errorText(fieldState.error, t, currentLanguage());
  const { id, helpId, extraId, describedBy } = useMessages(message, extra);
  return (
    <Form.Item
      validateStatus={message ? 'error' : undefined}
      help={message ? <span id={helpId}>{message}</span> : undefined}
      extra={extra ? <span id={extraId}>{extra}</span> : undefined}
    >
      <Checkbox
        id={id}
        checked={field.value === true}
        disabled={disabled}
        onChange={(event) => field.onChange(event.target.checked)}
        onBlur={field.onBlur}
        ref={field.ref}
        aria-describedby={describedBy}
        aria-invalid={message !== undefined}
      >
        {label}
      </Checkbox>
    </Form.Item>
  );
}

interface RadioFieldProps<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues> {
  control: Control<T, unknown, TOut>;
  name: N;
  label: ReactNode;
  extra?: ReactNode;
  required?: boolean;
  options: { value: string | number | boolean; label: ReactNode }[];
}

/** A labelled radio group bound to one field: a choice between the given options. */
export function RadioField<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues = T>({
  options,
  ...row
}: RadioFieldProps<T, N, TOut>) {
  return (
    <GroupField {...row}>
      {(field, group) => (
        <Radio.Group {...group} value={field.value} onChange={(event) => field.onChange(event.target.value)} options={options} />
      )}
    </GroupField>
  );
}
