import type { FieldError } from './errors.js';

/** The parts of an Ajv error object we read (Ajv runs with `verbose`, so parentSchema is present). */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
  parentSchema?: Record<string, unknown>;
}

/** `/media/0/url` → `media[0].url`; the body itself is `body`. */
export function pointerToField(pointer: string, root: string): string {
  if (pointer === '') return root;
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function defaultReason(error: SchemaError): string {
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'type':
      return `must be ${String(p.type).split(',').map(article).join(' or ')}`;
    case 'minimum':
      return `must be at least ${String(p.limit)}`;
    case 'maximum':
      return `must be at most ${String(p.limit)}`;
    case 'minLength':
      return `must be at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `must be at most ${String(p.limit)} characters`;
    case 'minItems':
      return `must have at least ${String(p.limit)} items`;
    case 'maxItems':
      return `must have at most ${String(p.limit)} items`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `must be ${String(p.allowedValue)}`;
    case 'not':
      return 'is not allowed';
    default:
      return error.message ?? 'is invalid';
  }
}

function reasonFor(error: SchemaError): string {
  const schema = error.parentSchema ?? {};
  const byKeyword = schema['x-reasons'] as Record<string, string> | undefined;
  return byKeyword?.[error.keyword] ?? (schema['x-reason'] as string | undefined) ?? defaultReason(error);
}

const UNION_KEYWORDS = new Set(['anyOf', 'oneOf']);

/**
 * Turns Ajv errors into the contract's `{field, reason}` list: one entry per field, in order of
 * first appearance. When a union fails, Ajv reports every branch; the outermost schema (shortest
 * schema path) speaks for the field, since that is where the field's reason is written.
 */
export function toFieldErrors(errors: readonly SchemaError[], root: string): FieldError[] {
  const byField = new Map<string, SchemaError>();
  for (const error of errors) {
    const base = pointerToField(error.instancePath, root);
    const field =
      error.keyword === 'required'
        ? base === root ? String(error.params.missingProperty) : `${base}.${String(error.params.missingProperty)}`
        : base;
    const current = byField.get(field);
    if (current === undefined || error.schemaPath.length < current.schemaPath.length) byField.set(field, error);
  }
  // A failed union (media as format A or B) is only worth reporting when no branch got far enough
  // to name a problem inside the field.
  const fields = [...byField.keys()];
  return [...byField.entries()]
    .filter(([field, error]) => !(UNION_KEYWORDS.has(error.keyword) && fields.some((other) => other.startsWith(`${field}.`) || other.startsWith(`${field}[`))))
    .map(([field, error]) => ({ field, reason: reasonFor(error) }));
}
