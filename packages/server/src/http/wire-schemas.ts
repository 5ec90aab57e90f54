import { Type, type TSchema } from '@sinclair/typebox';

/**
 * Building blocks for request schemas that follow the contract's encodings (docs/reference/conventions.md §8). Each carries
 * the reason text its validation error reports, so messages read "rating must be an integer from 1 to 5".
 */

/** Control characters other than \n and \t are refused (docs/reference/conventions.md §8.4). */
const NO_CONTROL_CHARACTERS = '^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F]*$';

export function Text(maxLength: number, options: { minLength?: number; description?: string } = {}) {
  const min = options.minLength ?? 0;
  const range = min > 0 ? `${min} to ${maxLength} characters` : `at most ${maxLength} characters`;
  return Type.String({
    maxLength,
    ...(min > 0 ? { minLength: min } : {}),
    pattern: NO_CONTROL_CHARACTERS,
    ...(options.description ? { description: options.description } : {}),
    'x-reasons': {
      type: `must be a string of ${range}`,
      maxLength: `must be ${range}`,
      minLength: `must be ${range}`,
      pattern: 'must not contain control characters',
    },
  });
}

/** A body flag: 0/1, "0"/"1" or a JSON boolean (docs/reference/conventions.md §8.1). */
export function BodyFlag(description?: string) {
  return Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal('0'), Type.Literal('1'), Type.Boolean()], {
    'x-reason': 'must be 0 or 1',
    ...(description ? { description } : {}),
  });
}

export function flagValue(value: 0 | 1 | '0' | '1' | boolean): 0 | 1 {
  return value === 1 || value === '1' || value === true ? 1 : 0;
}

/** A query flag, written 0 or 1. */
export function QueryFlag(description: string) {
  return Type.Integer({ minimum: 0, maximum: 1, description, 'x-reason': 'must be 0 or 1' });
}

/** Printable ASCII without spaces or commas, 1–64 characters (docs/reference/conventions.md §8.2). */
export const STORE_ID_PATTERN = '^[\\x21-\\x2B\\x2D-\\x7E]{1,64}$';
const STORE_ID_REASON = 'must be a store-platform id: 1 to 64 printable ASCII characters without spaces or commas';

export function QueryStoreId(description?: string) {
  return Type.String({ pattern: STORE_ID_PATTERN, 'x-reason': STORE_ID_REASON, ...(description ? { description } : {}) });
}

/** A store-platform id in a body: a string, or an integer up to 2^53 − 1. `""` allowed where it means "none". */
export function BodyStoreId(description: string, allowEmpty: boolean) {
  return Type.Union(
    [
      Type.String({ pattern: allowEmpty ? `^$|${STORE_ID_PATTERN}` : STORE_ID_PATTERN }),
      Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
    ],
    { description, 'x-reason': `${STORE_ID_REASON}, as a string or an integer` },
  );
}

export function storeIdValue(value: string | number | undefined | null): string {
  return value === undefined || value === null ? '' : String(value);
}

/** A Plaudit record id (review id) in a body: an integer ≥ 1 or its decimal string. */
export function BodyRecordId(description: string) {
  return Type.Union([Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), Type.String({ pattern: '^[1-9][0-9]{0,15}$' })], {
    description,
    'x-reason': 'must be an integer of at least 1',
  });
}

export function QueryRecordId(description: string) {
  return Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description, 'x-reason': 'must be an integer of at least 1' });
}

/** A time in a body: `YYYY-MM-DD HH:MM:SS`, RFC 3339, `YYYY-MM-DD` or Unix seconds (docs/reference/conventions.md §8.3). */
export function BodyTime(description: string) {
  return Type.Union([Type.String({ format: 'time-input' }), Type.Integer({ minimum: 0, maximum: 9_999_999_999 })], {
    description,
    'x-reason': 'must be a time as "YYYY-MM-DD HH:MM:SS", RFC 3339, "YYYY-MM-DD" or Unix seconds',
  });
}

export function QueryTime(description: string) {
  return Type.String({
    format: 'time-input',
    description,
    'x-reason': 'must be a time as "YYYY-MM-DD HH:MM:SS", "YYYY-MM-DD", Unix seconds or RFC 3339',
  });
}

/** An e-mail address, or "" for none. */
export const EmailOrEmpty = Type.String({ format: 'email-address', maxLength: 254, 'x-reason': 'must be a valid e-mail address or ""' });

export function HttpUrl(description?: string) {
  return Type.String({ format: 'http-url', 'x-reason': 'must be an http or https URL of at most 2,048 characters', ...(description ? { description } : {}) });
}

export function HttpUrlOrEmpty(description?: string) {
  return Type.String({ format: 'http-url-or-empty', 'x-reason': 'must be an http or https URL of at most 2,048 characters, or ""', ...(description ? { description } : {}) });
}

export function Page() {
  return Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'page number, from 1', 'x-reason': 'must be an integer of at least 1' });
}

export function PageSize() {
  return Type.Integer({ minimum: 1, maximum: 100, description: 'records per page, 1–100 (default 20)', 'x-reason': 'must be an integer from 1 to 100' });
}

/** An array query parameter: repeated, `[]`, `[i]` or comma-separated forms (docs/reference/conventions.md §3.2). */
export function QueryArray<T extends TSchema>(items: T, description: string, options: { minItems?: number } = {}) {
  return Type.Array(items, { maxItems: 100, ...options, description, 'x-reasons': { maxItems: 'must have at most 100 items', minItems: 'must not be empty' } });
}

/** A field that exists in the schema only to be refused (update_review's reviewer facts). */
export function Forbidden(reason: string) {
  return Type.Optional(Type.Unsafe<never>({ not: {}, 'x-reason': reason, description: reason }));
}

export const PageInfo = Type.Object({
  page: Type.Integer(),
  page_size: Type.Integer(),
  total_page: Type.Integer(),
  count: Type.Integer(),
});

export function pageInfo(page: number, pageSize: number, count: number) {
  return { page, page_size: pageSize, total_page: Math.ceil(count / pageSize), count };
}
