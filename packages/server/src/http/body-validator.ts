import Ajv from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import type { FieldError } from './errors.js';
import { type SchemaError, toFieldErrors } from './validation-errors.js';
import { validationFormats } from './validation-formats.js';

/**
 * The Ajv settings of every request schema, for the HTTP layer (app.ts) and for bodies that arrive
 * another way. A fresh object each time: Ajv takes ownership of the lists it is given.
 */
export function ajvOptions() {
  return {
    coerceTypes: false,
    allErrors: true,
    removeAdditional: true,
    useDefaults: false,
    verbose: true,
    keywords: ['x-reason', 'x-reasons'],
    formats: { ...validationFormats },
  };
}

/** Compiles a request schema into a function answering the contract's field errors (none = valid). */
export function compileBodyValidator(schema: TSchema): (body: unknown) => FieldError[] {
  const ajv = new Ajv.default(ajvOptions());
  const validate = ajv.compile(schema);
  return (body) => (validate(body) ? [] : toFieldErrors((validate.errors ?? []) as unknown as SchemaError[], 'body'));
}
