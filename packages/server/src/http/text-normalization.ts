/**
 * docs/reference/conventions.md §8.4: every input string is NFC-normalised, `\r\n` becomes `\n` and both ends are trimmed,
 * before validation, so lengths are counted on what is stored.
 */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\r\n/g, '\n').trim();
}

/** The parts of a JSON Schema the normalisation reads. */
interface SchemaShape {
  type?: unknown;
  anyOf?: SchemaShape[];
  properties?: Record<string, SchemaShape>;
  items?: SchemaShape;
}

const VALUE_TYPES = new Set(['integer', 'number', 'boolean']);

/**
 * A number or flag that the contract also accepts spelled as a string (`rating: "5"`,
 * `is_published: "1"`) is a value, not text: it is validated exactly as sent. Trimming it first
 * would let `rating: "5 "` pass as `"5"`.
 */
function isExactValue(schema: SchemaShape | undefined): boolean {
  return schema?.anyOf?.some((variant) => VALUE_TYPES.has(String(variant.type))) ?? false;
}

function objectVariant(schema: SchemaShape | undefined): SchemaShape | undefined {
  return schema?.properties ? schema : schema?.anyOf?.find((variant) => variant.properties !== undefined);
}

function arrayItems(schema: SchemaShape | undefined): SchemaShape | undefined {
  return schema?.items ?? schema?.anyOf?.find((variant) => variant.items !== undefined)?.items;
}

/**
 * Normalises the text of a JSON body (docs/reference/conventions.md §8.4), guided by the operation's schema: free text is
 * normalised, values with an exact shape are left as sent for validation to judge. The body's
 * depth is bounded before this runs (json-text.ts), so the recursion is too.
 */
export function normalizeBodyText<T>(value: T, schema?: SchemaShape): T {
  if (typeof value === 'string') return (isExactValue(schema) ? value : normalizeText(value)) as T;
  if (Array.isArray(value)) return value.map((item) => normalizeBodyText(item, arrayItems(schema))) as T;
  if (value !== null && typeof value === 'object') {
    const properties = objectVariant(schema)?.properties ?? {};
    const result: Record<string, unknown> = {};
    // `__proto__` from JSON.parse is an own key; copying it would set the prototype, so it is dropped.
    for (const [key, item] of Object.entries(value)) if (key !== '__proto__') result[key] = normalizeBodyText(item, properties[key]);
    return result as T;
  }
  return value;
}

function acceptsNull(schema: { type?: unknown; anyOf?: Array<{ type?: unknown }> } | undefined): boolean {
  if (schema === undefined) return false;
  return schema.type === 'null' || (schema.anyOf?.some((variant) => variant.type === 'null') ?? false);
}

/**
 * docs/reference/conventions.md §3.3: `null` for an optional field means the field was not sent, unless the endpoint gives
 * null a meaning (reply: null removes the reply), which its schema says by accepting null.
 */
export function dropMeaninglessNulls(body: Record<string, unknown>, schema: { properties?: Record<string, { type?: unknown; anyOf?: Array<{ type?: unknown }> }> } | undefined): Record<string, unknown> {
  const properties = schema?.properties ?? {};
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === null && !acceptsNull(properties[key])) continue;
    result[key] = value;
  }
  return result;
}
