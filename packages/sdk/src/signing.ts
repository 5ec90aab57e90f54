/**
 * HMAC request signing of the Plaudit / Trustoo Open API (docs/signing-requests.md), on WebCrypto
 * so it runs in Node 20 and in browsers' workers alike. The server recomputes the same string from
 * what it receives, so the path, query and body signed must be exactly the ones sent.
 */

const encoder = new TextEncoder();

function compareBytes(a: string, b: string): number {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return (left[i] as number) - (right[i] as number);
  }
  return left.length - right.length;
}

/** The string to sign: sorted `name=value` pairs plus `timestamp`, then `|body` when there is one. */
export function stringToSign(rawQuery: string, timestamp: string, body: string): string {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of new URLSearchParams(rawQuery)) if (name !== 'sign') pairs.push([name, value]);
  pairs.push(['timestamp', timestamp]);
  pairs.sort(([an, av], [bn, bv]) => compareBytes(an, bn) || compareBytes(av, bv));
  const query = pairs.map(([name, value]) => `${name}=${value}`).join('&');
  return body.length > 0 ? `${query}|${body}` : query;
}

async function hmac(key: Uint8Array<ArrayBuffer>, message: string): Promise<Uint8Array> {
  const cryptoKey = await globalThis.crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message)));
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function hmacSha256Hex(key: string, message: string): Promise<string> {
  return toHex(await hmac(encoder.encode(key), message));
}

export async function hmacSha256Base64(key: Uint8Array<ArrayBuffer>, message: string): Promise<string> {
  const bytes = await hmac(key, message);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The `Sign` header for a request: lowercase hex HMAC-SHA256 keyed with the private token. */
export function signRequest(privateToken: string, rawQuery: string, timestamp: string, body: string): Promise<string> {
  return hmacSha256Hex(privateToken, stringToSign(rawQuery, timestamp, body));
}

export interface RequestToSignV2 {
  method: string;
  /** The path as sent, percent-encoded, without the query. */
  rawPath: string;
  /** The query as sent, without `?`. */
  rawQuery: string;
  timestamp: string;
  /** The body exactly as sent ('' for none). */
  rawBody: string;
}

async function sha256Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text))));
}

/**
 * Version 2's string to sign, one field per line: `PLAUDIT-HMAC-SHA256-V2`, the method, the raw
 * path, the raw query pairs sorted in byte order (never decoded), the timestamp and the hex
 * SHA-256 of the body.
 */
export async function stringToSignV2(request: RequestToSignV2): Promise<string> {
  const pairs = request.rawQuery.split('&').filter((pair) => pair !== '').sort(compareBytes);
  return ['PLAUDIT-HMAC-SHA256-V2', request.method.toUpperCase(), request.rawPath, pairs.join('&'), request.timestamp, await sha256Hex(request.rawBody)].join('\n');
}

/** The `Sign` header of a version-2 request (sent with `Sign-Version: 2`). */
export async function signRequestV2(privateToken: string, request: RequestToSignV2): Promise<string> {
  return hmacSha256Hex(privateToken, await stringToSignV2(request));
}

/** Constant-time comparison: the loop runs over the longer input whatever the contents. */
export function timingSafeEqual(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < Math.max(left.length, right.length); i++) difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return difference === 0;
}
