/**
 * README §8.4: every input string is NFC-normalised, `\r\n` becomes `\n` and both ends are trimmed,
 * before validation, so lengths are counted on what is stored.
 */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\r\n/g, '\n').trim();
}

export function normalizeBodyText<T>(value: T): T {
  if (typeof value === 'string') return normalizeText(value) as T;
  if (Array.isArray(value)) return value.map((item) => normalizeBodyText(item)) as T;
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    // `__proto__` from JSON.parse is an own key; copying it would set the prototype, so it is dropped.
    for (const [key, item] of Object.entries(value)) if (key !== '__proto__') result[key] = normalizeBodyText(item);
    return result as T;
  }
  return value;
}

function acceptsNull(schema: { type?: unknown; anyOf?: Array<{ type?: unknown }> } | undefined): boolean {
  if (schema === undefined) return false;
  return schema.type === 'null' || (schema.anyOf?.some((variant) => variant.type === 'null') ?? false);
}

/**
 * README §3.3: `null` for an optional field means the field was not sent, unless the endpoint gives
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
