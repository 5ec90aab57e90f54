export type QueryValue = string | number | boolean | ReadonlyArray<string | number> | null | undefined;

/**
 * Writes query parameters the way the Open API reads them: arrays as comma lists, booleans as
 * 1/0, absent values left out. The result is also the exact string that gets signed.
 */
export function encodeQuery(params: Readonly<Record<string, QueryValue>> | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.append(name, value.join(','));
    } else if (typeof value === 'boolean') {
      search.append(name, value ? '1' : '0');
    } else {
      search.append(name, String(value));
    }
  }
  return search.toString();
}
