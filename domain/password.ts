import { z } from 'zod';

/** The password rule, one place for the API's request schemas and the web's forms (and their hints). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** A new password: at least PASSWORD_MIN_LENGTH characters. */
export const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
