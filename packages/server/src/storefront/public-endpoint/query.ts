import { invalidField } from '../../http/errors.js';
import type { RawQuery } from '../../http/query-string.js';

/** Readers of the public endpoints' query strings (docs/reference/storefront.md), on the app's raw query form. */
export function firstValue(query: RawQuery, name: string): string | undefined {
  const value = query[name]?.[0]?.trim();
  return value === undefined || value === '' || value === 'undefined' || value === 'null' ? undefined : value;
}

export function integerParam(query: RawQuery, name: string, min: number, max: number, fallback?: number): number | undefined {
  const raw = firstValue(query, name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) throw invalidField(name, `must be an integer from ${min} to ${max}`);
  return Number(raw);
}

export function flagParam(query: RawQuery, name: string): boolean {
  return firstValue(query, name) === '1';
}

/** A list in any docs/reference/conventions.md §3.2 form: repeated, bracketed, or comma-separated. */
export function listParam(query: RawQuery, name: string): string[] {
  return (query[name] ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

export function shopSelector(query: RawQuery): { shop_id?: string; shop?: string } {
  const shopId = firstValue(query, 'shop_id');
  const shop = firstValue(query, 'shop');
  return { ...(shopId === undefined ? {} : { shop_id: shopId }), ...(shop === undefined ? {} : { shop }) };
}
