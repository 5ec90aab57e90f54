import { parseTimeInput } from '../time/time-format.js';

/** docs/reference/conventions.md §8.4 URLs: absolute http(s), at most 2,048 characters. */
export function isHttpUrl(value: string): boolean {
  if (value.length > 2048 || !/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** docs/reference/conventions.md §8.4 e-mail rules: ≤ 254 characters, one `@`, local part 1–64, a dotted domain. */
export function isEmailAddress(value: string): boolean {
  if (value.length > 254 || /\s/.test(value)) return false;
  const parts = value.split('@');
  if (parts.length !== 2) return false;
  const [local, domain] = parts as [string, string];
  return local.length >= 1 && local.length <= 64 && /^[^.]+(\.[^.]+)+$/.test(domain);
}

/** Custom Ajv formats, named so they cannot clash with ajv-formats' own. */
export const validationFormats = {
  'http-url': isHttpUrl,
  'http-url-or-empty': (value: string) => value === '' || isHttpUrl(value),
  'email-address': (value: string) => value === '' || isEmailAddress(value),
  'time-input': (value: string) => parseTimeInput(value) !== null,
  'country-code': (value: string) => value === '' || /^[a-z]{2}$/i.test(value),
  'store-id': (value: string) => /^[\x21-\x7e]{1,64}$/.test(value) && !value.includes(','),
};
