import { useEffect, useRef, useState } from 'react';
import { useForm, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import { encodeText } from './bilingual';
import { serverFieldErrors, type ServerFieldError } from './serverErrors';

export interface ServerForm<TValues extends FieldValues, TOutput extends FieldValues> extends UseFormReturn<
  TValues,
  unknown,
  TOutput
> {
  /** What the last submission was refused for, when it is not about one of the form's fields (for ErrorAlert). */
  serverError: unknown;
  /**
   * The form's submit handler: validates (zod), then runs `action` with the parsed values. A refusal puts the API's
   * field errors on the form's fields; anything else becomes `serverError`.
   */
  submitWith: (action: (values: TOutput) => unknown) => () => Promise<void>;
  /** Puts one server field error (path relative to the form's values) on the form, focused once submitting ends. */
  setServerFieldError: (error: ServerFieldError) => void;
}

export interface ServerFormOptions<TValues extends FieldValues, TOutput extends FieldValues> extends UseFormProps<
  TValues,
  unknown,
  TOutput
> {
  /** The fields the API may name (default: the keys of defaultValues); other field errors go to `serverError`. */
  fields?: readonly string[];
}

/**
 * One hook for every form: react-hook-form with a zod resolver (formResolver or procedureFormResolver), its inputs in
 * a <SubmitFieldset> disabled while submitting, and one mapping of the API's refusals (serverErrors.ts).
 */
export function useServerForm<TValues extends FieldValues, TOutput extends FieldValues = TValues>({
  fields,
  ...options
}: ServerFormOptions<TValues, TOutput>): ServerForm<TValues, TOutput> {
  const form = useForm<TValues, unknown, TOutput>(options);
  const [serverError, setServerError] = useState<unknown>();
  // The inputs are disabled while submitting, so the first field in error is focused after the submission ends.
  const focusNext = useRef<string | undefined>(undefined);
  const { isSubmitting } = form.formState;
  const { setError, setFocus, handleSubmit } = form;

  useEffect(() => {
    if (isSubmitting || focusNext.current === undefined) return;
    const path = focusNext.current;
    focusNext.current = undefined;
    setFocus(path as Path<TValues>);
  }, [isSubmitting, setFocus]);

  const setServerFieldError = ({ path, message }: ServerFieldError) => {
    setError(path as Path<TValues>, { type: 'server', message: encodeText(message) });
    focusNext.current ??= path;
  };

  const known = fields ?? Object.keys(options.defaultValues ?? {});
  const submitWith = (action: (values: TOutput) => unknown) =>
    handleSubmit(async (values) => {
      setServerError(undefined);
      try {
        await action(values);
      } catch (caught) {
        const onFields = serverFieldErrors(caught).filter((field) => known.includes(field.path));
        onFields.forEach(setServerFieldError);
        if (onFields.length === 0) setServerError(caught);
      }
    });

  return { ...form, serverError, submitWith, setServerFieldError };
}
