import { createHmac } from 'node:crypto';
import { safeEqual } from '../crypto/tokens.js';

/** docs/reference/reviews.md §10: credentials live 30 minutes; files are 1 byte to 10 MiB. */
export const POLICY_LIFETIME_SECONDS = 30 * 60;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export interface ImageUploadCredentials {
  access_id: string;
  host: string;
  expire: string;
  signature: string;
  policy: string;
  dir: string;
  callback: string;
}

const CALLBACK = Buffer.from(
  JSON.stringify({ callbackUrl: '', callbackBody: 'filename=${object}&size=${size}&mimeType=${mimeType}&height=${imageInfo.height}&width=${imageInfo.width}' }),
).toString('base64');

/** `<shop_id>/<yyyy>/<m>/<d>/`: the UTC day of issue, month and day without zero padding. */
export function uploadDirectory(shopId: string, nowSeconds: number): string {
  const day = new Date(nowSeconds * 1000);
  return `${shopId}/${day.getUTCFullYear()}/${day.getUTCMonth() + 1}/${day.getUTCDate()}/`;
}

function expirationText(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function signPolicy(policy: string, secret: string): string {
  return createHmac('sha1', secret).update(policy).digest('base64');
}

/** The OSS-style post policy of §10.2, member order and all, and the credentials around it. */
export function issueImageCredentials(input: { accessId: string; secret: string; host: string; dir: string; nowSeconds: number; lifetimeSeconds?: number }): ImageUploadCredentials {
  const expire = input.nowSeconds + (input.lifetimeSeconds ?? POLICY_LIFETIME_SECONDS);
  const json = JSON.stringify({
    expiration: expirationText(expire),
    conditions: [
      ['starts-with', '$key', input.dir],
      ['content-length-range', 1, MAX_IMAGE_BYTES],
      ['starts-with', '$Content-Type', 'image/'],
    ],
  });
  const policy = Buffer.from(json).toString('base64');
  return { access_id: input.accessId, host: input.host, expire: String(expire), signature: signPolicy(policy, input.secret), policy, dir: input.dir, callback: CALLBACK };
}

export interface VerifiedPolicy {
  keyPrefix: string;
  maxBytes: number;
}

/**
 * Checks signature (constant time), shape and expiry of a policy. Answers why it is refused, or
 * the key prefix it allows. The signature is checked first so a forged policy reveals nothing.
 */
export function verifyPolicy(policy: string, signature: string, secret: string, nowSeconds: number): VerifiedPolicy | { refused: string } {
  if (!safeEqual(signPolicy(policy, secret), signature)) return { refused: 'Signature does not match the policy' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(policy, 'base64').toString('utf8'));
  } catch {
    return { refused: 'policy is malformed' };
  }
  const shape = parsed as { expiration?: unknown; conditions?: unknown };
  const expiresAt = typeof shape.expiration === 'string' ? Date.parse(shape.expiration) : NaN;
  if (!Number.isFinite(expiresAt) || !Array.isArray(shape.conditions)) return { refused: 'policy is malformed' };
  if (expiresAt <= nowSeconds * 1000) return { refused: 'policy has expired' };
  const conditions = shape.conditions as unknown[][];
  const prefix = conditions.find((c) => c[0] === 'starts-with' && c[1] === '$key')?.[2];
  const range = conditions.find((c) => c[0] === 'content-length-range');
  if (typeof prefix !== 'string' || !Array.isArray(range) || typeof range[2] !== 'number') return { refused: 'policy is malformed' };
  return { keyPrefix: prefix, maxBytes: Math.min(range[2], MAX_IMAGE_BYTES) };
}
