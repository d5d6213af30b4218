import { useEffect, useRef, useState } from 'react';
import { useForm, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { procedureFormResolver } from './bilingual';
import { encodeText } from './bilingual';
import { serverFieldErrors, type ServerFieldError } from './serverErrors';

export interface ServerForm<TValues extends FieldValues, TOutput extends FieldValues> extends UseFormReturn<
  TValues,
  unknown,
  TOutput
> {
  /** What the last submission was refused for, when it is not about one of the form's fields (for ErrorAlert). */
  error: unknown;
  /**
   * The form's submit handler: validates (zod), then runs `action` with the parsed values. A refusal puts the API's
   * field errors on the form's fields; anything else becomes `error`.
   */
  submitWith: (action: (values: TOutput) => unknown) => () => Promise<void>;
  /** Puts one server field error (path relative to the form's values) on the form, focused once submitting ends. */
  setServerFieldError: (error: ServerFieldError) => void;
  setServerError: (error: unknown) => void;
}

export interface ServerFormOptions<TValues extends FieldValues, TOutput extends FieldValues> extends UseFormProps<
  TValues,
  unknown,
  TOutput
> {
  /**
   * Which of the API's field paths are the form's fields: a list (default: the keys of defaultValues), or a function
   * giving the form's path for an API path (undefined: not a field of this form). The rest go to `error`.
   */
  fields?: readonly string[] | ((apiPath: string) => string | undefined);
  /** Keep the refusal as `error` even when its field errors are on the form (a page that lists them too). */
  alertWithFields?: boolean;
  /** Called after a refusal is shown (e.g. to scroll the outcome into view). */
  onRefused?: (error: unknown) => void;
}

/**
 * One hook for every form: react-hook-form with a zod resolver (formResolver or procedureFormResolver), its inputs in
 * a <SubmitFieldset> disabled while submitting, and one mapping of the API's refusals (serverErrors.ts).
 */
/** The form's values and checks from one zod schema (what `prepare` makes of the inputs is what is checked). */
export interface SchemaFormOptions<S extends z.ZodType<FieldValues, FieldValues>> extends Omit<
  ServerFormOptions<z.input<S>, z.output<S>>,
  'resolver'
> {
  schema: S;
  prepare?: (values: z.input<S>) => unknown;
}

export function useServerForm<S extends z.ZodType<FieldValues, FieldValues>>(
  options: SchemaFormOptions<S>,
): ServerForm<z.input<S>, z.output<S>>;
export function useServerForm<TValues extends FieldValues, TOutput extends FieldValues = TValues>(
  options: ServerFormOptions<TValues, TOutput>,
): ServerForm<TValues, TOutput>;
export function useServerForm<S extends z.ZodType<FieldValues, FieldValues>>(
  options: SchemaFormOptions<S> | ServerFormOptions<z.input<S>, z.output<S>>,
): ServerForm<z.input<S>, z.output<S>> {
  if (!('schema' in options)) return useResolvedForm(options);
  const { schema, prepare, ...rest } = options;
  return useResolvedForm({ ...rest, resolver: procedureFormResolver(schema, prepare) });
}

function useResolvedForm<TValues extends FieldValues, TOutput extends FieldValues = TValues>({
  fields,
  alertWithFields = false,
  onRefused,
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
  const formPath = typeof known === 'function' ? known : (path: string) => (known.includes(path) ? path : undefined);
  const submitWith = (action: (values: TOutput) => unknown) =>
    handleSubmit(async (values) => {
      setServerError(undefined);
      try {
        await action(values);
      } catch (caught) {
        const onFields = serverFieldErrors(caught).flatMap(({ path, message }) => {
          const name = formPath(path);
          return name === undefined ? [] : [{ path: name, message }];
        });
        onFields.forEach(setServerFieldError);
        if (alertWithFields || onFields.length === 0) setServerError(caught);
        onRefused?.(caught);
      }
    });

  return { ...form, error: serverError, setServerError, submitWith, setServerFieldError };
}
