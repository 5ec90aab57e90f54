import { createHash, createHmac, type KeyObject } from 'node:crypto';

/**
 * The two HMAC request-signing recipes, shared by the server (to verify), the CLI and tests (to
 * sign). docs/signing-requests.md states both exactly, with test vectors.
 *
 * Version 1 is Trustoo's recipe, kept byte for byte for compatibility: it signs the decoded query
 * pairs, sorted, plus the timestamp and the body, but neither the method nor the path. Version 2
 * signs everything that decides what a request does.
 */

/**
 * What makes a query need URLSearchParams' full decoding: a leading `?` (dropped), percent-escapes,
 * `+` (a space), or surrogates (an unpaired one becomes U+FFFD). Without any of them decoding
 * changes nothing, and splitting is all there is to do: the usual partner query, `page=1&page_size=20`.
 */
const NEEDS_DECODING = /^\?|[%+\uD800-\uDFFF]/;

/** Splits a raw query string into decoded pairs, `+` read as a space, empty values kept, exactly as URLSearchParams does. */
export function rawQueryPairs(rawQuery: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (NEEDS_DECODING.test(rawQuery)) {
    for (const [name, value] of new URLSearchParams(rawQuery)) pairs.push([name, value]);
    return pairs;
  }
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    pairs.push(equals === -1 ? [part, ''] : [part.slice(0, equals), part.slice(equals + 1)]);
  }
  return pairs;
}

/** Byte order, not UTF-16 order: the two differ for characters outside the Basic Multilingual Plane. */
const compareBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
/** Where no string holds a surrogate, UTF-16 order is code point order, which is UTF-8 byte order. */
const compareUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SURROGATE = /[\uD800-\uDFFF]/;

const hasSurrogate = (text: string) => SURROGATE.test(text);

/** The byte-order comparison for strings that hold a surrogate or none, without encoding each one per comparison when it need not. */
function byteOrderFor(anySurrogate: boolean): (a: string, b: string) => number {
  return anySurrogate ? compareBytes : compareUnits;
}

/**
 * Version 1: `name=value` pairs, decoded, sorted by name then value, joined by `&`; then `|body`.
 * The timestamp is signed once, however many places carry it: older clients also put it in the
 * query string (the verifier refuses a query timestamp that differs from the header).
 */
export function stringToSign(rawQuery: string, timestamp: string, body: string): string {
  return stringToSignOfPairs(rawQueryPairs(rawQuery), timestamp, body);
}

/** The same, from the query's pairs as `rawQueryPairs` gives them: the verifier splits a query once for all its checks. */
export function stringToSignOfPairs(pairs: ReadonlyArray<readonly [string, string]>, timestamp: string, body: string): string {
  const signed: Array<readonly [string, string]> = [];
  for (const pair of pairs) if (pair[0] !== 'sign' && pair[0] !== 'timestamp') signed.push(pair);
  signed.push(['timestamp', timestamp]);
  if (signed.length > 1) {
    const compare = byteOrderFor(signed.some(([name, value]) => hasSurrogate(name) || hasSurrogate(value)));
    signed.sort(([an, av], [bn, bv]) => compare(an, bn) || compare(av, bv));
  }
  let query = '';
  for (const [name, value] of signed) query += query.length === 0 ? `${name}=${value}` : `&${name}=${value}`;
  return body.length > 0 ? `${query}|${body}` : query;
}

/**
 * The key may be the private token itself or a KeyObject made from it once: a verifier that keeps
 * one per shop skips turning the token into key material on every request.
 */
export function computeSign(privateToken: string | KeyObject, message: string): string {
  return createHmac('sha256', privateToken).update(message, 'utf8').digest('hex');
}

export function signRequest(privateToken: string | KeyObject, rawQuery: string, timestamp: string, body: string): string {
  return computeSign(privateToken, stringToSign(rawQuery, timestamp, body));
}

/** The first line of every version-2 string to sign: a signature of one recipe never verifies under another. */
export const SIGN_V2_PREFIX = 'PLAUDIT-HMAC-SHA256-V2';

export interface RequestToSignV2 {
  method: string;
  /** The path exactly as sent, still percent-encoded, without the query. */
  rawPath: string;
  /** The query exactly as sent, without the `?`. */
  rawQuery: string;
  timestamp: string;
  /** The body's bytes exactly as sent ('' when there is none). */
  rawBody: string | Buffer;
}

/**
 * Version 2, one field per line: the prefix, the method in upper case, the raw path, the raw query
 * pairs (still percent-encoded, never decoded) sorted in byte order and joined by `&`, the
 * timestamp, and the lowercase hex SHA-256 of the raw body. Nothing is decoded, so
 * `keyword=a%26page_size%3D1` and `keyword=a&page_size=1` are different requests with different
 * signatures, and a signature made for one path or method verifies for no other.
 */
export function stringToSignV2(request: RequestToSignV2): string {
  const pairs = request.rawQuery.split('&').filter((pair) => pair !== '');
  pairs.sort(byteOrderFor(pairs.some(hasSurrogate)));
  const bodyHash = createHash('sha256').update(request.rawBody).digest('hex');
  return [SIGN_V2_PREFIX, request.method.toUpperCase(), request.rawPath, pairs.join('&'), request.timestamp, bodyHash].join('\n');
}

export function signRequestV2(privateToken: string | KeyObject, request: RequestToSignV2): string {
  return computeSign(privateToken, stringToSignV2(request));
}
