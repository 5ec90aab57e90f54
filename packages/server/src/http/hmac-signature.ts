import { createHmac } from 'node:crypto';

/**
 * The HMAC request-signing recipe of auth.md §2, shared by the server (to verify) and tests (to sign).
 * The string to sign is built from the raw query string, never from a parsed object, so that
 * `ratings[0]=4` is signed under the name `ratings[0]` exactly as sent.
 */

/** Splits a raw query string into decoded pairs, `+` read as a space, empty values kept. */
export function rawQueryPairs(rawQuery: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of new URLSearchParams(rawQuery)) pairs.push([name, value]);
  return pairs;
}

const compareBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

export function stringToSign(rawQuery: string, timestamp: string, body: string): string {
  const pairs = rawQueryPairs(rawQuery).filter(([name]) => name !== 'sign');
  pairs.push(['timestamp', timestamp]);
  // Byte order, not UTF-16 order: the two differ for characters outside the Basic Multilingual Plane.
  pairs.sort(([an, av], [bn, bv]) => compareBytes(an, bn) || compareBytes(av, bv));
  const query = pairs.map(([name, value]) => `${name}=${value}`).join('&');
  return body.length > 0 ? `${query}|${body}` : query;
}

export function computeSign(privateToken: string, message: string): string {
  return createHmac('sha256', privateToken).update(message, 'utf8').digest('hex');
}

export function signRequest(privateToken: string, rawQuery: string, timestamp: string, body: string): string {
  return computeSign(privateToken, stringToSign(rawQuery, timestamp, body));
}
