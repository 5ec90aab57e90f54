import { isSafeNumber, parse } from 'lossless-json';

/**
 * A Shopify webhook body as JSON, with every number too large for a JavaScript number kept as
 * its digits: Shopify's ids run past 2^53 (customer ids of 18 digits), and JSON.parse would round
 * them into another customer's id.
 */
export function parseShopifyJson(text: string): unknown {
  return parse(text, null, (digits: string) => (isSafeNumber(digits) ? Number(digits) : digits));
}

/** An id as Plaudit stores it: the decimal digits Shopify sent, whatever their size. */
export function shopifyId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^[1-9]\d{0,24}$/.test(value)) return value;
  return undefined;
}
