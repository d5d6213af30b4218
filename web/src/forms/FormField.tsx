import { Form } from 'antd';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useController, type Control, type ControllerRenderProps, type FieldPath, type FieldValues } from 'react-hook-form';
import { currentLanguage } from '../i18n';
import { errorText } from './messages';

/** Props every input gets so that its label, help text and error are announced with it. */
export interface FieldInputProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  'aria-required': boolean | undefined;
}

interface FormFieldProps<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues> {
  control: Control<T, unknown, TOut>;
  name: N;
  label: ReactNode;
  /** Help shown under the input (also linked with aria-describedby). */
  extra?: ReactNode;
  required?: boolean;
  children: (field: ControllerRenderProps<T, N>, input: FieldInputProps) => ReactNode;
}

/** One labelled antd form row bound to a react-hook-form field; errors are shown in the current language. */
export function FormField<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues = T>({
  control,
  name,
  label,
  extra,
  required,
  children,
}: FormFieldProps<T, N, TOut>) {
  const { t } = useTranslation();
  const id = useId();
  const { field, fieldState } = useController({ control, name });
  const message = errorText(fieldState.error, t, currentLanguage());
  const helpId = `${id}-help`;
  const extraId = `${id}-extra`;
  const describedBy = [message ? helpId : undefined, extra ? extraId : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <Form.Item
      label={label}
      htmlFor={id}
      required={required}
      validateStatus={message ? 'error' : undefined}
      help={message ? <span id={helpId}>{message}</span> : undefined}
      extra={extra ? <span id={extraId}>{extra}</span> : undefined}
    >
      {children(field, { id, 'aria-invalid': message !== undefined, 'aria-describedby': describedBy, 'aria-required': required })}
    </Form.Item>
  );
}
