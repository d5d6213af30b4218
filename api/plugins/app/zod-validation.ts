import fp from 'fastify-plugin';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { fieldErrorsFromZod, nulCharacterErrors } from '../../../domain/validation';

/**
 * Validates params, query and body with the route's zod schema; failures are VALIDATION_FAILED with field errors.
 * Text with a NUL character is refused first, for every route (PostgreSQL cannot store it).
 */
const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const nul = nulCharacterErrors(data);
    if (nul.length > 0) return { error: new AppError('VALIDATION_FAILED', { fields: nul }) };
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new AppError('VALIDATION_FAILED', { fields: fieldErrorsFromZod(result.error.issues) }) };
  };

export default fp(
  async function zodValidation(fastify: FastifyInstance) {
    fastify.setValidatorCompiler(validatorCompiler);
    fastify.setSerializerCompiler(serializerCompiler);
  },
  { name: 'zod-validation' },
);
