import type { TObject, TSchema } from '@sinclair/typebox';
import type { FieldError } from './errors.js';

/** What Fastify's query parser hands on: every value of every name, brackets folded into the name. */
export type RawQuery = Record<string, string[]>;

/**
 * Route generics of an endpoint that reads its query by the contract's own rules (the Open API's
 * normalizeQuery, the storefront's readers, the OAuth parameters) rather than by an Ajv schema.
 */
export interface RawQueryRoute {
  Querystring: RawQuery;
}

const BRACKETS = /^([^[\]]+)\[\d*\]$/;

/**
 * Parses a query string keeping repetition (`a=1&a=2`), `a[]=` and `a[0]=` forms under the base
 * name `a`, in order of appearance (docs/reference/conventions.md §3.2). Interpretation waits for the route schema.
 */
export function parseRawQuery(query: string): RawQuery {
  const result: RawQuery = Object.create(null);
  for (const [rawName, value] of new URLSearchParams(query)) {
    const name = BRACKETS.exec(rawName)?.[1] ?? rawName;
    (result[name] ??= []).push(value);
  }
  return result;
}

function isIntegerSchema(schema: TSchema | undefined): boolean {
  if (schema === undefined) return false;
  if (schema.type === 'integer') return true;
  const variants = (schema.anyOf ?? schema.oneOf) as TSchema[] | undefined;
  return variants?.some((variant) => variant.type === 'integer') ?? false;
}

/** Digits only: no sign, point or exponent (docs/reference/conventions.md §3.1). Anything else stays a string and fails validation. */
function toIntegerIfDigits(value: string): string | number {
  return /^\d{1,15}$/.test(value) ? Number(value) : value;
}

export interface NormalizedQuery {
  values: Record<string, unknown>;
  errors: FieldError[];
}

/**
 * Applies the contract's query rules against a route's querystring schema: an empty value means
 * "not given"; a scalar given twice is an error; array parameters merge every form and split on
 * commas; integer-typed parameters become numbers only when written as plain digits. Unknown
 * names are dropped.
 */
export function normalizeQuery(raw: RawQuery, schema: TObject): NormalizedQuery {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [name, property] of Object.entries(schema.properties as Record<string, TSchema>)) {
    const given = raw[name];
    if (given === undefined) continue;
    if (property.type === 'array') {
      const items = given.flatMap((value) => value.split(',')).map((item) => item.trim()).filter((item) => item !== '');
      if (items.length === 0) continue;
      const integerItems = isIntegerSchema(property.items as TSchema | undefined);
      values[name] = integerItems ? items.map(toIntegerIfDigits) : items;
      continue;
    }
    const nonEmpty = given.filter((value) => value !== '');
    if (nonEmpty.length === 0) continue;
    if (nonEmpty.length > 1) {
      errors.push({ field: name, reason: 'must be given at most once' });
      continue;
    }
    const value = nonEmpty[0] as string;
    values[name] = isIntegerSchema(property) ? toIntegerIfDigits(value) : value;
  }
  return { values, errors };
}

/**
 * A raw query as routes without a schema read it (the OAuth pages): a name given once is a string,
 * a name given more often stays an array so that the route can refuse the ambiguity.
 */
export function flattenRawQuery(query: RawQuery): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(query)) result[name] = values.length === 1 ? values[0]! : values;
  return result;
}
