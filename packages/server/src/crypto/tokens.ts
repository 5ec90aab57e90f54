import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

function randomBytesOf(bytes: number): Buffer {
  if (bytes < 16) throw new Error('tokens carry at least 128 bits');
  return randomBytes(bytes);
}

/**
 * Random bytes from the CSPRNG as base64url without padding: a token, code or secret a person
 * copies from an address bar or pastes into a URL or a shell works as it is. Tokens minted
 * before (standard base64, with `+`, `/` and `=`) are compared as stored and keep working.
 */
export function randomToken(bytes: number): string {
  return randomBytesOf(bytes).toString('base64url');
}

/** Standard base64, for the `whsec_` secrets of Standard Webhooks, whose libraries decode exactly that. */
export function randomBase64Secret(bytes: number): string {
  return randomBytesOf(bytes).toString('base64');
}

export function sha256Hex(input: string | Buffer): string {
  return createHash('sha256').update(input).digest('hex');
}

/**
 * A value kept only as a hash, salted with its shop: the same value in two shops hashes apart, so
 * no table of hashes works across shops (erased opt-outs, reporting devices).
 */
export function shopSaltedSha256(shopId: string, value: string): string {
  return sha256Hex(`${shopId}\u0000${value}`);
}

/** Constant-time comparison of two strings; unequal lengths return false without early exit on content. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}
