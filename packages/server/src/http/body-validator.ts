import Ajv from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import type { FieldError } from './errors.js';
import { type SchemaError, toFieldErrors } from './validation-errors.js';
import { validationFormats } from './validation-formats.js';

/** The same Ajv settings as the HTTP layer (app.ts), for validating bodies that arrive another way. */
export const AJV_OPTIONS = {
  coerceTypes: false,
  allErrors: true,
  removeAdditional: true,
  useDefaults: false,
  verbose: true,
  keywords: ['x-reason', 'x-reasons'],
  formats: validationFormats,
} as const;

/** Compiles a request schema into a function answering the contract's field errors (none = valid). */
export function compileBodyValidator(schema: TSchema): (body: unknown) => FieldError[] {
  const ajv = new Ajv.default({ ...AJV_OPTIONS, keywords: [...AJV_OPTIONS.keywords], formats: { ...AJV_OPTIONS.formats } });
  const validate = ajv.compile(schema);
  return (body) => (validate(body) ? [] : toFieldErrors((validate.errors ?? []) as unknown as SchemaError[], 'body'));
}
