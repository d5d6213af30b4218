import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { procedureFormResolver } from '../../../forms/bilingual';
import { validationMessage } from '../../../forms/messages';

/**
 * A resolver for a form whose payload schema is a union chosen by one field (`decision`, `action`, `ruling`): the
 * form keeps flat values, `prepare` turns them into the chosen branch (dropping the other branch's fields), and an
 * unchosen option reads "required" rather than zod's "invalid discriminator".
 */
export function choiceResolver<V extends FieldValues, S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  choice: keyof V & string,
  prepare: (values: V) => z.input<S>,
): Resolver<V, unknown, z.output<S>> {
  const base = procedureFormResolver(schema, prepare as unknown as (values: z.input<S>) => unknown) as unknown as Resolver<
    V,
    unknown,
    z.output<S>
  >;
  return async (values, context, options) => {
    const result = await base(values, context, options);
    const unchosen = values[choice] === undefined || values[choice] === '';
    if (unchosen && choice in result.errors) {
      const errors = {
        ...result.errors,
        [choice]: { type: 'required', message: validationMessage('required') },
      } as FieldErrors<V>;
      return { values: {}, errors };
    }
    return result;
  };
}
