import { createHmac } from 'node:crypto';
import { safeEqual } from './tokens.js';

/**
 * Opaque, URL-safe tokens that carry a small JSON payload and an HMAC-SHA256 over it, keyed by a
 * key derived from SECRET_KEY for one purpose (a tracking token cannot be replayed as an
 * unsubscribe token). Format: `<payload base64url>.<signature base64url>`. Not encrypted: put
 * nothing secret in a payload, only identifiers the holder may see.
 */
function purposeKey(secretKey: Buffer, purpose: string): Buffer {
  return createHmac('sha256', secretKey).update(`plaudit-token:${purpose}`).digest();
}

function signature(secretKey: Buffer, purpose: string, payload: string): string {
  return createHmac('sha256', purposeKey(secretKey, purpose)).update(payload).digest('base64url');
}

export function signToken(secretKey: Buffer, purpose: string, payload: object): string {
  const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${encoded}.${signature(secretKey, purpose, encoded)}`;
}

/** The payload of a genuine token of this purpose, or undefined for anything forged or altered. */
export function verifyToken<T>(secretKey: Buffer, purpose: string, token: string): T | undefined {
  const [encoded, mac, extra] = token.split('.');
  if (!encoded || !mac || extra !== undefined || token.length > 4096) return undefined;
  if (!safeEqual(mac, signature(secretKey, purpose, encoded))) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    return payload !== null && typeof payload === 'object' ? (payload as T) : undefined;
  } catch {
    return undefined;
  }
}
